import { kmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import {
  bestOfInitialisations,
  inertiaOf,
  KMEANS_INITIALISATIONS,
} from '../../../src/analysis/segment-anomalies/feature-clusters.js';
import { seededRandom } from '../seeded-random.js';

/** 300 points spread evenly over a square: no true clusters, so single k-means runs settle in different optima. */
function spread(): number[][] {
  const random = seededRandom(5);
  return Array.from({ length: 300 }, () => [random(), random()]);
}

describe('analysis/segment-anomalies k-means initialisations', () => {
  it('computes inertia as the sum of squared distances to the nearest centroid (by hand)', () => {
    // (0,0) and (2,0) → centroid (1,0): 1 + 1; (10,0) → centroid (10,1): 1. Total 3.
    expect(
      inertiaOf(
        [
          [0, 0],
          [2, 0],
          [10, 0],
        ],
        [
          [1, 0],
          [10, 1],
        ],
      ),
    ).toBe(3);
  });

  it(`keeps the lowest-inertia fit of ${KMEANS_INITIALISATIONS} seeded runs, checked against each run alone`, () => {
    const points = spread();
    const single = Array.from({ length: KMEANS_INITIALISATIONS }, (_, run) =>
      inertiaOf(
        points,
        kmeans(points, 6, { initialization: 'kmeans++', seed: 42 + run, maxIterations: 100 }).centroids,
      ),
    );
    // The single runs disagree, which is why one seed is not enough.
    expect(Math.max(...single) - Math.min(...single)).toBeGreaterThan(0.01);
    const chosen = inertiaOf(points, bestOfInitialisations(points, 6, 42));
    expect(chosen).toBeCloseTo(Math.min(...single), 12);
  });

  it('is deterministic: the same seed gives the same centroids', () => {
    const points = spread();
    expect(bestOfInitialisations(points, 4, 7)).toEqual(bestOfInitialisations(points, 4, 7));
  });
});
