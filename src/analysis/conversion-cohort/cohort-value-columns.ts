import type { CodedColumn } from '../columns/coded-column.js';
import { mean } from '../stats/descriptive.js';
import type { CohortFunnelColumns, CohortValueColumns } from './cohort-columns.js';
import {
  type CohortLtv,
  type CohortRfm,
  type CohortTierLtvs,
  cohortLtvOf,
  groupSumsOfColumns,
  type TierSums,
  tierMeanOf,
} from './cohort-value.js';

/**
 * cohortRfm over the value columns: `valueRows` holds each member's value row (-1: none), in member order, so each
 * mean sums the same numbers in the same order as the row path.
 */
export function cohortRfmOfColumns(value: CohortValueColumns, valueRows: ArrayLike<number>): CohortRfm {
  const r: number[] = [];
  const f: number[] = [];
  const m: number[] = [];
  let withValueRow = 0;
  for (let k = 0; k < valueRows.length; k++) {
    const v = valueRows[k] as number;
    if (v < 0) continue;
    withValueRow++;
    pushPresent(r, value.recency[v] as number);
    pushPresent(f, value.frequency[v] as number);
    pushPresent(m, value.monetary[v] as number);
  }
  return {
    withValueRow,
    recency: { mean: mean(r), n: r.length },
    frequency: { mean: mean(f), n: f.length },
    monetary: { mean: mean(m), n: m.length },
  };
}

/**
 * cohortLtvAgainst over columns: the members' value rows (`valueRows`, -1: none) and funnel rows (`funnelRows`), in
 * member order, against the population's tier sums. Members are grouped by tier label, as the row path groups them.
 */
export function cohortLtvOfColumns(
  tierSums: TierSums,
  value: CohortValueColumns,
  valueRows: ArrayLike<number>,
  funnelAll: TierSums,
  funnel: CohortFunnelColumns,
  funnelRows: ArrayLike<number>,
): CohortLtv {
  const tierMean = tierMeanOf(tierSums);
  const cohort: CohortTierLtvs = { byTier: new Map(), allDiffs: [], withoutValueRow: 0, withoutTierOrLtv: 0 };
  const groupOfCode = groupsByLabel(value.tier, cohort.byTier);
  const baseOfCode = value.tier.dictionary.map((tier) => tierMean(tier));
  for (let k = 0; k < valueRows.length; k++) {
    const v = valueRows[k] as number;
    if (v < 0) {
      cohort.withoutValueRow++;
      continue;
    }
    const code = value.tier.indices[v] as number;
    const ltv = value.ltv[v] as number;
    if (code < 0 || Number.isNaN(ltv)) {
      cohort.withoutTierOrLtv++;
      continue;
    }
    const base = baseOfCode[code] as number;
    const group = groupOfCode(code);
    group.ltv.push(ltv);
    group.diff.push(ltv - base);
    cohort.allDiffs.push(ltv - base);
  }
  return cohortLtvOf(tierSums, cohort, funnelAll, groupSumsOfColumns(funnel.tier, funnel.ltv, funnelRows));
}

/** Each code's group in `byTier` (one per label, made when a member first has it, as the row path's Map does). */
function groupsByLabel(
  tier: CodedColumn,
  byTier: Map<string, { ltv: number[]; diff: number[] }>,
): (code: number) => { ltv: number[]; diff: number[] } {
  const ofCode: ({ ltv: number[]; diff: number[] } | undefined)[] = new Array(tier.dictionary.length);
  return (code) => {
    let group = ofCode[code];
    if (!group) {
      const label = tier.dictionary[code] as string;
      group = byTier.get(label) ?? { ltv: [], diff: [] };
      byTier.set(label, group);
      ofCode[code] = group;
    }
    return group;
  };
}

function pushPresent(values: number[], v: number): void {
  if (!Number.isNaN(v)) values.push(v);
}
