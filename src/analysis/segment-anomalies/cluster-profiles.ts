import { typedMedian } from '../stats/typed-arrays.js';
import { FEATURE_IDS, type FeatureId } from './customer-features.js';
import type { ClusterInputs } from './feature-clusters.js';
import { NOT_RECORDED } from './netsuite-customer.js';

/** What each k-means cluster is made of: its size, anomaly rate, feature medians and segment and stage mix. */

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

/** One profile per cluster, largest first; `rows` are the clustered feature rows, `labels` their clusters. */
export function profileClusters(
  input: ClusterInputs,
  rows: Int32Array,
  labels: Int32Array,
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
    const buffer = new Float64Array(members.length);
    const medians = {} as Record<FeatureId, number | null>;
    for (const id of FEATURE_IDS) {
      const column = input.features.columns[id];
      members.forEach((i, m) => {
        buffer[m] = column[i] as number;
      });
      medians[id] = typedMedian(buffer);
    }
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
