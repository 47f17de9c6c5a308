import type { CodedColumn } from '../columns/coded-column.js';
import {
  isKnownRiskLevel,
  isKnownVelocity,
  RISK_PENALTIES,
  roundScore,
  STAGNANT_VELOCITY,
  UNKNOWN_RISK_PENALTY,
  VELOCITY_SCORES,
  type ZoneName,
  type ZoneOptions,
} from './zone-rules.js';
import type { LevelCount, ZoneRule, ZonesResult } from './zone-types.js';

/** The activity method's inputs for every customer, column by column (row r is one latest activity row). */
export interface ActivityZoneColumns {
  /** Cleaned primary_email per row (each present: keyed rows only). */
  readonly key: CodedColumn;
  readonly organization: CodedColumn;
  readonly velocity: CodedColumn;
  readonly riskLevel: CodedColumn;
  /** weighted_engagement_score; NaN = missing. */
  readonly weightedEngagement: Float64Array;
}

/** Zone codes of ActivityZoneTally.zones. */
export const ZONE_CODES: readonly (ZoneName | null)[] = [null, 'red', 'yellow', 'green'];
/** Rule codes of ActivityZoneTally.rules. */
export const RULE_CODES: readonly ZoneRule[] = [
  'stagnant',
  'unknown-risk',
  'score-below-red',
  'score-in-yellow',
  'score-above-green',
  'fallback-bottom',
  'fallback-low',
  'fallback-rest',
  'missing-inputs',
];

/** tallyZones' counts and figures, with each customer's verdict as typed arrays in row order. */
export interface ActivityZoneTally extends Omit<ZonesResult, 'customers'> {
  /** Index into ZONE_CODES per row. */
  readonly zones: Uint8Array;
  /** Zone score per row; NaN when there is none. */
  readonly scores: Float64Array;
  /** Index into RULE_CODES per row. */
  readonly rules: Uint8Array;
}

const [RED, YELLOW, GREEN] = [1, 2, 3];
const RULE = Object.fromEntries(RULE_CODES.map((rule, i) => [rule, i])) as Record<ZoneRule, number>;

/**
 * The activity method over columns: the same zone, score and rule per customer as activityVerdict, and the same
 * counts as tallyZones, without an object per customer. Velocity and risk are looked up once per distinct level;
 * the per-row work is arithmetic on typed arrays. Pure: columns in, typed result out.
 */
export function tallyActivityZoneColumns(columns: ActivityZoneColumns, options: ZoneOptions): ActivityZoneTally {
  const n = columns.weightedEngagement.length;
  const engagementRaw = columns.weightedEngagement;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let missingEngagement = 0;
  for (let r = 0; r < n; r++) {
    const v = engagementRaw[r] as number;
    if (Number.isNaN(v)) {
      missingEngagement++;
      continue;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = min <= max ? { min, max } : null;
  const span = range === null ? 0 : max - min;

  // Per level: velocity score (NaN: none), stagnant; risk part of the score (NaN: none), unknown level.
  const velocityLevels = columns.velocity.dictionary;
  const velocityScore = Float64Array.from(velocityLevels, (v) => VELOCITY_SCORES[v] ?? Number.NaN);
  const stagnant = Uint8Array.from(velocityLevels, (v) => (v === STAGNANT_VELOCITY ? 1 : 0));
  const riskLevels = columns.riskLevel.dictionary;
  const riskUnknown = Uint8Array.from(riskLevels, (level) => (isKnownRiskLevel(level) ? 0 : 1));
  const riskPenalty = Float64Array.from(riskLevels, (level) =>
    isKnownRiskLevel(level) ? (RISK_PENALTIES[level] as number) : UNKNOWN_RISK_PENALTY,
  );
  const velocityCount = new Float64Array(velocityLevels.length);
  const riskCount = new Float64Array(riskLevels.length);

  const { weights } = options;
  const zones = new Uint8Array(n);
  const scores = new Float64Array(n);
  const rules = new Uint8Array(n);
  const zoneCount = new Float64Array(ZONE_CODES.length);
  const ruleCount = new Float64Array(RULE_CODES.length);
  let missingVelocity = 0;
  let missingRisk = 0;
  const velocityCodes = columns.velocity.indices;
  const riskCodes = columns.riskLevel.indices;
  for (let r = 0; r < n; r++) {
    const vc = velocityCodes[r] as number;
    const rc = riskCodes[r] as number;
    const raw = engagementRaw[r] as number;
    if (vc < 0) missingVelocity++;
    else velocityCount[vc] = (velocityCount[vc] as number) + 1;
    if (rc < 0) missingRisk++;
    else riskCount[rc] = (riskCount[rc] as number) + 1;
    const vs = vc < 0 ? Number.NaN : (velocityScore[vc] as number);
    const rp = rc < 0 ? Number.NaN : (riskPenalty[rc] as number);
    const engagement = Number.isNaN(raw) ? Number.NaN : span > 0 ? (100 * (raw - min)) / span : 0;
    const score =
      Number.isNaN(vs) || Number.isNaN(rp) || Number.isNaN(engagement)
        ? Number.NaN
        : roundScore(weights.velocity * vs + weights.risk * (100 - rp) + weights.engagement * engagement);
    let rule: number;
    let zone: number;
    if (vc >= 0 && stagnant[vc] === 1) [zone, rule] = [RED, RULE.stagnant];
    else if (rc >= 0 && riskUnknown[rc] === 1) [zone, rule] = [RED, RULE['unknown-risk']];
    else if (Number.isNaN(score)) [zone, rule] = [0, RULE['missing-inputs']];
    else if (score < options.redBelow) [zone, rule] = [RED, RULE['score-below-red']];
    else if (score <= options.greenAbove) [zone, rule] = [YELLOW, RULE['score-in-yellow']];
    else [zone, rule] = [GREEN, RULE['score-above-green']];
    scores[r] = score;
    rules[r] = rule;
    zones[r] = zone;
    ruleCount[rule] = (ruleCount[rule] as number) + 1;
    zoneCount[zone] = (zoneCount[zone] as number) + 1;
  }
  const counts: Record<ZoneName, number> = {
    red: zoneCount[RED] as number,
    yellow: zoneCount[YELLOW] as number,
    green: zoneCount[GREEN] as number,
  };
  const byRule = Object.fromEntries(RULE_CODES.map((rule, i) => [rule, ruleCount[i] as number])) as Record<
    ZoneRule,
    number
  >;
  const noZone = zoneCount[0] as number;
  const unknown = (levels: readonly string[], tally: Float64Array, known: (level: string) => boolean) =>
    toLevelCounts(
      levels.map((label, i) => ({ label, n: tally[i] as number })).filter((l) => l.n > 0 && !known(l.label)),
    );
  return {
    method: 'activity',
    options,
    activityUnavailable: null,
    missingInputs: {
      engagement_velocity: missingVelocity,
      activity_risk_level: missingRisk,
      weighted_engagement_score: missingEngagement,
    },
    unknownRiskLevels: unknown(riskLevels, riskCount, isKnownRiskLevel),
    unknownVelocities: unknown(velocityLevels, velocityCount, isKnownVelocity),
    scaledRange: range && { column: 'weighted_engagement_score', ...range },
    fallbackCutoffs: null,
    n,
    counts,
    noZone,
    byRule,
    zones,
    scores,
    rules,
  };
}

/** Levels by count, most first, then by label (as tallyZones lists them). */
function toLevelCounts(levels: LevelCount[]): LevelCount[] {
  return levels.sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1));
}
