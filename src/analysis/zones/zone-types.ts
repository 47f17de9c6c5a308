import type { TableGap } from '../table-gap.js';
import type { ZoneMethod, ZoneName, ZoneOptions } from './zone-rules.js';

/** One latest activity row, as the activity method needs it. */
export interface ActivityZoneInput {
  /** Cleaned primary_email. */
  readonly key: string;
  readonly organization: string | null;
  readonly velocity: string | null;
  readonly riskLevel: string | null;
  readonly weightedEngagement: number | null;
}

/** One latest value row, as the fallback needs it. */
export interface ValueZoneInput {
  readonly key: string;
  readonly organization: string | null;
  readonly churnProbability: number | null;
  readonly healthScore: number | null;
}

export type ZoneInputs =
  | { readonly method: 'activity'; readonly rows: readonly ActivityZoneInput[] }
  | {
      readonly method: 'value-fallback';
      readonly rows: readonly ValueZoneInput[];
      /** Why the activity method could not be used (e.g. the table has no rows). */
      readonly activityUnavailable: TableGap;
    };

/** The rule that decided a customer's zone (or why there is none). */
export type ZoneRule =
  | 'stagnant'
  | 'unknown-risk'
  | 'score-below-red'
  | 'score-in-yellow'
  | 'score-above-green'
  | 'fallback-bottom'
  | 'fallback-low'
  | 'fallback-rest'
  | 'missing-inputs';

export interface ActivityZoneParts {
  readonly velocity: string | null;
  readonly velocityScore: number | null;
  readonly riskLevel: string | null;
  readonly riskPenalty: number | null;
  /** False for a level outside the known five (it gets the unknown penalty and is red). */
  readonly riskKnown: boolean;
  readonly engagementRaw: number | null;
  /** weighted_engagement_score min-max rescaled to 0–100 over the population. */
  readonly engagement: number | null;
}

export interface FallbackZoneParts {
  readonly churnProbability: number | null;
  readonly healthScore: number | null;
  /** Health min-max rescaled to 0–1 over the rows having both inputs. */
  readonly healthNormalised: number | null;
  readonly cumeDist: number | null;
}

interface CustomerZoneBase {
  readonly key: string;
  readonly organization: string | null;
  readonly zone: ZoneName | null;
  readonly score: number | null;
  readonly rule: ZoneRule;
  /** The rule in words a CSM understands, with the numbers behind it. */
  readonly reason: string;
}

export type CustomerZone =
  | (CustomerZoneBase & { readonly method: 'activity'; readonly parts: ActivityZoneParts })
  | (CustomerZoneBase & { readonly method: 'value-fallback'; readonly parts: FallbackZoneParts });

export interface LevelCount {
  readonly label: string;
  readonly n: number;
}

/** A customer's zone without the reason sentence and parts: what counting zones needs. */
export type ZoneVerdict = Pick<CustomerZone, 'key' | 'zone' | 'score' | 'rule'>;

/** A zones result's counts and figures without any per-customer part. */
export type ZoneSummary = Omit<ZonesResult, 'customers'>;

/**
 * ZonesResult with verdicts in place of full customer zones: every count and figure the same,
 * without a million reason sentences when an answer shows only counts (tallyZones).
 */
export interface ZoneTally extends Omit<ZonesResult, 'customers'> {
  /** Every customer, in input order. */
  readonly customers: readonly ZoneVerdict[];
}

export interface ZonesResult {
  readonly method: ZoneMethod;
  readonly options: ZoneOptions;
  /** Why the fallback was used; null for the activity method. */
  readonly activityUnavailable: TableGap | null;
  /** Customers considered (every input row). */
  readonly n: number;
  readonly counts: Readonly<Record<ZoneName, number>>;
  /** Customers without a zone because an input was missing. */
  readonly noZone: number;
  readonly byRule: Readonly<Record<ZoneRule, number>>;
  /** Per input, how many customers lacked it (activity: velocity, riskLevel, engagement; fallback: churn, health). */
  readonly missingInputs: Readonly<Record<string, number>>;
  /** Risk levels outside the known five, kept and made red (activity method). */
  readonly unknownRiskLevels: readonly LevelCount[];
  /** Velocities outside the known five: they have no score, so only the red rules can place them. */
  readonly unknownVelocities: readonly LevelCount[];
  /** The raw range the rescaling used (weighted engagement, or health for the fallback); null when nothing to scale. */
  readonly scaledRange: { readonly column: string; readonly min: number; readonly max: number } | null;
  /** Fallback only: the highest score inside red and inside red-or-yellow (the reported cut-offs). */
  readonly fallbackCutoffs: { readonly red: number | null; readonly yellow: number | null } | null;
  /** Every customer, in input order. */
  readonly customers: readonly CustomerZone[];
}
