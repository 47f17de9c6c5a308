import { kmeans } from 'ml-kmeans';
import { typedZScores } from '../stats/typed-arrays.js';
import { type ClusterProfile, profileClusters } from './cluster-profiles.js';
import { FEATURE_IDS, type FeatureMatrix } from './customer-features.js';
import { evenlySpacedIndices, type FlatPoints, meanSilhouette } from './silhouette.js';

/** k = 2..6 (analyses.md §5). */
export const CLUSTER_K_RANGE = [2, 3, 4, 5, 6] as const;

/** Fixed k-means++ seed, so the same data always gives the same clusters. */
export const DEFAULT_KMEANS_SEED = 42;

/**
 * Above this many complete rows k-means is fitted on an evenly spaced sample, and every row
 * is then assigned to its nearest centroid: centroids barely move past a few thousand points,
 * while ml-kmeans takes ~1 s per k on 20,000 rows (measured), far too slow for a million.
 */
export const KMEANS_FIT_LIMIT = 5000;

/**
 * k-means++ initialisations tried per k (seeds seed, seed + 1, …): one run's clusters depend on where its seeding
 * happened to start; the fit with the lowest inertia of ten hardly does, and the choice stays deterministic.
 */
export const KMEANS_INITIALISATIONS = 10;

/**
 * The initialisations compete on at most this many evenly spaced fit points (ten full fits of 5,000 points would
 * take seconds per k); the winner is then refined on every fit point.
 */
export const KMEANS_INIT_SAMPLE = 1000;

const MAX_ITERATIONS = 100;
const MAX_K = 6;

export type FeatureClusters =
  | {
      readonly kind: 'ok';
      readonly seed: number;
      readonly rowsClustered: number;
      readonly rowsLeftOut: number;
      /** Rows k-means was fitted on (all clustered rows unless above KMEANS_FIT_LIMIT). */
      readonly fittedOn: number;
      readonly silhouetteSample: number;
      readonly candidates: readonly { readonly k: number; readonly silhouette: number | null }[];
      readonly bestK: number;
      readonly bestSilhouette: number;
      readonly clusters: readonly ClusterProfile[];
    }
  | {
      readonly kind: 'unavailable';
      /** For --json readers; answers word the reason from `cause` in the reader's language. */
      readonly reason: string;
      readonly cause: ClusterUnavailableCause;
      readonly rowsClustered: number;
      readonly rowsLeftOut: number;
    };

/** Why no clustering: a code and its figures, so each language words it itself. */
export type ClusterUnavailableCause =
  | { readonly code: 'too-few'; readonly complete: number; readonly distinct: number }
  | { readonly code: 'no-clusters' };

export type { ClusterProfile, LabelCount } from './cluster-profiles.js';

export interface ClusterInputs {
  readonly features: FeatureMatrix;
  /** 1 for an anomaly, aligned with the feature rows. */
  readonly positive: Uint8Array;
  readonly segments: readonly (string | null)[];
  readonly stages: readonly (string | null)[];
  readonly seed: number;
}

/**
 * k-means (best of KMEANS_INITIALISATIONS k-means++ seedings from a fixed seed) on z-scored features for k = 2..6; rows with any
 * missing feature are left out and counted; the best k has the highest mean silhouette
 * (a tie keeps the smaller k).
 */
export function clusterFeatures(input: ClusterInputs): FeatureClusters {
  const { features } = input;
  const complete = completeRows(features);
  const rowsLeftOut = features.n - complete.length;
  const points = standardisedPoints(features, complete);
  const distinct = countDistinct(points, MAX_K);
  const usableK = CLUSTER_K_RANGE.filter((k) => k <= distinct && k < complete.length);
  if (usableK.length === 0) {
    return {
      kind: 'unavailable',
      reason: `only ${complete.length} customers have every feature (${distinct} distinct), too few for 2 clusters`,
      cause: { code: 'too-few', complete: complete.length, distinct },
      rowsClustered: complete.length,
      rowsLeftOut,
    };
  }

  const fitPoints = evenlySpacedIndices(complete.length, KMEANS_FIT_LIMIT).map((r) => pointAt(points, r));
  const candidates: { k: number; silhouette: number | null }[] = [];
  let best: { k: number; silhouette: number; labels: Int32Array; centroids: number[][] } | null = null;
  let silhouetteSample = 0;
  for (const k of CLUSTER_K_RANGE) {
    if (!usableK.includes(k)) {
      candidates.push({ k, silhouette: null });
      continue;
    }
    const centroids = bestOfInitialisations(fitPoints, k, input.seed);
    const labels = nearestCentroids(points, centroids);
    const s = meanSilhouette(points, labels);
    silhouetteSample = s.n;
    candidates.push({ k, silhouette: s.value });
    if (s.value !== null && (best === null || s.value > best.silhouette)) {
      best = { k, silhouette: s.value, labels, centroids };
    }
  }
  if (best === null) {
    return {
      kind: 'unavailable',
      reason: 'k-means found fewer than two non-empty clusters for every k',
      cause: { code: 'no-clusters' },
      rowsClustered: complete.length,
      rowsLeftOut,
    };
  }
  return {
    kind: 'ok',
    seed: input.seed,
    rowsClustered: complete.length,
    rowsLeftOut,
    fittedOn: fitPoints.length,
    silhouetteSample,
    candidates,
    bestK: best.k,
    bestSilhouette: best.silhouette,
    clusters: profileClusters(input, complete, best.labels, best.centroids),
  };
}

/**
 * Centroids for k: KMEANS_INITIALISATIONS k-means++ runs on the init sample, the one with the lowest inertia (the
 * first on a tie), refined on all fit points when the sample was smaller than them.
 */
export function bestOfInitialisations(fitPoints: readonly number[][], k: number, seed: number): number[][] {
  const sample = evenlySpacedIndices(fitPoints.length, KMEANS_INIT_SAMPLE).map((i) => fitPoints[i] as number[]);
  let best: { centroids: number[][]; inertia: number } | null = null;
  for (let run = 0; run < KMEANS_INITIALISATIONS; run++) {
    const fit = kmeans(sample, k, { initialization: 'kmeans++', seed: seed + run, maxIterations: MAX_ITERATIONS });
    const inertia = inertiaOf(sample, fit.centroids);
    if (best === null || inertia < best.inertia) best = { centroids: fit.centroids, inertia };
  }
  const centroids = (best as { centroids: number[][] }).centroids;
  if (sample.length === fitPoints.length) return centroids;
  return kmeans(fitPoints as number[][], k, { initialization: centroids, maxIterations: MAX_ITERATIONS }).centroids;
}

/** Sum of squared distances from each point to its nearest centroid. */
export function inertiaOf(points: readonly number[][], centroids: readonly number[][]): number {
  let total = 0;
  for (const point of points) {
    let nearest = Number.POSITIVE_INFINITY;
    for (const centre of centroids) {
      let d2 = 0;
      for (let d = 0; d < point.length; d++) {
        const diff = (point[d] as number) - (centre[d] as number);
        d2 += diff * diff;
      }
      if (d2 < nearest) nearest = d2;
    }
    total += nearest;
  }
  return total;
}

function completeRows(features: FeatureMatrix): Int32Array {
  const columns = FEATURE_IDS.map((id) => features.columns[id]);
  const rows = new Int32Array(features.n);
  let count = 0;
  for (let i = 0; i < features.n; i++) {
    let ok = true;
    for (const column of columns) {
      if (Number.isNaN(column[i] as number)) {
        ok = false;
        break;
      }
    }
    if (ok) rows[count++] = i;
  }
  return rows.slice(0, count);
}

/** The clustered rows in z units (population std over them; a constant feature is 0), row by row. */
function standardisedPoints(features: FeatureMatrix, rows: Int32Array): FlatPoints {
  const dims = FEATURE_IDS.length;
  const data = new Float64Array(rows.length * dims);
  FEATURE_IDS.forEach((id, f) => {
    const column = features.columns[id];
    const z = typedZScores(Float64Array.from(rows, (i) => column[i] as number));
    for (let r = 0; r < rows.length; r++) data[r * dims + f] = z[r] as number;
  });
  return { data, dims };
}

function pointAt(points: FlatPoints, r: number): number[] {
  return Array.from(points.data.subarray(r * points.dims, (r + 1) * points.dims));
}

/** Each point's nearest centroid (squared Euclidean; a tie keeps the lower-numbered centroid). */
function nearestCentroids(points: FlatPoints, centroids: readonly number[][]): Int32Array {
  const { data, dims } = points;
  const n = data.length / dims;
  const labels = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestLabel = 0;
    for (let c = 0; c < centroids.length; c++) {
      const centre = centroids[c] as number[];
      let d2 = 0;
      for (let d = 0; d < dims; d++) {
        const diff = (data[r * dims + d] as number) - (centre[d] as number);
        d2 += diff * diff;
      }
      if (d2 < bestDistance) {
        bestDistance = d2;
        bestLabel = c;
      }
    }
    labels[r] = bestLabel;
  }
  return labels;
}

/** Distinct points, counting no further than `limit` (k-means++ cannot seed more clusters than that). */
function countDistinct(points: FlatPoints, limit: number): number {
  const { data, dims } = points;
  const n = data.length / dims;
  const seen: number[] = [];
  for (let r = 0; r < n && seen.length < limit; r++) {
    const same = seen.some((q) => {
      for (let d = 0; d < dims; d++) if (data[q * dims + d] !== data[r * dims + d]) return false;
      return true;
    });
    if (!same) seen.push(r);
  }
  return seen.length;
}
