import { describe, expect, it } from 'vitest';
import { anomalyRateBy } from '../../../src/analysis/segment-anomalies/category-rates.js';
import { computeRuleGroups } from '../../../src/analysis/segment-anomalies/rule-groups.js';
import { computeSegmentRetention } from '../../../src/analysis/segment-anomalies/segment-retention.js';
import { featureMatrix } from './feature-matrix.js';

describe('analysis/segment-anomalies/segment-retention', () => {
  it('flags retention strictly more than the threshold from the segment mean (worked by hand)', () => {
    // A: .2, .5, .8 → mean .5; −.3 below, +.3 above. B: .35, .65 → mean .5; ±.15 exactly is not an anomaly.
    const result = computeSegmentRetention(
      [
        { segment: 'A', retention: 0.2 },
        { segment: 'A', retention: 0.5 },
        { segment: 'A', retention: 0.8 },
        { segment: 'B', retention: 0.35 },
        { segment: 'B', retention: 0.65 },
      ],
      { threshold: 0.15 },
    );
    expect([...result.direction]).toEqual([-1, 0, 1, 0, 0]);
    expect(result.anomalies).toBe(2);
    const a = result.segments.find((s) => s.segment === 'A');
    expect(a).toMatchObject({ n: 3, anomaliesAbove: 1, anomaliesBelow: 1, anomalyRate: 2 / 3, shareOfAnomalies: 1 });
    expect(a?.meanRetention).toBeCloseTo(0.5, 12);
    expect(result.segments.find((s) => s.segment === 'B')).toMatchObject({ n: 2, anomalyRate: 0, shareOfAnomalies: 0 });
  });

  it('has no share of anomalies when there are none', () => {
    const result = computeSegmentRetention([{ segment: 'A', retention: 0.4 }], { threshold: 0.15 });
    expect(result.segments[0]?.shareOfAnomalies).toBeNull();
  });
});

describe('analysis/segment-anomalies/category-rates', () => {
  it('gives the anomaly rate per level, missing levels kept, highest rate first', () => {
    // Mature: 1 of 2; Growth: 2 of 2; missing: 0 of 1. 3 anomalies in all.
    const rates = anomalyRateBy(['Mature', 'Growth', 'Mature', 'Growth', null], Int8Array.from([1, -1, 0, 1, 0]));
    expect(rates).toEqual([
      { level: 'Growth', n: 2, anomaliesAbove: 1, anomaliesBelow: 1, anomalyRate: 1, shareOfAnomalies: 2 / 3 },
      { level: 'Mature', n: 2, anomaliesAbove: 1, anomaliesBelow: 0, anomalyRate: 0.5, shareOfAnomalies: 1 / 3 },
      { level: '(not recorded)', n: 1, anomaliesAbove: 0, anomaliesBelow: 0, anomalyRate: 0, shareOfAnomalies: 0 },
    ]);
  });
});

describe('analysis/segment-anomalies/rule-groups', () => {
  it('groups by cume_dist tertiles of imbalance and volatility (worked by hand)', () => {
    // Nine rows with both present, ranked alike on both: cume_dist k/9. T1 (≤ 1/3) = rows 1–3,
    // T3 (≥ 2/3) = rows 6–9, T2 = rows 4–5. Row 10 has no imbalance and is left out.
    // Anomalies at rows 1, 6, 7. Revenue 100 each, row 9 has 500 → total 1,300.
    // stable-balanced: rows 1–3, 1/3, 300/1300; unstable-seasonal: rows 6–9, 2/4, 800/1300; mixed: rows 4–5, 0/2, 200/1300.
    const values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.5];
    const features = featureMatrix(10, { imbalance: [...values.slice(0, 9), null], volatility: values });
    const direction = Int8Array.from([1, 0, 0, 0, 0, -1, 1, 0, 0, 1]);
    const revenue = [100, 100, 100, 100, 100, 100, 100, 100, 500, 100];
    const result = computeRuleGroups(features, direction, revenue);
    expect(result.n).toBe(9);
    expect(result.leftOut).toBe(1);
    expect(result.groups).toEqual([
      { group: 'stable-balanced', n: 3, anomalies: 1, anomalyRate: 1 / 3, revenueShare: 300 / 1300 },
      { group: 'unstable-seasonal', n: 4, anomalies: 2, anomalyRate: 0.5, revenueShare: 800 / 1300 },
      { group: 'mixed', n: 2, anomalies: 0, anomalyRate: 0, revenueShare: 200 / 1300 },
    ]);
    expect(result.cells.find((c) => c.volatilityTertile === 3 && c.imbalanceTertile === 3)).toMatchObject({
      n: 4,
      anomalies: 2,
    });
    expect(result.cells.find((c) => c.volatilityTertile === 1 && c.imbalanceTertile === 3)).toMatchObject({
      n: 0,
      anomalyRate: null,
    });
    expect(result.cutOffs.imbalance).toEqual({ lowMax: 0.3, highMin: 0.6 });
  });

  it('reports empty groups as n/a when nothing has both measures', () => {
    const result = computeRuleGroups(featureMatrix(2, {}), Int8Array.from([0, 1]), [1, 2]);
    expect(result.n).toBe(0);
    expect(result.groups.every((g) => g.anomalyRate === null && g.revenueShare === null)).toBe(true);
  });
});
