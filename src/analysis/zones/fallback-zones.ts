import { cumeDist } from '../stats/cume-dist.js';
import { minMaxScaler } from '../stats/scaling.js';
import { formatScore, roundScore, type ZoneName, type ZoneOptions } from './zone-rules.js';
import type { CustomerZone, FallbackZoneParts, ValueZoneInput, ZoneRule } from './zone-types.js';

export interface FallbackZonesOutput {
  readonly customers: CustomerZone[];
  readonly healthRange: { readonly min: number; readonly max: number } | null;
  readonly cutoffs: { readonly red: number | null; readonly yellow: number | null };
}

/**
 * The value-table fallback: score = 100·(0.5·(1 − churn) + 0.5·norm(health)), with health
 * rescaled over the rows having both inputs, and zones from the empirical CDF of the score
 * (red ≤ 0.10, yellow ≤ 0.30) because absolute thresholds would make most SMB customers red.
 */
export function computeFallbackZones(rows: readonly ValueZoneInput[], options: ZoneOptions): FallbackZonesOutput {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    if (row.churnProbability === null || row.healthScore === null) continue;
    if (row.healthScore < min) min = row.healthScore;
    if (row.healthScore > max) max = row.healthScore;
  }
  const hasRange = min <= max;
  const normHealth = minMaxScaler(min, max);

  const scores = new Array<number | null>(rows.length);
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as ValueZoneInput;
    if (row.churnProbability === null || row.healthScore === null) {
      scores[i] = null;
      continue;
    }
    const health = normHealth(row.healthScore);
    const score = roundScore(100 * (0.5 * (1 - row.churnProbability) + 0.5 * health));
    scores[i] = score;
    present.push(score);
  }
  const dist = cumeDist(present);
  let redCutoff: number | null = null;
  let yellowCutoff: number | null = null;

  const customers = new Array<CustomerZone>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as ValueZoneInput;
    const score = scores[i] ?? null;
    const c = score === null ? null : dist.of(score);
    const parts: FallbackZoneParts = {
      churnProbability: row.churnProbability,
      healthScore: row.healthScore,
      healthNormalised: score === null || row.healthScore === null ? null : normHealth(row.healthScore),
      cumeDist: c,
    };
    let zone: ZoneName | null;
    let rule: ZoneRule;
    let reason: string;
    if (score === null || c === null) {
      zone = null;
      rule = 'missing-inputs';
      reason = `No zone: ${row.churnProbability === null ? 'churn probability' : ''}${row.churnProbability === null && row.healthScore === null ? ' and ' : ''}${row.healthScore === null ? 'health score' : ''} missing in the value table.`;
    } else if (c <= options.fallbackRedCumeDist) {
      zone = 'red';
      rule = 'fallback-bottom';
      reason = `Fallback score ${formatScore(score)} is in the lowest ${percent(options.fallbackRedCumeDist)} of customers (churn ${formatScore(100 * (row.churnProbability as number))}%, health ${row.healthScore}).`;
      if (redCutoff === null || score > redCutoff) redCutoff = score;
    } else if (c <= options.fallbackYellowCumeDist) {
      zone = 'yellow';
      rule = 'fallback-low';
      reason = `Fallback score ${formatScore(score)} is in the lowest ${percent(options.fallbackYellowCumeDist)} but not the lowest ${percent(options.fallbackRedCumeDist)} (churn ${formatScore(100 * (row.churnProbability as number))}%, health ${row.healthScore}).`;
      if (yellowCutoff === null || score > yellowCutoff) yellowCutoff = score;
    } else {
      zone = 'green';
      rule = 'fallback-rest';
      reason = `Fallback score ${formatScore(score)} is above the lowest ${percent(options.fallbackYellowCumeDist)} of customers.`;
    }
    customers[i] = {
      key: row.key,
      organization: row.organization,
      method: 'value-fallback',
      zone,
      score,
      rule,
      reason,
      parts,
    };
  }
  return {
    customers,
    healthRange: hasRange ? { min, max } : null,
    cutoffs: { red: redCutoff, yellow: yellowCutoff ?? redCutoff },
  };
}

function percent(fraction: number): string {
  return `${formatScore(100 * fraction)}%`;
}
