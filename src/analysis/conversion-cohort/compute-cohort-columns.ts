import { codedValue } from '../columns/coded-column.js';
import type { CohortColumns } from './cohort-columns.js';
import { distributionOfCodes, flagShareOfRows } from './cohort-distributions.js';
import type { CohortBounds } from './cohort-inputs.js';
import { groupSumsOfColumns } from './cohort-value.js';
import { cohortLtvOfColumns, cohortRfmOfColumns } from './cohort-value-columns.js';
import {
  type CohortFigures,
  type CohortPopulation,
  type ConversionCohortResult,
  unavailableFor,
} from './compute-conversion-cohort.js';
import { platformMixOf, tallyPlatformColumns } from './platform-mix.js';
import { crossTabColumns, riskVelocityOf } from './risk-velocity.js';
import type { CohortSelectionSummary } from './select-cohort.js';

/**
 * computeConversionCohort over columns: the same result, figure by figure. The selection, every whole-population
 * figure and every cohort figure are loops over typed arrays (the cohort's over its members' rows, in row order, so
 * sums come out as the same bits); no member becomes a row object (~200k at a million customers). `memberRows` are
 * the members' activity rows (row order), for the caller's per-member lookups (zones, organisations). Pure: columns
 * in, result out.
 */
export function computeConversionCohortColumns(
  columns: CohortColumns,
  bounds: CohortBounds,
  /** cohortPopulationOf(columns), when the caller keeps it (it does not depend on the bounds). */
  population?: CohortPopulation,
): { readonly cohort: ConversionCohortResult; readonly memberRows: readonly number[] } {
  const { activity, funnel } = columns;
  const activityRows = activity.key.indices.length;
  const funnelRows = funnel.key.indices.length;
  const unavailable = unavailableFor(activityRows, funnelRows, null);
  if (unavailable) return { cohort: unavailable, memberRows: [] };
  const { selection, memberRows } = selectCohortColumns(columns, bounds);
  const none = unavailableFor(activityRows, funnelRows, selection);
  if (none) return { cohort: none, memberRows: [] };
  const figures = cohortFiguresOfColumns(selection, columns, memberRows, population ?? cohortPopulationOf(columns));
  return { cohort: figures, memberRows };
}

/** cohortFigures over the members' rows of each table (activity rows in order; their funnel and value rows). */
export function cohortFiguresOfColumns(
  selection: CohortSelectionSummary,
  columns: CohortColumns,
  memberRows: readonly number[],
  population: CohortPopulation,
): CohortFigures {
  const { activity, funnel, value } = columns;
  const n = memberRows.length;
  const funnelRows = new Int32Array(n);
  const valueRows = new Int32Array(n);
  const memberKeys = new Array<string>(n);
  const handOffs = {
    marketingToSalesDays: new Array<number | null>(n),
    salesToSupportDays: new Array<number | null>(n),
    tier: new Array<string | null>(n),
    ltv: new Array<number | null>(n),
  };
  for (let k = 0; k < n; k++) {
    const r = memberRows[k] as number;
    const f = columns.funnelRowOf[r] as number;
    funnelRows[k] = f;
    valueRows[k] = columns.valueRowOf[r] as number;
    memberKeys[k] = codedValue(activity.key, r) as string;
    handOffs.marketingToSalesDays[k] = numberOrNull(funnel.marketingToSalesDays[f] as number);
    handOffs.salesToSupportDays[k] = numberOrNull(funnel.salesToSupportDays[f] as number);
    handOffs.tier[k] = codedValue(funnel.tier, f);
    handOffs.ltv[k] = numberOrNull(funnel.ltv[f] as number);
  }
  return {
    kind: 'ok',
    selection,
    size: n,
    memberKeys,
    rfm: cohortRfmOfColumns(value, valueRows),
    ltv: cohortLtvOfColumns(population.valueTierLtv, value, valueRows, population.funnelTierLtv, funnel, funnelRows),
    channels: {
      activity: distributionOfCodes(activity.channel, memberRows),
      activityAll: population.channels,
      funnel: distributionOfCodes(funnel.channel, funnelRows),
    },
    zendesk: flagShareOfRows(activity.zendeskActive, memberRows),
    platformMix: platformMixOf(
      tallyPlatformColumns(activity.inMarketo, activity.inStripe, activity.inZendesk, activity.health, memberRows),
      population.platforms,
    ),
    riskVelocity: riskVelocityOf(
      crossTabColumns(activity.riskLevel, activity.velocity, activity.health, memberRows),
      population.riskVelocity,
    ),
    handOffs,
  };
}

/** The whole-population figures the cohort is compared with: the same for any bounds, so a caller may keep them. */
export function cohortPopulationOf(columns: CohortColumns): CohortPopulation {
  const { activity, funnel, value } = columns;
  return {
    valueTierLtv: groupSumsOfColumns(value.tier, value.ltv),
    funnelTierLtv: groupSumsOfColumns(funnel.tier, funnel.ltv),
    channels: distributionOfCodes(activity.channel),
    platforms: tallyPlatformColumns(activity.inMarketo, activity.inStripe, activity.inZendesk, activity.health),
    riskVelocity: crossTabColumns(activity.riskLevel, activity.velocity, activity.health),
  };
}

/** selectCohort over columns, without its members' rows: `memberRows` are their activity rows, in order. */
export function selectCohortColumns(
  columns: CohortColumns,
  bounds: CohortBounds,
): { selection: CohortSelectionSummary; memberRows: number[] } {
  const { activity, funnel, funnelRowOf } = columns;
  const composite = activity.composite;
  let sum = 0;
  let compositeMeanN = 0;
  for (let r = 0; r < composite.length; r++) {
    const v = composite[r] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    compositeMeanN++;
  }
  const compositeMean = compositeMeanN > 0 ? sum / compositeMeanN : null;
  const compositeThreshold = bounds.compositeAbove === 'mean' ? compositeMean : bounds.compositeAbove;

  const m2sDays = funnel.marketingToSalesDays;
  const s2sDays = funnel.salesToSupportDays;
  let joined = 0;
  let missingDays = 0;
  let inRange = 0;
  let aboveS2s = 0;
  let missingComposite = 0;
  const memberRows: number[] = [];
  for (let r = 0; r < composite.length; r++) {
    const f = funnelRowOf[r] as number;
    if (f < 0) continue;
    joined++;
    const m2s = m2sDays[f] as number;
    const s2s = s2sDays[f] as number;
    if (Number.isNaN(m2s) || Number.isNaN(s2s)) {
      missingDays++;
      continue;
    }
    if (m2s < bounds.m2sMin || m2s > bounds.m2sMax) continue;
    inRange++;
    if (!(s2s > bounds.s2sAbove)) continue;
    aboveS2s++;
    const c = composite[r] as number;
    if (Number.isNaN(c)) {
      missingComposite++;
      continue;
    }
    if (compositeThreshold === null || !(c > compositeThreshold)) continue;
    memberRows.push(r);
  }
  return {
    selection: {
      bounds,
      compositeMean,
      compositeMeanN,
      compositeThreshold,
      steps: {
        joined,
        missingDays,
        inMarketingToSalesRange: inRange,
        aboveSalesToSupport: aboveS2s,
        missingComposite,
        aboveComposite: memberRows.length,
      },
    },
    memberRows,
  };
}

function numberOrNull(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}
