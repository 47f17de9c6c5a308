import { cumeDist, type Tertile, tertileOf } from '../stats/cume-dist.js';
import type { FeatureMatrix } from './customer-features.js';
import type { AnomalyDirections } from './segment-retention.js';

export const RULE_GROUPS = ['stable-balanced', 'unstable-seasonal', 'mixed'] as const;
export type RuleGroupId = (typeof RULE_GROUPS)[number];

export interface RuleGroup {
  readonly group: RuleGroupId;
  readonly n: number;
  readonly anomalies: number;
  /** null for an empty group (n/a, never 0). */
  readonly anomalyRate: number | null;
  /** The group's share of the grouped rows' total revenue; null when that total is not positive. */
  readonly revenueShare: number | null;
}

/** One cell of the volatility × imbalance tertile grid (the heatmap). */
export interface TertileCell {
  readonly volatilityTertile: Tertile;
  readonly imbalanceTertile: Tertile;
  readonly n: number;
  readonly anomalies: number;
  readonly anomalyRate: number | null;
}

export interface RuleGroups {
  /** Rows with both imbalance and volatility present: the population the tertiles are cut over. */
  readonly n: number;
  /** Rows left out because imbalance or volatility was missing. */
  readonly leftOut: number;
  readonly groups: readonly RuleGroup[];
  /** 9 cells, volatility tertile major, imbalance tertile minor. */
  readonly cells: readonly TertileCell[];
  /** The upper bound of T1 and the lower bound of T3 for each measure (largest/smallest value inside). */
  readonly cutOffs: {
    readonly imbalance: { readonly lowMax: number | null; readonly highMin: number | null };
    readonly volatility: { readonly lowMax: number | null; readonly highMin: number | null };
  };
}

/**
 * Rule groups from cume_dist tertiles of seasonality imbalance and value volatility:
 * stable-balanced = T1 on both, unstable-seasonal = T3 on both, mixed = the rest.
 */
export function computeRuleGroups(
  features: FeatureMatrix,
  direction: AnomalyDirections,
  revenue: readonly (number | null)[],
): RuleGroups {
  const imbalance = features.columns.imbalance;
  const volatility = features.columns.volatility;
  const rows: number[] = [];
  for (let i = 0; i < features.n; i++) {
    if (!Number.isNaN(imbalance[i] as number) && !Number.isNaN(volatility[i] as number)) rows.push(i);
  }
  const imbalanceValues = rows.map((i) => imbalance[i] as number);
  const volatilityValues = rows.map((i) => volatility[i] as number);
  const imbalanceDist = cumeDist(imbalanceValues);
  const volatilityDist = cumeDist(volatilityValues);

  const cellCounts = Array.from({ length: 9 }, () => ({ n: 0, anomalies: 0 }));
  const groupCounts = new Map(RULE_GROUPS.map((g) => [g, { n: 0, anomalies: 0, revenue: 0 }]));
  let totalRevenue = 0;
  const cut = { imbalance: emptyCut(), volatility: emptyCut() };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const ti = tertileOf(imbalanceDist, imbalanceValues[k] as number);
    const tv = tertileOf(volatilityDist, volatilityValues[k] as number);
    track(cut.imbalance, ti, imbalanceValues[k] as number);
    track(cut.volatility, tv, volatilityValues[k] as number);
    const isAnomaly = direction[i] !== 0 ? 1 : 0;
    const cell = cellCounts[(tv - 1) * 3 + (ti - 1)] as { n: number; anomalies: number };
    cell.n++;
    cell.anomalies += isAnomaly;
    const group: RuleGroupId =
      ti === 1 && tv === 1 ? 'stable-balanced' : ti === 3 && tv === 3 ? 'unstable-seasonal' : 'mixed';
    const g = groupCounts.get(group) as { n: number; anomalies: number; revenue: number };
    g.n++;
    g.anomalies += isAnomaly;
    const r = revenue[i] ?? 0;
    g.revenue += r;
    totalRevenue += r;
  }

  const groups = RULE_GROUPS.map((group): RuleGroup => {
    const g = groupCounts.get(group) as { n: number; anomalies: number; revenue: number };
    return {
      group,
      n: g.n,
      anomalies: g.anomalies,
      anomalyRate: g.n > 0 ? g.anomalies / g.n : null,
      revenueShare: totalRevenue > 0 ? g.revenue / totalRevenue : null,
    };
  });
  const cells = cellCounts.map(
    (c, index): TertileCell => ({
      volatilityTertile: (Math.floor(index / 3) + 1) as Tertile,
      imbalanceTertile: ((index % 3) + 1) as Tertile,
      n: c.n,
      anomalies: c.anomalies,
      anomalyRate: c.n > 0 ? c.anomalies / c.n : null,
    }),
  );
  return { n: rows.length, leftOut: features.n - rows.length, groups, cells, cutOffs: cut };
}

function emptyCut(): { lowMax: number | null; highMin: number | null } {
  return { lowMax: null, highMin: null };
}

function track(cut: { lowMax: number | null; highMin: number | null }, tertile: Tertile, value: number): void {
  if (tertile === 1 && (cut.lowMax === null || value > cut.lowMax)) cut.lowMax = value;
  if (tertile === 3 && (cut.highMin === null || value < cut.highMin)) cut.highMin = value;
}
