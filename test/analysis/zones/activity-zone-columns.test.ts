import { describe, expect, it } from 'vitest';
import { codeColumn, numberColumn } from '../../../src/analysis/columns/coded-column.js';
import {
  type ActivityZoneColumns,
  RULE_CODES,
  tallyActivityZoneColumns,
  ZONE_CODES,
} from '../../../src/analysis/zones/activity-zone-columns.js';
import { tallyZones } from '../../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../../../src/analysis/zones/zone-rules.js';
import type { ActivityZoneInput } from '../../../src/analysis/zones/zone-types.js';

function activity(
  key: string,
  velocity: string | null,
  riskLevel: string | null,
  weightedEngagement: number | null,
): ActivityZoneInput {
  return { key, organization: null, velocity, riskLevel, weightedEngagement };
}

function columnsOf(rows: readonly ActivityZoneInput[]): ActivityZoneColumns {
  return {
    key: codeColumn(rows.map((r) => r.key)),
    organization: codeColumn(rows.map((r) => r.organization)),
    velocity: codeColumn(rows.map((r) => r.velocity)),
    riskLevel: codeColumn(rows.map((r) => r.riskLevel)),
    weightedEngagement: numberColumn(rows.map((r) => r.weightedEngagement)),
  };
}

/** The column-wise tally against tallyZones (the row-by-row method): every count, figure and verdict. */
function expectSameAsRows(rows: readonly ActivityZoneInput[], options: ZoneOptions = DEFAULT_ZONE_OPTIONS): void {
  const byRows = tallyZones({ method: 'activity', rows }, options);
  const { zones, scores, rules, ...summary } = tallyActivityZoneColumns(columnsOf(rows), options);
  const { customers, ...expected } = byRows;
  expect(summary).toEqual(expected);
  customers.forEach((c, r) => {
    expect(ZONE_CODES[zones[r] as number]).toBe(c.zone);
    expect(RULE_CODES[rules[r] as number]).toBe(c.rule);
    expect(Number.isNaN(scores[r]) ? null : scores[r]).toBe(c.score);
  });
}

describe('analysis/zones/activity-zone-columns', () => {
  it('gives hand-worked zones, scores and rules per row', () => {
    // Engagement ranges over 0 … 200, so engagement = w / 2 on 0–100.
    const rows = [
      activity('a', 'Declining', 'Critical', 20), // 24 + 24 + 2 = 50 → yellow
      activity('c', 'Stable', 'High', 62), // 36 + 28 + 6.2 = 70.2 → green
      activity('d', 'Declining', 'Critical', 18), // 24 + 24 + 1.8 = 49.8 → red
      activity('e', 'Stable', 'Very Low', 0), // 36 + 40 + 0 = 76 → green
      activity('f', 'Stagnant', 'Low', 200), // stagnant → red whatever the score
      activity('g', 'Stable', 'Galactic', 200), // unknown risk → red
      activity('h', null, 'Low', 100), // missing velocity → no zone
    ];
    const tally = tallyActivityZoneColumns(columnsOf(rows), DEFAULT_ZONE_OPTIONS);
    expect([...tally.zones].map((z) => ZONE_CODES[z])).toEqual(['yellow', 'green', 'red', 'green', 'red', 'red', null]);
    expect([...tally.rules].map((r) => RULE_CODES[r])).toEqual([
      'score-in-yellow',
      'score-above-green',
      'score-below-red',
      'score-above-green',
      'stagnant',
      'unknown-risk',
      'missing-inputs',
    ]);
    expect(tally.scores[0]).toBe(50);
    expect(tally.scores[2]).toBe(49.8);
    expect(tally.counts).toEqual({ red: 3, yellow: 1, green: 2 });
    expect(tally.noZone).toBe(1);
    expect(tally.unknownRiskLevels).toEqual([{ label: 'Galactic', n: 1 }]);
    expect(tally.missingInputs).toEqual({
      engagement_velocity: 1,
      activity_risk_level: 0,
      weighted_engagement_score: 0,
    });
    expect(tally.scaledRange).toEqual({ column: 'weighted_engagement_score', min: 0, max: 200 });
    expectSameAsRows(rows);
  });

  it('matches tallyZones on missing inputs, unknown levels, a constant column and other thresholds', () => {
    const velocities = ['Accelerating', 'Stable', 'Declining', 'Stagnant', 'Sideways', null];
    const risks = ['Critical', 'High', 'Medium', 'Low', 'Very Low', 'Odd', null];
    const rows: ActivityZoneInput[] = [];
    for (let i = 0; i < 500; i++) {
      const engagement = i % 11 === 0 ? null : ((i * 37) % 101) - 20.5;
      rows.push(activity(`k${i}`, velocities[i % 6] ?? null, risks[(i * 5) % 7] ?? null, engagement));
    }
    expectSameAsRows(rows);
    expectSameAsRows(rows, { ...DEFAULT_ZONE_OPTIONS, redBelow: 40, greenAbove: 60 });
    expectSameAsRows(rows.map((r) => ({ ...r, weightedEngagement: r.weightedEngagement === null ? null : 7 })));
    expectSameAsRows(rows.map((r) => ({ ...r, weightedEngagement: null })));
    expectSameAsRows([]);
  });
});
