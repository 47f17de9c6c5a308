import { kmeans } from 'ml-kmeans';
import { median } from '../stats/descriptive.js';
import { FEATURE_IDS, type FeatureId, type FeatureMatrix } from './customer-features.js';
import { NOT_RECORDED } from './netsuite-customer.js';
import { evenlySpacedIndices, meanSilhouette } from './silhouette.js';

/** k = 2..6 (analyses.md §5). */
export const CLUSTER_K_RANGE = [2, 3, 4, 5, 6] as const;

/** Fixed k-means++ seed, so the same data always gives the same clusters. */
export const DEFAULT_KMEANS_SEED = 42;

/**
 * Above this many complete rows k-means is fitted on an evenly spaced sample and every row
 * is then assigned to its nearest centroid: the centroids barely move past a few thousand
 * points, while fitting five k on a million rows would take tens of seconds.
 */
export const KMEANS_FIT_LIMIT = 20_000;

const MAX_ITERATIONS = 100;
const MAX_K = 6;

export interface LabelCount {
  readonly label: string;
  readonly n: number;
}

export interface ClusterProfile {
  /** 1-based, largest cluster first. */
  readonly cluster: number;
  readonly n: number;
  readonly anomalies: number;
  readonly anomalyRate: number;
  /** Medians of the raw (not z-scored) features. */
  readonly medians: Readonly<Record<FeatureId, number | null>>;
  /** Centroid in z units, in FEATURES order. */
  readonly centroid: readonly number[];
  readonly segmentMix: readonly LabelCount[];
  readonly stageMix: readonly LabelCount[];
}

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
      readonly reason: string;
      readonly rowsClustered: number;
      readonly rowsLeftOut: number;
    };

export interface ClusterInputs {
  readonly features: FeatureMatrix;
  /** 1 for an anomaly, aligned with the feature rows. */
  readonly positive: Uint8Array;
  readonly segments: readonly (string | null)[];
  readonly stages: readonly (string | null)[];
  readonly seed: number;
}

/**
 * k-means (k-means++ seeding, fixed seed) on z-scored features for k = 2..6; rows with any
 * missing feature are left out and counted; the best k has the highest mean silhouette
 * (a tie keeps the smaller k).
 */
export function clusterFeatures(input: ClusterInputs): FeatureClusters {
  const { features } = input;
  const complete = completeRows(features);
  const rowsLeftOut = features.n - complete.length;
  const points = standardisedPoints(features, complete);
  const distinct = countDistinct(points, MAX_K);
  const usableK = CLUSTER_K_RANGE.filter((k) => k <= distinct && k < points.length);
  if (usableK.length === 0) {
    return {
      kind: 'unavailable',
      reason: `only ${complete.length} customers have every feature (${distinct} distinct), too few for 2 clusters`,
      rowsClustered: complete.length,
      rowsLeftOut,
    };
  }

  const fitIndices = evenlySpacedIndices(points.length, KMEANS_FIT_LIMIT);
  const fitPoints = fitIndices.length === points.length ? points : fitIndices.map((i) => points[i] as number[]);
  const candidates: { k: number; silhouette: number | null }[] = [];
  let best: { k: number; silhouette: number; labels: number[]; centroids: number[][] } | null = null;
  let silhouetteSample = 0;
  for (const k of CLUSTER_K_RANGE) {
    if (!usableK.includes(k)) {
      candidates.push({ k, silhouette: null });
      continue;
    }
    const fit = kmeans(fitPoints, k, { initialization: 'kmeans++', seed: input.seed, maxIterations: MAX_ITERATIONS });
    const labels = fitPoints === points ? fit.clusters : fit.nearest(points);
    const s = meanSilhouette(points, labels);
    silhouetteSample = s.n;
    candidates.push({ k, silhouette: s.value });
    if (s.value !== null && (best === null || s.value > best.silhouette)) {
      best = { k, silhouette: s.value, labels, centroids: fit.centroids };
    }
  }
  if (best === null) {
    return {
      kind: 'unavailable',
      reason: 'k-means found fewer than two non-empty clusters for every k',
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

function completeRows(features: FeatureMatrix): number[] {
  const columns = FEATURE_IDS.map((id) => features.columns[id]);
  const rows: number[] = [];
  for (let i = 0; i < features.n; i++) {
    if (columns.every((c) => !Number.isNaN(c[i] as number))) rows.push(i);
  }
  return rows;
}

/** Points in z units over the clustered rows (population std; a constant feature is 0). */
function standardisedPoints(features: FeatureMatrix, rows: readonly number[]): number[][] {
  const points = rows.map(() => new Array<number>(FEATURE_IDS.length));
  FEATURE_IDS.forEach((id, f) => {
    const column = features.columns[id];
    let sum = 0;
    for (const i of rows) sum += column[i] as number;
    const mean = sum / rows.length;
    let squares = 0;
    for (const i of rows) squares += ((column[i] as number) - mean) ** 2;
    const sd = Math.sqrt(squares / rows.length);
    rows.forEach((i, r) => {
      (points[r] as number[])[f] = sd > 0 ? ((column[i] as number) - mean) / sd : 0;
    });
  });
  return points;
}

/** Distinct points, counting no further than `limit` (k-means++ cannot seed more clusters than that). */
function countDistinct(points: readonly number[][], limit: number): number {
  const seen: number[][] = [];
  for (const p of points) {
    if (!seen.some((q) => q.every((v, d) => v === p[d]))) seen.push(p);
    if (seen.length >= limit) break;
  }
  return seen.length;
}

function profileClusters(
  input: ClusterInputs,
  rows: readonly number[],
  labels: readonly number[],
  centroids: readonly number[][],
): ClusterProfile[] {
  const byCluster = new Map<number, number[]>();
  rows.forEach((i, r) => {
    const label = labels[r] as number;
    const members = byCluster.get(label);
    if (members) members.push(i);
    else byCluster.set(label, [i]);
  });
  // Largest first; equal sizes keep the order k-means numbered them in.
  const ordered = [...byCluster].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  return ordered.map(([label, members], index) => {
    let anomalies = 0;
    for (const i of members) anomalies += input.positive[i] as number;
    const medians = Object.fromEntries(
      FEATURE_IDS.map((id) => [id, median(members.map((i) => input.features.columns[id][i] as number))]),
    ) as Record<FeatureId, number | null>;
    return {
      cluster: index + 1,
      n: members.length,
      anomalies,
      anomalyRate: anomalies / members.length,
      medians,
      centroid: centroids[label] ?? [],
      segmentMix: mix(members, input.segments),
      stageMix: mix(members, input.stages),
    };
  });
}

function mix(members: readonly number[], levels: readonly (string | null)[]): LabelCount[] {
  const counts = new Map<string, number>();
  for (const i of members) {
    const label = levels[i] ?? NOT_RECORDED;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => ({ label, n })).sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
}
