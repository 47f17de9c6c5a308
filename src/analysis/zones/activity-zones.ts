import { rangeOf, type ValueRange } from '../stats/scaling.js';
import {
  formatScore,
  isKnownRiskLevel,
  RISK_PENALTIES,
  roundScore,
  STAGNANT_VELOCITY,
  UNKNOWN_RISK_PENALTY,
  VELOCITY_SCORES,
  type ZoneName,
  type ZoneOptions,
} from './zone-rules.js';
import type { ActivityZoneInput, ActivityZoneParts, CustomerZone, ZoneRule } from './zone-types.js';

/** The customers scored by the activity method, plus the raw engagement range it rescaled over. */
export interface ActivityZonesOutput {
  readonly customers: CustomerZone[];
  readonly engagementRange: { readonly min: number; readonly max: number } | null;
}

/**
 * The activity method over every latest activity row. Engagement is rescaled over all rows
 * that have it (a constant column rescales to 0, as analyses.md says for min-max).
 * Stagnant velocity and unknown risk levels are red whatever the score, so they are
 * decided before the score; a customer missing a score input gets no zone unless one of
 * those rules already made it red.
 */
export function computeActivityZones(rows: readonly ActivityZoneInput[], options: ZoneOptions): ActivityZonesOutput {
  const range = engagementRangeOf(rows);
  const customers = new Array<CustomerZone>(rows.length);
  for (let i = 0; i < rows.length; i++) customers[i] = activityZoneOf(rows[i] as ActivityZoneInput, range, options);
  return { customers, engagementRange: range };
}

/** The raw weighted-engagement range over every row that has it; null when none has. */
export function engagementRangeOf(rows: readonly ActivityZoneInput[]): ValueRange | null {
  return rangeOf(rows, (row) => row.weightedEngagement);
}

/** A row's zone without its reason sentence: what counting zones needs. */
export interface ActivityVerdict {
  readonly zone: ZoneName | null;
  readonly rule: ZoneRule;
  readonly score: number | null;
  readonly parts: ActivityZoneParts;
}

/** One row's zone, given the population's engagement range (engagementRangeOf). */
export function activityZoneOf(
  row: ActivityZoneInput,
  range: { readonly min: number; readonly max: number } | null,
  options: ZoneOptions,
): CustomerZone {
  const { zone, rule, score, parts } = activityVerdict(row, range, options);
  return {
    key: row.key,
    organization: row.organization,
    method: 'activity',
    zone,
    score,
    rule,
    reason: activityReason(row, rule, score, parts, options),
    parts,
  };
}

/**
 * The zone, rule and score of one row. Split from the reason sentence because building a million
 * sentences nobody reads (a zone count) cost seconds, most of it collecting the strings.
 */
export function activityVerdict(
  row: ActivityZoneInput,
  range: { readonly min: number; readonly max: number } | null,
  options: ZoneOptions,
): ActivityVerdict {
  const min = range === null ? Number.POSITIVE_INFINITY : range.min;
  const span = range === null ? 0 : range.max - range.min;
  const { weights } = options;
  const velocityScore = row.velocity === null ? null : (VELOCITY_SCORES[row.velocity] ?? null);
  const riskKnown = row.riskLevel !== null && isKnownRiskLevel(row.riskLevel);
  const riskPenalty =
    row.riskLevel === null ? null : riskKnown ? (RISK_PENALTIES[row.riskLevel] as number) : UNKNOWN_RISK_PENALTY;
  const engagement =
    row.weightedEngagement === null ? null : span > 0 ? (100 * (row.weightedEngagement - min)) / span : 0;
  const parts: ActivityZoneParts = {
    velocity: row.velocity,
    velocityScore,
    riskLevel: row.riskLevel,
    riskPenalty,
    riskKnown,
    engagementRaw: row.weightedEngagement,
    engagement,
  };
  const score =
    velocityScore === null || riskPenalty === null || engagement === null
      ? null
      : roundScore(
          weights.velocity * velocityScore + weights.risk * (100 - riskPenalty) + weights.engagement * engagement,
        );

  if (row.velocity === STAGNANT_VELOCITY) return { zone: 'red', rule: 'stagnant', score, parts };
  if (row.riskLevel !== null && !riskKnown) return { zone: 'red', rule: 'unknown-risk', score, parts };
  if (score === null) return { zone: null, rule: 'missing-inputs', score, parts };
  if (score < options.redBelow) return { zone: 'red', rule: 'score-below-red', score, parts };
  if (score <= options.greenAbove) return { zone: 'yellow', rule: 'score-in-yellow', score, parts };
  return { zone: 'green', rule: 'score-above-green', score, parts };
}

function activityReason(
  row: ActivityZoneInput,
  rule: ZoneRule,
  score: number | null,
  parts: ActivityZoneParts,
  options: ZoneOptions,
): string {
  switch (rule) {
    case 'stagnant':
      return `Engagement velocity is Stagnant: activity has stalled, so red whatever the score${scoreSuffix(score)}.`;
    case 'unknown-risk':
      return `Risk level "${row.riskLevel}" is not one of Critical/High/Medium/Low/Very Low, so it is treated as high risk and red whatever the score${scoreSuffix(score)}.`;
    case 'missing-inputs':
      return `No zone: ${missingList(row, parts.velocityScore)} missing, so no score can be computed.`;
    case 'score-below-red':
      return `Zone score ${formatScore(score as number)} is below ${options.redBelow} (${describeParts(parts)}).`;
    case 'score-in-yellow':
      return `Zone score ${formatScore(score as number)} is between ${options.redBelow} and ${options.greenAbove} (${describeParts(parts)}).`;
    default:
      return `Zone score ${formatScore(score as number)} is above ${options.greenAbove} (${describeParts(parts)}).`;
  }
}

function scoreSuffix(score: number | null): string {
  return score === null ? '' : ` (score ${formatScore(score)})`;
}

function missingList(row: ActivityZoneInput, velocityScore: number | null): string {
  const missing: string[] = [];
  if (row.velocity === null) missing.push('engagement velocity');
  else if (velocityScore === null) missing.push(`a score for velocity "${row.velocity}" (not a known level)`);
  if (row.riskLevel === null) missing.push('risk level');
  if (row.weightedEngagement === null) missing.push('weighted engagement');
  return missing.join(' and ');
}

function describeParts(parts: ActivityZoneParts): string {
  return `velocity ${parts.velocity} ${parts.velocityScore}, risk ${parts.riskLevel} ${(parts.riskPenalty ?? 0) > 0 ? `−${parts.riskPenalty}` : '0'}, engagement ${formatScore(parts.engagement ?? 0)}/100`;
}
