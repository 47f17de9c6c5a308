import { activityVerdict, activityZoneOf, computeActivityZones, engagementRangeOf } from './activity-zones.js';
import {
  computeFallbackZones,
  fallbackHealthRange,
  fallbackScore,
  fallbackVerdict,
  fallbackZoneOf,
  healthScaler,
  scanFallbackZones,
} from './fallback-zones.js';
import {
  DEFAULT_ZONE_OPTIONS,
  isKnownRiskLevel,
  isKnownVelocity,
  type ZoneName,
  type ZoneOptions,
} from './zone-rules.js';
import type {
  ActivityZoneInput,
  CustomerZone,
  LevelCount,
  ZoneInputs,
  ZoneRule,
  ZonesResult,
  ZoneTally,
  ZoneVerdict,
} from './zone-types.js';

/**
 * Red/yellow/green for every customer, by whichever method the inputs carry (see
 * loadZoneInputs): the activity score over all latest activity rows, or the value-table
 * fallback when the activity table is empty. Every customer's result carries its score,
 * the parts, the rule that fired in words and the method. Pure: rows in, result out.
 */
export function computeZones(inputs: ZoneInputs, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ZonesResult {
  if (inputs.method === 'activity') {
    const { customers, engagementRange } = computeActivityZones(inputs.rows, options);
    return summarise(customers, activityHead(inputs.rows, engagementRange, options));
  }
  const { customers, healthRange, cutoffs } = computeFallbackZones(inputs.rows, options);
  return summarise(customers, fallbackHead(inputs, healthRange, cutoffs, options));
}

/**
 * computeZones without the per-customer reason sentences and parts: the same counts, figures and
 * verdicts (zone, score, rule) for an answer that shows only those. At 1M customers the sentences
 * were most of the zones' time and memory.
 */
export function tallyZones(inputs: ZoneInputs, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ZoneTally {
  if (inputs.method === 'activity') {
    const range = engagementRangeOf(inputs.rows);
    const customers = inputs.rows.map((row): ZoneVerdict => {
      const { zone, score, rule } = activityVerdict(row, range, options);
      return { key: row.key, zone, score, rule };
    });
    return summarise(customers, activityHead(inputs.rows, range, options));
  }
  const { customers, healthRange, cutoffs } = scanFallbackZones(
    inputs.rows,
    (row, score, c): ZoneVerdict => ({ key: row.key, score, ...fallbackVerdict(score, c, options) }),
  );
  return summarise(customers, fallbackHead(inputs, healthRange, cutoffs, options));
}

function activityHead(
  rows: readonly ActivityZoneInput[],
  range: { readonly min: number; readonly max: number } | null,
  options: ZoneOptions,
): ResultHead {
  return {
    method: 'activity',
    options,
    activityUnavailable: null,
    missingInputs: activityMissing(rows),
    unknownRiskLevels: unknownLevels(rows),
    unknownVelocities: unknownVelocities(rows),
    scaledRange: range && { column: 'weighted_engagement_score', ...range },
    fallbackCutoffs: null,
  };
}

function fallbackHead(
  inputs: Extract<ZoneInputs, { method: 'value-fallback' }>,
  healthRange: { readonly min: number; readonly max: number } | null,
  cutoffs: { readonly red: number | null; readonly yellow: number | null },
  options: ZoneOptions,
): ResultHead {
  let churn = 0;
  let health = 0;
  for (const row of inputs.rows) {
    if (row.churnProbability === null) churn++;
    if (row.healthScore === null) health++;
  }
  return {
    method: 'value-fallback',
    options,
    activityUnavailable: inputs.activityUnavailable,
    missingInputs: { churn_probability: churn, customer_health_score: health },
    unknownRiskLevels: [],
    unknownVelocities: [],
    scaledRange: healthRange && { column: 'customer_health_score', ...healthRange },
    fallbackCutoffs: cutoffs,
  };
}

/**
 * One customer's zone, as `computeZones(inputs, options).customers.find((c) => c.key === key)` would
 * give it, without a result object (and its reason sentence) for every customer: the population
 * enters only through the engagement range, or the fallback score's cume_dist, each one pass.
 */
export function zoneOf(
  inputs: ZoneInputs,
  key: string,
  options: ZoneOptions = DEFAULT_ZONE_OPTIONS,
): CustomerZone | null {
  const index = inputs.rows.findIndex((row) => row.key === key);
  if (index < 0) return null;
  if (inputs.method === 'activity') {
    return activityZoneOf(inputs.rows[index] as ActivityZoneInput, engagementRangeOf(inputs.rows), options);
  }
  const rows = inputs.rows;
  const normHealth = healthScaler(fallbackHealthRange(rows));
  const row = rows[index] as (typeof rows)[number];
  const score = fallbackScore(row, normHealth);
  if (score === null) return fallbackZoneOf(row, null, null, normHealth, options);
  // cume_dist(score) = #(scores ≤ score) / #(scores), over the rows having a score.
  let present = 0;
  let atOrBelow = 0;
  for (const other of rows) {
    const s = fallbackScore(other, normHealth);
    if (s === null) continue;
    present++;
    if (s <= score) atOrBelow++;
  }
  return fallbackZoneOf(row, score, atOrBelow / present, normHealth, options);
}

type ResultHead = Omit<ZonesResult, 'n' | 'counts' | 'noZone' | 'byRule' | 'customers'>;

function summarise<C extends ZoneVerdict>(
  customers: readonly C[],
  head: ResultHead,
): ResultHead & Pick<ZonesResult, 'n' | 'counts' | 'noZone' | 'byRule'> & { readonly customers: readonly C[] } {
  const counts: Record<ZoneName, number> = { red: 0, yellow: 0, green: 0 };
  const byRule: Record<ZoneRule, number> = {
    stagnant: 0,
    'unknown-risk': 0,
    'score-below-red': 0,
    'score-in-yellow': 0,
    'score-above-green': 0,
    'fallback-bottom': 0,
    'fallback-low': 0,
    'fallback-rest': 0,
    'missing-inputs': 0,
  };
  let noZone = 0;
  for (const c of customers) {
    byRule[c.rule]++;
    if (c.zone === null) noZone++;
    else counts[c.zone]++;
  }
  return { ...head, n: customers.length, counts, noZone, byRule, customers };
}

function activityMissing(rows: readonly ActivityZoneInput[]): Record<string, number> {
  let velocity = 0;
  let risk = 0;
  let engagement = 0;
  for (const row of rows) {
    if (row.velocity === null) velocity++;
    if (row.riskLevel === null) risk++;
    if (row.weightedEngagement === null) engagement++;
  }
  return { engagement_velocity: velocity, activity_risk_level: risk, weighted_engagement_score: engagement };
}

function unknownLevels(rows: readonly ActivityZoneInput[]): LevelCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.riskLevel === null || isKnownRiskLevel(row.riskLevel)) continue;
    counts.set(row.riskLevel, (counts.get(row.riskLevel) ?? 0) + 1);
  }
  return toLevelCounts(counts);
}

function unknownVelocities(rows: readonly ActivityZoneInput[]): LevelCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.velocity === null || isKnownVelocity(row.velocity)) continue;
    counts.set(row.velocity, (counts.get(row.velocity) ?? 0) + 1);
  }
  return toLevelCounts(counts);
}

function toLevelCounts(counts: Map<string, number>): LevelCount[] {
  return [...counts].map(([label, n]) => ({ label, n })).sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1));
}

/** The red customers, lowest score first (a score-less red, e.g. Stagnant without engagement, sorts last). */
export function redCustomers(result: ZonesResult, limit: number): CustomerZone[] {
  return result.customers
    .filter((c) => c.zone === 'red')
    .sort(
      (a, b) =>
        (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY) || (a.key < b.key ? -1 : 1),
    )
    .slice(0, limit);
}
