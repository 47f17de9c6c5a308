import { describe, expect, it } from 'vitest';
import { backtestRules, type ZoneHistory } from '../../../src/analysis/zones/rules-backtest.js';
import { DEFAULT_ZONE_THRESHOLDS, readThresholds } from '../../../src/analysis/zones/zone-thresholds.js';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 2, 3, 0, 0);

/**
 * Every row has the same weighted engagement, so the rescaled engagement is 0 and the zone score is
 * 0.4·velocity + 0.4·(100 − penalty): Stable/Very Low = 76 (green), Declining/Critical = 48 (red under 50, not
 * under 45), Stagnant = red whatever the score.
 */
const GREEN = { velocity: 'Stable', riskLevel: 'Very Low' };
const SCORE_48 = { velocity: 'Declining', riskLevel: 'Critical' };
const STAGNANT = { velocity: 'Stagnant', riskLevel: 'Low' };
type State = typeof GREEN | null;

/** Four weekly snapshots (days 0, 7, 14, 21) per customer; null = no row that week. */
const TIMELINE: Record<string, readonly State[]> = {
  a: [GREEN, SCORE_48, GREEN, GREEN],
  b: [GREEN, SCORE_48, SCORE_48, SCORE_48],
  c: [GREEN, GREEN, SCORE_48, GREEN],
  d: [GREEN, STAGNANT, STAGNANT, GREEN],
  e: [SCORE_48, SCORE_48, SCORE_48, SCORE_48],
  f: [null, null, null, SCORE_48],
  g: [GREEN, GREEN, GREEN, GREEN],
};

function history(): Extract<ZoneHistory, { method: 'activity' }> {
  const rows: { at: number; input: ReturnType<typeof input> }[] = [];
  for (const [key, states] of Object.entries(TIMELINE)) {
    states.forEach((state, week) => {
      if (state !== null) rows.push({ at: T + week * 7 * DAY, input: input(key, state) });
    });
  }
  return { method: 'activity', rows };
}

function input(key: string, state: NonNullable<State>) {
  return { key, organization: `Org ${key}`, weightedEngagement: 5, ...state };
}

describe('analysis/rules backtest (hand-worked weekly history)', () => {
  const result = backtestRules({
    history: history(),
    // c got an intervention on day 15, inside its 14-day window (days 14–28); b's on day 40 is outside.
    interventions: [
      { key: 'c', at: T + 15 * DAY },
      { key: 'b', at: T + 40 * DAY },
    ],
    current: DEFAULT_ZONE_THRESHOLDS,
    proposed: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
  });

  it('cuts one snapshot a week back from the data date, while half of today’s customers existed', () => {
    expect(result.cutoffs).toEqual([T, T + 7 * DAY, T + 14 * DAY, T + 21 * DAY]);
    expect(result.customersNow).toBe(7);
  });

  it('counts red, new red and unaided recoveries per week under the rules in force', () => {
    // w0: e red. w1: a, b, d new (e already red). w2: c new. w3: f new (no row before).
    // Recovered within 14 days with no intervention: a (green at w2) and d (green at w3, exactly 14 days later);
    // c recovered but had an intervention; f cannot be judged yet.
    expect(result.current.weeks.map((w) => [w.red, w.entered, w.judged, w.recoveredUnaided])).toEqual([
      [1, null, 0, 0],
      [4, 3, 3, 2],
      [4, 1, 1, 0],
      [3, 1, 0, 0],
    ]);
    expect(result.current).toMatchObject({ redNow: 3, entered: 5, judged: 4, recoveredUnaided: 2 });
    expect(result.current.newPerWeek).toBeCloseTo(5 / 3, 12);
  });

  it('counts the same for the proposed rules (red below 45: only Stagnant stays red)', () => {
    expect(result.proposed.weeks.map((w) => [w.red, w.entered, w.judged, w.recoveredUnaided])).toEqual([
      [0, null, 0, 0],
      [1, 1, 1, 1],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(result.proposed).toMatchObject({ redNow: 0, entered: 1, judged: 1, recoveredUnaided: 1 });
  });

  it('says which alerts disappear and how many of those recovered on their own', () => {
    // Disappearing: a, b, c (w1/w2) and f (w3, not judged). Of the three judged, only a recovered unaided.
    expect(result.disappearing).toEqual({ alerts: 4, judged: 3, recoveredUnaided: 1 });
    expect(result.appearing).toBe(0);
  });

  it('stops at the cut-off where fewer than half of today’s customers existed, and skips rows without instant', () => {
    const rows = [
      ...history().rows,
      { at: Number.NaN, input: input('z', GREEN) },
      { at: T - 7 * DAY, input: input('a', GREEN) },
    ];
    const again = backtestRules({
      history: { method: 'activity', rows },
      interventions: [],
      current: DEFAULT_ZONE_THRESHOLDS,
      proposed: DEFAULT_ZONE_THRESHOLDS,
    });
    expect(again.cutoffs[0]).toBe(T);
    expect(again.rowsWithoutInstant).toBe(1);
  });

  it('gives no weekly rate with a single snapshot', () => {
    const one = backtestRules({
      history: { method: 'activity', rows: [{ at: T, input: input('a', SCORE_48) }] },
      interventions: [],
      current: DEFAULT_ZONE_THRESHOLDS,
      proposed: DEFAULT_ZONE_THRESHOLDS,
    });
    expect(one.current).toMatchObject({ redNow: 1, entered: 0, newPerWeek: null });
  });

  it('backtests the value-table fallback on its cume_dist cut-offs', () => {
    // Ten customers, churn 0.0 … 0.9 and equal health: the fallback score falls with churn; cume_dist ≤ 0.1 is the
    // single highest churn, ≤ 0.2 the two highest.
    const rows = Array.from({ length: 10 }, (_, i) => ({
      at: T,
      input: { key: `v${i}`, organization: null, churnProbability: i / 10, healthScore: 50 },
    }));
    const fallback = backtestRules({
      history: {
        method: 'value-fallback',
        rows,
        activityUnavailable: { code: 'no-rows', table: 'customer360__activity_metrics' },
      },
      interventions: [],
      current: DEFAULT_ZONE_THRESHOLDS,
      proposed: { ...DEFAULT_ZONE_THRESHOLDS, fallbackRedCumeDist: 0.2 },
    });
    expect(fallback.method).toBe('value-fallback');
    expect([fallback.current.redNow, fallback.proposed.redNow]).toEqual([1, 2]);
  });
});

describe('analysis/zone thresholds (reading proposed values)', () => {
  it('accepts numbers in range and in order', () => {
    expect(readThresholds(DEFAULT_ZONE_THRESHOLDS, { redBelow: '45', fallbackRedCumeDist: '.05' })).toEqual({
      thresholds: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45, fallbackRedCumeDist: 0.05 },
      problems: [],
    });
  });

  it('names every bad value: not a number, out of range, edges out of order', () => {
    const { problems } = readThresholds(DEFAULT_ZONE_THRESHOLDS, {
      redBelow: 'abc',
      greenAbove: '140',
      fallbackRedCumeDist: '0.5',
      fallbackYellowCumeDist: '0.4',
    });
    expect(problems).toEqual([
      { key: 'redBelow', kind: 'not-a-number', raw: 'abc' },
      { key: 'greenAbove', kind: 'out-of-range', min: 0, max: 100 },
      { key: 'fallbackRedCumeDist', kind: 'order', other: 'fallbackYellowCumeDist' },
    ]);
    expect(readThresholds(DEFAULT_ZONE_THRESHOLDS, { redBelow: '75' }).problems).toEqual([
      { key: 'redBelow', kind: 'order', other: 'greenAbove' },
    ]);
  });
});
