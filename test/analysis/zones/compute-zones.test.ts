import { describe, expect, it } from 'vitest';
import { computeZones, redCustomers } from '../../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS } from '../../../src/analysis/zones/zone-rules.js';
import type { ActivityZoneInput, CustomerZone, ValueZoneInput } from '../../../src/analysis/zones/zone-types.js';

function activity(
  key: string,
  velocity: string | null,
  riskLevel: string | null,
  weightedEngagement: number | null,
): ActivityZoneInput {
  return { key, organization: null, velocity, riskLevel, weightedEngagement };
}

function byKey(customers: readonly CustomerZone[]): Map<string, CustomerZone> {
  return new Map(customers.map((c) => [c.key, c]));
}

// Weighted engagement ranges over 0 (e) … 200 (f, g), so engagement = w / 2 on 0–100.
const ACTIVITY_ROWS = [
  // 0.4·60 + 0.4·(100 − 40) + 0.2·(20/2) = 24 + 24 + 2 = 50 → yellow (50 is yellow).
  activity('a', 'Declining', 'Critical', 20),
  // 0.4·90 + 0.4·(100 − 30) + 0.2·30 = 36 + 28 + 6 = 70 → yellow (70 is yellow).
  activity('b', 'Stable', 'High', 60),
  // 36 + 28 + 0.2·31 = 70.2 → green.
  activity('c', 'Stable', 'High', 62),
  // 24 + 24 + 0.2·9 = 49.8 → red.
  activity('d', 'Declining', 'Critical', 18),
  // 36 + 40 + 0 = 76 → green.
  activity('e', 'Stable', 'Very Low', 0),
  // 0.4·80 + 0.4·(100 − 40 unknown) + 0.2·100 = 32 + 24 + 20 = 76, yet red: unknown risk level.
  activity('f', 'Accelerating', 'High Activity Risk', 200),
  // 0.4·10 + 0.4·90 + 20 = 60, yet red: Stagnant.
  activity('g', 'Stagnant', 'Low', 200),
  activity('h', null, 'Low', 100),
  activity('i', 'Sideways', 'Low', 100),
  activity('j', 'Volatile', 'Medium', null),
];

describe('analysis/zones/computeZones (activity method)', () => {
  const result = computeZones({ method: 'activity', rows: ACTIVITY_ROWS });
  const zones = byKey(result.customers);

  it('puts exactly 50 and exactly 70 in yellow, 49.8 in red and 70.2 in green', () => {
    expect(zones.get('a')).toMatchObject({ score: 50, zone: 'yellow', rule: 'score-in-yellow' });
    expect(zones.get('b')).toMatchObject({ score: 70, zone: 'yellow', rule: 'score-in-yellow' });
    expect(zones.get('c')).toMatchObject({ score: 70.2, zone: 'green', rule: 'score-above-green' });
    expect(zones.get('d')).toMatchObject({ score: 49.8, zone: 'red', rule: 'score-below-red' });
    expect(zones.get('e')).toMatchObject({ score: 76, zone: 'green' });
  });

  it('makes an unknown risk level red whatever the score, with the unknown penalty 40', () => {
    const f = zones.get('f');
    expect(f).toMatchObject({ score: 76, zone: 'red', rule: 'unknown-risk' });
    expect(f?.parts).toMatchObject({ riskPenalty: 40, riskKnown: false, engagement: 100 });
    expect(f?.reason).toContain('High Activity Risk');
    expect(result.unknownRiskLevels).toEqual([{ label: 'High Activity Risk', n: 1 }]);
  });

  it('makes Stagnant red whatever the score', () => {
    expect(zones.get('g')).toMatchObject({ score: 60, zone: 'red', rule: 'stagnant' });
  });

  it('gives no zone, and counts, when a score input is missing or the velocity is not a known level', () => {
    expect(zones.get('h')).toMatchObject({ zone: null, score: null, rule: 'missing-inputs' });
    expect(zones.get('i')?.reason).toContain('Sideways');
    expect(zones.get('j')?.reason).toContain('weighted engagement');
    expect(result.noZone).toBe(3);
    expect(result.unknownVelocities).toEqual([{ label: 'Sideways', n: 1 }]);
    expect(result.missingInputs).toEqual({
      engagement_velocity: 1,
      activity_risk_level: 0,
      weighted_engagement_score: 1,
    });
  });

  it('counts zones and rules and records the method and the rescaling range', () => {
    expect(result.method).toBe('activity');
    expect(result.n).toBe(10);
    expect(result.counts).toEqual({ red: 3, yellow: 2, green: 2 });
    expect(result.byRule).toMatchObject({ stagnant: 1, 'unknown-risk': 1, 'score-below-red': 1 });
    expect(result.scaledRange).toEqual({ column: 'weighted_engagement_score', min: 0, max: 200 });
    expect(result.customers.every((c) => c.method === 'activity')).toBe(true);
  });

  it('lists reds lowest score first, score-less reds last', () => {
    expect(redCustomers(result, 20).map((c) => c.key)).toEqual(['d', 'g', 'f']);
    expect(redCustomers(result, 1).map((c) => c.key)).toEqual(['d']);
  });

  it('rescales a constant engagement column to 0 instead of dividing by zero', () => {
    const constant = computeZones({
      method: 'activity',
      rows: [activity('x', 'Stable', 'Low', 5), activity('y', 'Stable', 'Low', 5)],
    });
    // 36 + 0.4·90 + 0 = 72 → green.
    expect(constant.customers.map((c) => c.score)).toEqual([72, 72]);
  });

  it('honours overridden thresholds and weights', () => {
    const stricter = computeZones(
      { method: 'activity', rows: ACTIVITY_ROWS },
      { ...DEFAULT_ZONE_OPTIONS, redBelow: 60, greenAbove: 75 },
    );
    const z = byKey(stricter.customers);
    expect(z.get('a')?.zone).toBe('red');
    expect(z.get('c')?.zone).toBe('yellow');
    expect(z.get('e')?.zone).toBe('green');
  });
});

function value(key: string, churnProbability: number | null, healthScore: number | null): ValueZoneInput {
  return { key, organization: null, churnProbability, healthScore };
}

describe('analysis/zones/computeZones (value-table fallback)', () => {
  // Health 1…3 rescales to (h − 1) / 2; score = 100·(0.5·(1 − churn) + 0.5·health_n).
  const rows = [
    value('v1', 1, 1), // 0 → cume_dist 0.1 → red
    value('v2', 0.8, 1), // 10 → 0.2 → yellow
    value('v3', 0.6, 1), // 20 → 0.3 → yellow (0.30 is yellow)
    value('v4', 0.4, 1), // 30 → 0.4 → green
    value('v5', 0.2, 1), // 40
    value('v6', 0, 1), // 50
    value('v7', 0, 2), // 50 + 25 = 75
    value('v8', 0, 2), // 75
    value('v9', 0.5, 3), // 25 + 50 = 75 (three-way tie: cume_dist 0.9)
    value('v10', 0, 3), // 100
    value('v11', null, 2), // no zone
  ];
  const result = computeZones({
    method: 'value-fallback',
    rows,
    activityUnavailable: { code: 'no-rows', table: 'customer360__activity_metrics' },
  });
  const zones = byKey(result.customers);

  it('scores from churn and rescaled health and cuts on cume_dist ≤ 0.10 / ≤ 0.30', () => {
    expect(rows.map((r) => zones.get(r.key)?.score)).toEqual([0, 10, 20, 30, 40, 50, 75, 75, 75, 100, null]);
    expect(rows.map((r) => zones.get(r.key)?.zone)).toEqual([
      'red',
      'yellow',
      'yellow',
      'green',
      'green',
      'green',
      'green',
      'green',
      'green',
      'green',
      null,
    ]);
    expect(zones.get('v9')?.parts).toMatchObject({ cumeDist: 0.9, healthNormalised: 1 });
    expect(result.fallbackCutoffs).toEqual({ red: 0, yellow: 20 });
  });

  it('says which method made the zones and why, and counts customers without inputs', () => {
    expect(result.method).toBe('value-fallback');
    expect(result.activityUnavailable).toEqual({ code: 'no-rows', table: 'customer360__activity_metrics' });
    expect(result.customers.every((c) => c.method === 'value-fallback')).toBe(true);
    expect(result.counts).toEqual({ red: 1, yellow: 2, green: 7 });
    expect(result.noZone).toBe(1);
    expect(result.missingInputs).toEqual({ churn_probability: 1, customer_health_score: 0 });
    expect(zones.get('v11')?.reason).toContain('churn probability');
    expect(result.scaledRange).toEqual({ column: 'customer_health_score', min: 1, max: 3 });
  });

  it('gives no zones at all, without crashing, when no row has both inputs', () => {
    const empty = computeZones({
      method: 'value-fallback',
      rows: [value('z', null, null)],
      activityUnavailable: { code: 'no-rows', table: 'customer360__activity_metrics' },
    });
    expect(empty.counts).toEqual({ red: 0, yellow: 0, green: 0 });
    expect(empty.noZone).toBe(1);
    expect(empty.scaledRange).toBeNull();
  });
});
