import { silhouette } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { FEATURE_IDS, type FeatureId } from '../../../src/analysis/segment-anomalies/customer-features.js';
import { clusterFeatures } from '../../../src/analysis/segment-anomalies/feature-clusters.js';
import { evenlySpacedIndices, flatPoints, meanSilhouette } from '../../../src/analysis/segment-anomalies/silhouette.js';
import { featureMatrix } from './feature-matrix.js';

describe('analysis/segment-anomalies/silhouette', () => {
  it('matches a hand-worked example', () => {
    // 1-D points 0,1 | 4,5. Point 0: a = 1, b = (4+5)/2 = 4.5, s = 3.5/4.5 = 7/9.
    // Point 1: a = 1, b = (3+4)/2 = 3.5, s = 2.5/3.5 = 5/7; 4 and 5 mirror them.
    // Mean = (7/9 + 5/7) / 2 = 47/63 = .746032.
    const s = meanSilhouette(flatPoints([[0], [1], [4], [5]]), [0, 0, 1, 1]);
    expect(s.value).toBeCloseTo(47 / 63, 12);
    expect(s.n).toBe(4);
  });

  it('scores a singleton cluster 0 and copes with label gaps', () => {
    // Labels 3 and 7 (gaps): point 10 is alone → 0. Points 0, 2: a = 2, b = 10 and 8 →
    // s = .8 and .75; mean (0.8 + 0.75 + 0) / 3 = .516667.
    expect(meanSilhouette(flatPoints([[0], [2], [10]]), [3, 3, 7]).value).toBeCloseTo(1.55 / 3, 12);
  });

  it('has no value with a single cluster', () => {
    expect(meanSilhouette(flatPoints([[0], [1]]), [0, 0]).value).toBeNull();
  });

  it('agrees with simple-statistics on a 2-D example with three clusters', () => {
    const points = Array.from({ length: 30 }, (_, i) => [Math.sin(i) * 3 + (i % 3) * 5, Math.cos(i * 2) + (i % 3)]);
    const labels = points.map((_, i) => i % 3);
    const reference = silhouette(points, labels);
    const expected = reference.reduce((a, b) => a + b, 0) / reference.length;
    expect(meanSilhouette(flatPoints(points), labels).value).toBeCloseTo(expected, 12);
  });

  it('samples evenly and deterministically above the limit', () => {
    expect(evenlySpacedIndices(10, 4)).toEqual([0, 2, 5, 7]);
    expect(evenlySpacedIndices(3, 4)).toEqual([0, 1, 2]);
  });
});

/** Two well separated groups of 20 on every feature, with a little deterministic jitter. */
function twoGroups() {
  const n = 40;
  const given: Partial<Record<FeatureId, number[]>> = {};
  FEATURE_IDS.forEach((id, f) => {
    given[id] = Array.from({ length: n }, (_, i) => (i < 20 ? 0 : 10) + Math.sin(i * 7 + f) * 0.5);
  });
  return featureMatrix(n, given);
}

describe('analysis/segment-anomalies/feature-clusters', () => {
  const positive = Uint8Array.from({ length: 40 }, (_, i) => (i >= 30 ? 1 : 0));
  const segments = Array.from({ length: 40 }, (_, i) => (i < 20 ? 'Basic' : 'Premium'));
  const stages = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'Mature' : null));

  it('gives the same clusters for the same seed', () => {
    const input = { features: twoGroups(), positive, segments, stages, seed: 7 };
    const first = clusterFeatures(input);
    const second = clusterFeatures(input);
    expect(second).toEqual(first);
  });

  it('finds two clusters in two separated groups, with medians and mixes', () => {
    const result = clusterFeatures({ features: twoGroups(), positive, segments, stages, seed: 42 });
    if (result.kind !== 'ok') throw new Error(result.reason);
    expect(result.bestK).toBe(2);
    expect(result.candidates.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.clusters.map((c) => c.n)).toEqual([20, 20]);
    const premium = result.clusters.find((c) => c.segmentMix[0]?.label === 'Premium');
    expect(premium?.segmentMix).toEqual([{ label: 'Premium', n: 20 }]);
    expect(premium?.anomalies).toBe(10);
    expect(premium?.anomalyRate).toBe(0.5);
    expect(premium?.stageMix).toEqual([
      { label: '(not recorded)', n: 10 },
      { label: 'Mature', n: 10 },
    ]);
    expect(premium?.medians.months).toBeGreaterThan(9);
    expect(result.bestSilhouette).toBeGreaterThan(0.8);
  });

  it('leaves out rows with any missing feature and says when too few remain', () => {
    const features = twoGroups();
    for (let i = 0; i < 38; i++) features.columns.entropy[i] = Number.NaN;
    const result = clusterFeatures({ features, positive, segments, stages, seed: 42 });
    expect(result).toMatchObject({ kind: 'unavailable', rowsClustered: 2, rowsLeftOut: 38 });
  });
});
