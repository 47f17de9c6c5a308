import { activityRowAt, type CohortColumns, funnelRowAt, valueRowAt } from './cohort-columns.js';
import { distributionOfCodes } from './cohort-distributions.js';
import type { CohortBounds } from './cohort-inputs.js';
import { groupSumsOfColumns } from './cohort-value.js';
import {
  type CohortPopulation,
  type ConversionCohortResult,
  cohortFigures,
  unavailableFor,
} from './compute-conversion-cohort.js';
import { tallyPlatformColumns } from './platform-mix.js';
import { crossTabColumns } from './risk-velocity.js';
import type { CohortMember, CohortSelection } from './select-cohort.js';

/**
 * computeConversionCohort over columns: the same result, figure by figure. The selection and every whole-population
 * figure are loops over typed arrays in row order (so sums come out as the same bits); only the cohort's members
 * become row objects, for the figures and lists that show them. `memberRows` are the members' activity rows (row
 * order), for the caller's per-member lookups (zones, organisations). Pure: columns in, result out.
 */
export function computeConversionCohortColumns(
  columns: CohortColumns,
  bounds: CohortBounds,
  /** cohortPopulationOf(columns), when the caller keeps it (it does not depend on the bounds). */
  population?: CohortPopulation,
): { readonly cohort: ConversionCohortResult; readonly memberRows: readonly number[] } {
  const { activity, funnel, value } = columns;
  const activityRows = activity.key.indices.length;
  const funnelRows = funnel.key.indices.length;
  const unavailable = unavailableFor(activityRows, funnelRows, null);
  if (unavailable) return { cohort: unavailable, memberRows: [] };
  const { selection, memberRows } = selectCohortColumns(columns, bounds);
  const none = unavailableFor(activityRows, funnelRows, selection);
  if (none) return { cohort: none, memberRows: [] };
  const cohortValue = memberRows.map((r) => {
    const v = columns.valueRowOf[r] as number;
    return v < 0 ? undefined : valueRowAt(value, v);
  });
  return { cohort: cohortFigures(selection, cohortValue, population ?? cohortPopulationOf(columns)), memberRows };
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

/** selectCohort over columns; `memberRows` are the members' activity rows, in order. */
export function selectCohortColumns(
  columns: CohortColumns,
  bounds: CohortBounds,
): { selection: CohortSelection; memberRows: number[] } {
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
  const members: CohortMember[] = [];
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
    members.push({ activity: activityRowAt(activity, r), funnel: funnelRowAt(funnel, f) });
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
        aboveComposite: members.length,
      },
      members,
    },
    memberRows,
  };
}
