import { type Distribution, distribution, type FlagShare, flagShare } from './cohort-distributions.js';
import type { CohortBounds, CohortInputs, CohortValueRow } from './cohort-inputs.js';
import { type CohortLtv, type CohortRfm, cohortLtv, cohortRfm } from './cohort-value.js';
import { type PlatformMix, platformMix } from './platform-mix.js';
import { type RiskVelocity, riskVelocity } from './risk-velocity.js';
import { type CohortSelection, selectCohort } from './select-cohort.js';

export interface CohortFigures {
  readonly kind: 'ok';
  readonly selection: CohortSelection;
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
  if (activity.length === 0 || funnel.length === 0) {
    const empty = [activity.length === 0 ? 'activity metrics' : null, funnel.length === 0 ? 'conversion funnel' : null]
      .filter((t) => t !== null)
      .join(' and ');
    return {
      kind: 'unavailable',
      reason: `the ${empty} table${empty.includes(' and ') ? 's have' : ' has'} no rows with an email, and the cohort needs both: the hand-off days come from the funnel table, engagement from the activity table`,
      activityRows: activity.length,
      funnelRows: funnel.length,
      joined: 0,
    };
  }
  const selection = selectCohort(activity, funnel, bounds);
  if (selection.steps.joined === 0) {
    return {
      kind: 'unavailable',
      reason: `no email of the ${activity.length} latest activity rows appears among the ${funnel.length} latest funnel rows, so the join matches nothing`,
      activityRows: activity.length,
      funnelRows: funnel.length,
      joined: 0,
    };
  }

  const valueByKey = new Map<string, CohortValueRow>();
  for (const row of value) valueByKey.set(row.key, row);
  const members = selection.members;
  const cohortActivity = members.map((m) => m.activity);
  const cohortFunnel = members.map((m) => m.funnel);
  const cohortValue = members.map((m) => valueByKey.get(m.activity.key));

  return {
    kind: 'ok',
    selection,
    size: members.length,
    memberKeys: cohortActivity.map((a) => a.key),
    rfm: cohortRfm(cohortValue),
    ltv: cohortLtv(value, cohortValue, funnel, cohortFunnel),
    channels: {
      activity: distribution(cohortActivity.map((a) => a.channel)),
      activityAll: distribution(activity.map((a) => a.channel)),
      funnel: distribution(cohortFunnel.map((f) => f.channel)),
    },
    zendesk: flagShare(cohortActivity.map((a) => a.zendeskActive)),
    platformMix: platformMix(cohortActivity, activity),
    riskVelocity: riskVelocity(cohortActivity, activity),
  };
}
