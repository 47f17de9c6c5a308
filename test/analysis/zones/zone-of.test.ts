import { describe, expect, it } from 'vitest';
import { computeZones, tallyZones, zoneOf } from '../../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS } from '../../../src/analysis/zones/zone-rules.js';
import type { ZoneInputs } from '../../../src/analysis/zones/zone-types.js';
import { pick, seededRandom } from '../seeded-random.js';

function activityInputs(seed: number, n: number): ZoneInputs {
  const random = seededRandom(seed);
  return {
    method: 'activity',
    rows: Array.from({ length: n }, (_, i) => ({
      key: `k${i % (n - 5)}`,
      organization: pick(random, ['Acme', 'Globex'], 0.3),
      velocity: pick(random, ['Stable', 'Accelerating', 'Volatile', 'Declining', 'Stagnant', 'Sideways'], 0.05),
      riskLevel: pick(random, ['Critical', 'High', 'Medium', 'Low', 'Very Low', 'High Activity Risk'], 0.05),
      weightedEngagement: pick(random, [0, 10, 25, 50, 75, 99.5, 200], 0.05),
    })),
  };
}

function fallbackInputs(seed: number, n: number): ZoneInputs {
  const random = seededRandom(seed);
  return {
    method: 'value-fallback',
    activityUnavailable: { code: 'no-rows', table: 'customer360__activity_metrics' },
    rows: Array.from({ length: n }, (_, i) => ({
      key: `k${i % (n - 5)}`,
      organization: null,
      churnProbability: pick(random, [0.1, 0.3, 0.76, 0.9], 0.05),
      healthScore: pick(random, [1, 2, 3, 4, 5], 0.05),
    })),
  };
}

describe('analysis/zones/zoneOf', () => {
  it('gives every customer the zone computeZones gives it (second method), both methods', () => {
    for (const inputs of [activityInputs(7, 200), fallbackInputs(8, 200), fallbackInputs(9, 40)]) {
      const all = computeZones(inputs);
      for (const row of inputs.rows) {
        expect(zoneOf(inputs, row.key)).toEqual(all.customers.find((c) => c.key === row.key));
      }
      expect(zoneOf(inputs, 'missing')).toBeNull();
    }
  });
});

describe('analysis/zones/tallyZones', () => {
  it('gives the counts, figures and verdicts of computeZones (second method), both methods', () => {
    const stricter = { ...DEFAULT_ZONE_OPTIONS, redBelow: 60, fallbackRedCumeDist: 0.2 };
    for (const inputs of [activityInputs(17, 300), fallbackInputs(18, 300)]) {
      for (const options of [DEFAULT_ZONE_OPTIONS, stricter]) {
        const { customers, ...full } = computeZones(inputs, options);
        const { customers: verdicts, ...tally } = tallyZones(inputs, options);
        expect(tally).toEqual(full);
        expect(verdicts).toEqual(customers.map(({ key, zone, score, rule }) => ({ key, zone, score, rule })));
      }
    }
  });
});
