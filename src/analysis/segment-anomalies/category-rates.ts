import { NOT_RECORDED } from './netsuite-customer.js';
import type { AnomalyDirections } from './segment-retention.js';

export interface CategoryRate {
  readonly level: string;
  readonly n: number;
  readonly anomaliesAbove: number;
  readonly anomaliesBelow: number;
  readonly anomalyRate: number;
  /** The level's share of all anomalies; null when there are none. */
  readonly shareOfAnomalies: number | null;
}

/**
 * Anomaly rate per level of one category (a cross-tab of level × anomaly direction). Missing
 * levels stay as their own row so the counts add up. Sorted by rate, then n, both descending.
 */
export function anomalyRateBy(levels: readonly (string | null)[], direction: AnomalyDirections): CategoryRate[] {
  const tallies = new Map<string, { n: number; above: number; below: number }>();
  let anomalies = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i] ?? NOT_RECORDED;
    let t = tallies.get(level);
    if (t === undefined) {
      t = { n: 0, above: 0, below: 0 };
      tallies.set(level, t);
    }
    t.n++;
    const d = direction[i];
    if (d === 1) t.above++;
    else if (d === -1) t.below++;
    if (d !== 0) anomalies++;
  }
  return [...tallies]
    .map(([level, t]) => ({
      level,
      n: t.n,
      anomaliesAbove: t.above,
      anomaliesBelow: t.below,
      anomalyRate: (t.above + t.below) / t.n,
      shareOfAnomalies: anomalies > 0 ? (t.above + t.below) / anomalies : null,
    }))
    .sort((a, b) => b.anomalyRate - a.anomalyRate || b.n - a.n || a.level.localeCompare(b.level));
}
