/**
 * The zone framework's numbers (analyses.md §2 "Zones"), in one place so alerts, /priority
 * zone=, /customer and /conversion-cohort all score a customer the same way.
 */

export type ZoneName = 'red' | 'yellow' | 'green';

/** Which inputs made a zone: the activity table, or the value-table fallback when activity is empty. */
export type ZoneMethod = 'activity' | 'value-fallback';

export const ZONE_METHOD_LABELS: Readonly<Record<ZoneMethod, string>> = {
  activity: 'activity score (velocity, risk level, weighted engagement)',
  'value-fallback': 'value-table fallback (churn probability and health, relative thresholds)',
};

/** Points per engagement velocity: momentum is worth most when steady, almost nothing when stalled. */
export const VELOCITY_SCORES: Readonly<Record<string, number>> = {
  Stable: 90,
  Accelerating: 80,
  Volatile: 60,
  Declining: 60,
  Stagnant: 10,
};

/** Velocity that makes a customer red whatever the score: activity has stopped. */
export const STAGNANT_VELOCITY = 'Stagnant';

/** Penalty per activity risk level, subtracted from 100. */
export const RISK_PENALTIES: Readonly<Record<string, number>> = {
  Critical: 40,
  High: 30,
  Medium: 20,
  Low: 10,
  'Very Low': 0,
};

/** A level outside RISK_PENALTIES (e.g. "High Activity Risk") is treated as the worst known risk. */
export const UNKNOWN_RISK_PENALTY = 40;

export interface ZoneWeights {
  readonly velocity: number;
  readonly risk: number;
  readonly engagement: number;
}

/** zone score = 0.4·velocity + 0.4·(100 − penalty) + 0.2·engagement (engagement rescaled to 0–100). */
export const DEFAULT_ZONE_WEIGHTS: ZoneWeights = { velocity: 0.4, risk: 0.4, engagement: 0.2 };

/** Activity method: red below 50, yellow 50–70 (both ends yellow), green above 70. */
export const DEFAULT_RED_BELOW = 50;
export const DEFAULT_GREEN_ABOVE = 70;

/**
 * Fallback method: relative cut-offs on the empirical CDF of the fallback score. Absolute
 * ones would flood the channel (SMB churn sits near 0.76, so most score < 50).
 */
export const DEFAULT_FALLBACK_RED_CUME_DIST = 0.1;
export const DEFAULT_FALLBACK_YELLOW_CUME_DIST = 0.3;

/** What a CSM does in each zone. */
export const ZONE_ACTIONS: Readonly<Record<ZoneName, string>> = {
  red: 'intervene within 48 hours',
  yellow: 'guided onboarding and in-product nudges',
  green: 'expansion conversation',
};

export interface ZoneOptions {
  readonly weights: ZoneWeights;
  readonly redBelow: number;
  readonly greenAbove: number;
  readonly fallbackRedCumeDist: number;
  readonly fallbackYellowCumeDist: number;
}

export const DEFAULT_ZONE_OPTIONS: ZoneOptions = {
  weights: DEFAULT_ZONE_WEIGHTS,
  redBelow: DEFAULT_RED_BELOW,
  greenAbove: DEFAULT_GREEN_ABOVE,
  fallbackRedCumeDist: DEFAULT_FALLBACK_RED_CUME_DIST,
  fallbackYellowCumeDist: DEFAULT_FALLBACK_YELLOW_CUME_DIST,
};

export function isKnownRiskLevel(level: string): boolean {
  return Object.hasOwn(RISK_PENALTIES, level);
}

export function isKnownVelocity(velocity: string): boolean {
  return Object.hasOwn(VELOCITY_SCORES, velocity);
}

/**
 * Scores are sums of products of decimals (0.4·60 + …), so float noise could push a 70 to
 * 70.0000000001 and across a threshold; rounding to 1e-9 keeps the documented edges exact.
 */
export function roundScore(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/**
 * A score in a reason sentence: one decimal, rounded down, trailing .0 dropped (49.9, 62.4). Rounded down so a red
 * score just under 50 never reads "50"; the glossary's zone score form is the same, so cards and reasons agree.
 */
export function formatScore(score: number): string {
  return String(Math.floor(score * 10) / 10);
}

/** The thresholds as people read them, for provenance and help. */
export function describeZoneThresholds(method: ZoneMethod, options: ZoneOptions): string[] {
  if (method === 'activity') {
    const w = options.weights;
    return [
      `zone score = ${w.velocity}·velocity + ${w.risk}·(100 − risk penalty) + ${w.engagement}·engagement (weighted engagement min-max to 0–100)`,
      `red < ${options.redBelow}, or Stagnant velocity, or an unknown risk level; yellow ${options.redBelow}–${options.greenAbove} inclusive; green > ${options.greenAbove}`,
      `velocity: ${formatTable(VELOCITY_SCORES)}; risk penalty: ${formatTable(RISK_PENALTIES)}, unknown ${UNKNOWN_RISK_PENALTY}`,
    ];
  }
  return [
    'fallback score = 100·(0.5·(1 − churn_probability) + 0.5·health min-max)',
    `red: cume_dist(score) ≤ ${options.fallbackRedCumeDist}; yellow: ≤ ${options.fallbackYellowCumeDist}; green: the rest`,
  ];
}

function formatTable(table: Readonly<Record<string, number>>): string {
  return Object.entries(table)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
