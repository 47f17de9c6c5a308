import { type Distribution, distribution, type FlagShare, flagShare } from './cohort-distributions.js';
import type { CohortBounds, CohortInputs, CohortValueRow } from './cohort-inputs.js';
import {
  type CohortLtv,
  type CohortRfm,
  cohortLtvAgainst,
  cohortRfm,
  groupSums,
  type TierSums,
} from './cohort-value.js';
import { type PlatformMix, type PlatformTally, platformMixOf, tallyPlatforms } from './platform-mix.js';
import { crossTab, type RiskVelocity, type RiskVelocityTable, riskVelocityOf } from './risk-velocity.js';
import { type CohortSelection, type CohortSelectionSummary, selectCohort } from './select-cohort.js';

export interface CohortFigures {
  readonly kind: 'ok';
  readonly selection: CohortSelectionSummary;
  readonly size: number;
  /** Cohort emails, in activity-row order. */
  readonly memberKeys: readonly string[];
  readonly rfm: CohortRfm;
  readonly ltv: CohortLtv;
  /**
   * Activity-table channels (the §2 figure), the same over every activity customer (the
   * baseline the cohort is compared with), and the funnel's own channel vocabulary beside it.
   */
  readonly channels: {
    readonly activity: Distribution;
    readonly activityAll: Distribution;
    readonly funnel: Distribution;
  };
  readonly zendesk: FlagShare;
  readonly platformMix: PlatformMix;
  readonly riskVelocity: RiskVelocity;
  /** The funnel figures each member is listed with, in member order. */
  readonly handOffs: MemberHandOffs;
}

/** Per member, in member order (parallel to memberKeys): its funnel row's hand-off days, tier and LTV. */
export interface MemberHandOffs {
  readonly marketingToSalesDays: readonly (number | null)[];
  readonly salesToSupportDays: readonly (number | null)[];
  readonly tier: readonly (string | null)[];
  readonly ltv: readonly (number | null)[];
}

export interface CohortUnavailable {
  readonly kind: 'unavailable';
  readonly reason: string;
  readonly activityRows: number;
  readonly funnelRows: number;
  readonly joined: number;
}

export type ConversionCohortResult = CohortFigures | CohortUnavailable;

/**
 * §2 on latest snapshots: the slow-hand-off cohort and its profile against the whole
 * population. The cohort needs both activity and funnel rows; when either table is empty
 * (the DB-056 exports) or the join matches nothing, the result says so instead of
 * computing figures over nobody.
 */
export function computeConversionCohort(inputs: CohortInputs, bounds: CohortBounds): ConversionCohortResult {
  const { activity, funnel, value } = inputs;
  const unavailable = unavailableFor(activity.length, funnel.length, null);
  if (unavailable) return unavailable;
  const selection = selectCohort(activity, funnel, bounds);
  const none = unavailableFor(activity.length, funnel.length, selection);
  if (none) return none;
  const valueByKey = new Map<string, CohortValueRow>();
  for (const row of value) valueByKey.set(row.key, row);
  const population: CohortPopulation = {
    valueTierLtv: groupSums(
      value,
      (v) => v.tier,
      (v) => v.ltv,
    ),
    funnelTierLtv: groupSums(
      funnel,
      (f) => f.tier,
      (f) => f.ltv,
    ),
    channels: distribution(activity.map((a) => a.channel)),
    platforms: tallyPlatforms(activity),
    riskVelocity: crossTab(activity),
  };
  return cohortFigures(
    selection,
    selection.members.map((m) => valueByKey.get(m.activity.key)),
    population,
  );
}

/** What the cohort is compared with, over every latest row: from row objects or from columns. */
export interface CohortPopulation {
  readonly valueTierLtv: TierSums;
  readonly funnelTierLtv: TierSums;
  /** Activity-table channels over every activity customer. */
  readonly channels: Distribution;
  readonly platforms: PlatformTally;
  readonly riskVelocity: RiskVelocityTable;
}

/**
 * The result when the cohort cannot be formed (an empty table, or, given the selection, a join matching nothing);
 * null when it can.
 */
export function unavailableFor(
  activityRows: number,
  funnelRows: number,
  selection: CohortSelectionSummary | null,
): CohortUnavailable | null {
  if (activityRows === 0 || funnelRows === 0) {
    const empty = [activityRows === 0 ? 'activity metrics' : null, funnelRows === 0 ? 'conversion funnel' : null]
      .filter((t) => t !== null)
      .join(' and ');
    return {
      kind: 'unavailable',
      reason: `the ${empty} table${empty.includes(' and ') ? 's have' : ' has'} no rows with an email, and the cohort needs both: the hand-off days come from the funnel table, engagement from the activity table`,
      activityRows,
      funnelRows,
      joined: 0,
    };
  }
  if (selection !== null && selection.steps.joined === 0) {
    return {
      kind: 'unavailable',
      reason: `no email of the ${activityRows} latest activity rows appears among the ${funnelRows} latest funnel rows, so the join matches nothing`,
      activityRows,
      funnelRows,
      joined: 0,
    };
  }
  return null;
}

/** The figures from the selected members (with their value rows, parallel) against the population. */
export function cohortFigures(
  selection: CohortSelection,
  cohortValue: readonly (CohortValueRow | undefined)[],
  population: CohortPopulation,
): CohortFigures {
  const { members, ...summary } = selection;
  const cohortActivity = members.map((m) => m.activity);
  const cohortFunnel = members.map((m) => m.funnel);
  return {
    kind: 'ok',
    selection: summary,
    size: members.length,
    memberKeys: cohortActivity.map((a) => a.key),
    rfm: cohortRfm(cohortValue),
    ltv: cohortLtvAgainst(population.valueTierLtv, cohortValue, population.funnelTierLtv, cohortFunnel),
    channels: {
      activity: distribution(cohortActivity.map((a) => a.channel)),
      activityAll: population.channels,
      funnel: distribution(cohortFunnel.map((f) => f.channel)),
    },
    zendesk: flagShare(cohortActivity.map((a) => a.zendeskActive)),
    platformMix: platformMixOf(tallyPlatforms(cohortActivity), population.platforms),
    riskVelocity: riskVelocityOf(crossTab(cohortActivity), population.riskVelocity),
    handOffs: {
      marketingToSalesDays: cohortFunnel.map((f) => f.marketingToSalesDays),
      salesToSupportDays: cohortFunnel.map((f) => f.salesToSupportDays),
      tier: cohortFunnel.map((f) => f.tier),
      ltv: cohortFunnel.map((f) => f.ltv),
    },
  };
}
