import { cumeDist } from '../stats/cume-dist.js';
import { minMaxScaler, rangeOf, type ValueRange } from '../stats/scaling.js';
import { formatScore, roundScore, type ZoneName, type ZoneOptions } from './zone-rules.js';
import type { CustomerZone, FallbackZoneParts, ValueZoneInput, ZoneRule } from './zone-types.js';

export interface FallbackZonesOutput<C = CustomerZone> {
  readonly customers: C[];
  readonly healthRange: { readonly min: number; readonly max: number } | null;
  readonly cutoffs: { readonly red: number | null; readonly yellow: number | null };
}

/**
 * The value-table fallback: score = 100·(0.5·(1 − churn) + 0.5·norm(health)), with health
 * rescaled over the rows having both inputs, and zones from the empirical CDF of the score
 * (red ≤ 0.10, yellow ≤ 0.30) because absolute thresholds would make most SMB customers red.
 */
export function computeFallbackZones(rows: readonly ValueZoneInput[], options: ZoneOptions): FallbackZonesOutput {
  return scanFallbackZones(rows, (row, score, c, normHealth) => fallbackZoneOf(row, score, c, normHealth, options));
}

/**
 * The fallback over every row, each row made into whatever `make` builds from its score and
 * cume_dist (a full CustomerZone, or just the verdict when only counts are wanted).
 */
export function scanFallbackZones<C extends { readonly rule: ZoneRule; readonly score: number | null }>(
  rows: readonly ValueZoneInput[],
  make: (row: ValueZoneInput, score: number | null, c: number | null, normHealth: (x: number) => number) => C,
): FallbackZonesOutput<C> {
  const healthRange = fallbackHealthRange(rows);
  const normHealth = healthScaler(healthRange);
  const scores = new Array<number | null>(rows.length);
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const score = fallbackScore(rows[i] as ValueZoneInput, normHealth);
    scores[i] = score;
    if (score !== null) present.push(score);
  }
  const dist = cumeDist(present);
  let redCutoff: number | null = null;
  let yellowCutoff: number | null = null;

  const customers = new Array<C>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const score = scores[i] ?? null;
    const zone = make(rows[i] as ValueZoneInput, score, score === null ? null : dist.of(score), normHealth);
    if (score !== null && zone.rule === 'fallback-bottom' && (redCutoff === null || score > redCutoff))
      redCutoff = score;
    if (score !== null && zone.rule === 'fallback-low' && (yellowCutoff === null || score > yellowCutoff)) {
      yellowCutoff = score;
    }
    customers[i] = zone;
  }
  return {
    customers,
    healthRange,
    cutoffs: { red: redCutoff, yellow: yellowCutoff ?? redCutoff },
  };
}

/** Health range over the rows having both inputs; null when none has. */
export function fallbackHealthRange(rows: readonly ValueZoneInput[]): ValueRange | null {
  return rangeOf(rows, (row) => (row.churnProbability === null ? null : row.healthScore));
}

export function healthScaler(range: { readonly min: number; readonly max: number } | null): (x: number) => number {
  return range === null
    ? minMaxScaler(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)
    : minMaxScaler(range.min, range.max);
}

/** The fallback score of one row; null without both inputs. */
export function fallbackScore(row: ValueZoneInput, normHealth: (x: number) => number): number | null {
  if (row.churnProbability === null || row.healthScore === null) return null;
  return roundScore(100 * (0.5 * (1 - row.churnProbability) + 0.5 * normHealth(row.healthScore)));
}

/** One row's zone, given its score and the score's cume_dist over every row having one. */
export function fallbackZoneOf(
  row: ValueZoneInput,
  score: number | null,
  c: number | null,
  normHealth: (x: number) => number,
  options: ZoneOptions,
): CustomerZone {
  const parts: FallbackZoneParts = {
    churnProbability: row.churnProbability,
    healthScore: row.healthScore,
    healthNormalised: score === null || row.healthScore === null ? null : normHealth(row.healthScore),
    cumeDist: c,
  };
  const { zone, rule } = fallbackVerdict(score, c, options);
  return {
    key: row.key,
    organization: row.organization,
    method: 'value-fallback',
    zone,
    score,
    rule,
    reason: fallbackReason(row, rule, score, options),
    parts,
  };
}

/** The zone and rule alone (counting zones needs no reason sentence). */
export function fallbackVerdict(
  score: number | null,
  c: number | null,
  options: ZoneOptions,
): { readonly zone: ZoneName | null; readonly rule: ZoneRule } {
  if (score === null || c === null) return { zone: null, rule: 'missing-inputs' };
  if (c <= options.fallbackRedCumeDist) return { zone: 'red', rule: 'fallback-bottom' };
  if (c <= options.fallbackYellowCumeDist) return { zone: 'yellow', rule: 'fallback-low' };
  return { zone: 'green', rule: 'fallback-rest' };
}

function fallbackReason(row: ValueZoneInput, rule: ZoneRule, score: number | null, options: ZoneOptions): string {
  switch (rule) {
    case 'missing-inputs':
      return `No zone: ${row.churnProbability === null ? 'churn probability' : ''}${row.churnProbability === null && row.healthScore === null ? ' and ' : ''}${row.healthScore === null ? 'health score' : ''} missing in the value table.`;
    case 'fallback-bottom':
      return `Fallback score ${formatScore(score as number)} is in the lowest ${percent(options.fallbackRedCumeDist)} of customers (churn ${formatScore(100 * (row.churnProbability as number))}%, health ${row.healthScore}).`;
    case 'fallback-low':
      return `Fallback score ${formatScore(score as number)} is in the lowest ${percent(options.fallbackYellowCumeDist)} but not the lowest ${percent(options.fallbackRedCumeDist)} (churn ${formatScore(100 * (row.churnProbability as number))}%, health ${row.healthScore}).`;
    default:
      return `Fallback score ${formatScore(score as number)} is above the lowest ${percent(options.fallbackYellowCumeDist)} of customers.`;
  }
}

function percent(fraction: number): string {
  return `${formatScore(100 * fraction)}%`;
}
