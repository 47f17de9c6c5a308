import { activityZoneOf, computeActivityZones, engagementRangeOf } from './activity-zones.js';
import {
  computeFallbackZones,
  fallbackHealthRange,
  fallbackScore,
  fallbackZoneOf,
  healthScaler,
} from './fallback-zones.js';
import { DEFAULT_ZONE_OPTIONS, isKnownVelocity, type ZoneName, type ZoneOptions } from './zone-rules.js';
import type { ActivityZoneInput, CustomerZone, LevelCount, ZoneInputs, ZoneRule, ZonesResult } from './zone-types.js';

/**
 * Red/yellow/green for every customer, by whichever method the inputs carry (see
 * loadZoneInputs): the activity score over all latest activity rows, or the value-table
 * fallback when the activity table is empty. Every customer's result carries its score,
 * the parts, the rule that fired in words and the method. Pure: rows in, result out.
 */
export function computeZones(inputs: ZoneInputs, options: ZoneOptions = DEFAULT_ZONE_OPTIONS): ZonesResult {
  if (inputs.method === 'activity') {
    const { customers, engagementRange } = computeActivityZones(inputs.rows, options);
    return summarise(customers, {
      method: 'activity',
      options,
      activityUnavailable: null,
      missingInputs: activityMissing(inputs.rows),
      unknownRiskLevels: unknownLevels(customers),
      unknownVelocities: unknownVelocities(inputs.rows),
      scaledRange: engagementRange && { column: 'weighted_engagement_score', ...engagementRange },
      fallbackCutoffs: null,
    });
  }
  const { customers, healthRange, cutoffs } = computeFallbackZones(inputs.rows, options);
  let churn = 0;
  let health = 0;
  for (const row of inputs.rows) {
    if (row.churnProbability === null) churn++;
    if (row.healthScore === null) health++;
  }
  return summarise(customers, {
    method: 'value-fallback',
    options,
    activityUnavailable: inputs.activityUnavailable,
    missingInputs: { churn_probability: churn, customer_health_score: health },
    unknownRiskLevels: [],
    unknownVelocities: [],
    scaledRange: healthRange && { column: 'customer_health_score', ...healthRange },
    fallbackCutoffs: cutoffs,
  });
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

function summarise(customers: readonly CustomerZone[], head: ResultHead): ZonesResult {
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

function unknownLevels(customers: readonly CustomerZone[]): LevelCount[] {
  const counts = new Map<string, number>();
  for (const c of customers) {
    if (c.method !== 'activity' || c.parts.riskKnown || c.parts.riskLevel === null) continue;
    counts.set(c.parts.riskLevel, (counts.get(c.parts.riskLevel) ?? 0) + 1);
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
