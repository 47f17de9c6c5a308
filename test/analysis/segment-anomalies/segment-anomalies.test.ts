import { describe, expect, it } from 'vitest';
import { analyseSegmentAnomalies } from '../../../src/analysis/segment-anomalies/segment-anomalies.js';
import { customer } from './netsuite-rows.js';

/**
 * Premium .1 .5 .8 (mean .46667: P1 −.36667 below, P3 +.33333 above, listed in that order) and Basic .4 .4 .4 .4 (no anomalies),
 * plus a row without retention and one without a segment, which are left out.
 * Volatility: anomalies .9 and .7, normal rows .1 .2 .3 .4 .5 → anomalous mean .8, median .8;
 * normal mean .3, median .3.
 */
const rows = [
  customer({ customerId: 'P1', retention: 0.1, volatility: 0.9, stage: 'At Risk' }),
  customer({ customerId: 'P2', retention: 0.5, volatility: 0.1 }),
  customer({ customerId: 'P3', retention: 0.8, volatility: 0.7, stage: 'Growth' }),
  customer({ customerId: 'B1', segment: 'Basic', retention: 0.4, volatility: 0.2 }),
  customer({ customerId: 'B2', segment: 'Basic', retention: 0.4, volatility: 0.3 }),
  customer({ customerId: 'B3', segment: 'Basic', retention: 0.4, volatility: 0.4 }),
  customer({ customerId: 'B4', segment: 'Basic', retention: 0.4, volatility: 0.5 }),
  customer({ customerId: 'X1', retention: null }),
  customer({ customerId: 'X2', segment: null }),
];

describe('analysis/segment-anomalies', () => {
  it('puts the pieces together on the analysed rows', () => {
    const result = analyseSegmentAnomalies(rows, { threshold: 0.15, seed: 42 });
    expect(result).toMatchObject({
      rowsIn: 9,
      excluded: 2,
      filteredOut: 0,
      n: 7,
      anomalies: 2,
      anomaliesAbove: 1,
      anomaliesBelow: 1,
    });
    const volatility = result.featureContrasts.find((c) => c.feature === 'volatility');
    expect(volatility?.anomalous).toMatchObject({ n: 2, median: 0.8 });
    expect(volatility?.anomalous.mean).toBeCloseTo(0.8, 12);
    expect(volatility?.normal).toMatchObject({ n: 5, median: 0.3 });
    expect(volatility?.normal.mean).toBeCloseTo(0.3, 12);
    // Both anomalies are the two most volatile rows: volatility > .6 separates them perfectly,
    // gain = H(2/7) = .863121 bits, and months ties at 0 gain (constant), so volatility is first.
    expect(result.decisionRules.first?.feature).toBe('volatility');
    expect(result.decisionRules.first?.threshold).toBeCloseTo(0.6, 12);
    expect(result.decisionRules.first?.gain).toBeCloseTo(0.863121, 6);
    expect(result.byStage.slice(0, 2).map((s) => [s.level, s.anomalyRate])).toEqual([
      ['At Risk', 1],
      ['Growth', 1],
    ]);
    expect(result.anomalousCustomers.map((c) => [c.customerId, c.direction])).toEqual([
      ['P1', 'below'],
      ['P3', 'above'],
    ]);
    expect(result.availableSegments).toEqual(['Basic', 'Premium']);
  });

  it('keeps only the requested segment and counts the rest as filtered out', () => {
    const result = analyseSegmentAnomalies(rows, { threshold: 0.15, seed: 42, segment: ' Basic ' });
    expect(result).toMatchObject({ n: 4, filteredOut: 3, anomalies: 0 });
    expect(result.decisionRules.first).toBeNull();
    expect(analyseSegmentAnomalies(rows, { threshold: 0.15, seed: 42, segment: 'Gold' }).n).toBe(0);
  });

  it('copes with no rows at all', () => {
    const result = analyseSegmentAnomalies([], { threshold: 0.15, seed: 42 });
    expect(result.n).toBe(0);
    expect(result.clusters.kind).toBe('unavailable');
    expect(result.featureContrasts[0]?.anomalous).toEqual({ n: 0, mean: null, median: null, box: null });
  });
});
