import { describe, expect, it } from 'vitest';
import { findDecisionRules } from '../../../src/analysis/segment-anomalies/decision-rules.js';
import { bestSplit, binaryEntropy } from '../../../src/analysis/segment-anomalies/information-gain.js';
import { featureMatrix } from './feature-matrix.js';

const labels = (xs: number[]) => Uint8Array.from(xs);

describe('analysis/segment-anomalies/information-gain', () => {
  it('finds the best threshold by information gain in bits (worked by hand)', () => {
    // x 1..6, anomalies at 4 and 5. Parent H(2/6) = .918296 bits.
    // t=1.5: 5/6·H(2/5)=.809126 → .109170   t=2.5: 4/6·H(2/4)=.666667 → .251629
    // t=3.5: 3/6·H(2/3)=.459148 → .459148   t=4.5: 4/6·H(1/4)+2/6·H(1/2)=.874185 → .044111
    // t=5.5: 5/6·H(2/5)=.809126 → .109170   best: t = 3.5, left 0/3, right 2/3.
    const split = bestSplit(Float64Array.from([1, 2, 3, 4, 5, 6]), labels([0, 0, 0, 1, 1, 0]));
    expect(split?.threshold).toBe(3.5);
    expect(split?.gain).toBeCloseTo(0.459148, 6);
    expect(split?.atOrBelow).toEqual({ n: 3, anomalies: 0, anomalyRate: 0 });
    expect(split?.above).toEqual({ n: 3, anomalies: 2, anomalyRate: 2 / 3 });
    expect(binaryEntropy(2, 6)).toBeCloseTo(0.918296, 6);
  });

  it('leaves missing values out and splits at midpoints between distinct values', () => {
    // Duplicated 2s stay together; the NaN row (an anomaly) is ignored: parent is 1 anomaly in 4.
    const split = bestSplit(Float64Array.from([2, 2, Number.NaN, 10, 10]), labels([0, 0, 1, 1, 0]));
    expect(split?.n).toBe(4);
    expect(split?.threshold).toBe(6);
    expect(split?.above).toEqual({ n: 2, anomalies: 1, anomalyRate: 0.5 });
  });

  it('breaks exact ties by the smallest threshold', () => {
    // x 1..4, labels 0,1,1,0: t=1.5 and t=3.5 both leave a pure single row and H(2/3) on three rows.
    const split = bestSplit(Float64Array.from([1, 2, 3, 4]), labels([0, 1, 1, 0]));
    expect(split?.threshold).toBe(1.5);
    expect(split?.gain).toBeCloseTo(1 - 0.75 * binaryEntropy(2, 3), 12);
  });

  it('has no split for a constant or all-missing feature', () => {
    expect(bestSplit(Float64Array.from([3, 3, 3]), labels([0, 1, 0]))).toBeNull();
    expect(bestSplit(Float64Array.from([Number.NaN]), labels([1]))).toBeNull();
  });
});

describe('analysis/segment-anomalies/decision-rules', () => {
  // months 1..8; volatility alternates .1/.9; anomalies at months 6 and 8 (both volatility .9).
  // Best months split (parent H(2/8) = .811278): t=5.5 → 3/8·H(2/3) = .344361 → gain .466917
  // (t=4.5 gives .311278, t=7.5 .293564). Volatility at .5 gains .811278 − 4/8·1 = .311278.
  // Riskiest side: months > 5.5 (2 of 3). Inside it volatility at .5 separates perfectly:
  // gain H(2/3) = .918296, months only reaches .251629.
  const features = featureMatrix(8, {
    months: [1, 2, 3, 4, 5, 6, 7, 8],
    volatility: [0.1, 0.9, 0.1, 0.9, 0.1, 0.9, 0.1, 0.9],
  });
  const positive = labels([0, 0, 0, 0, 0, 1, 0, 1]);

  it('picks the best first split over all features and the best second split in its riskier side', () => {
    const rules = findDecisionRules(features, positive);
    expect(rules.first?.feature).toBe('months');
    expect(rules.first?.threshold).toBe(5.5);
    expect(rules.first?.gain).toBeCloseTo(0.466917, 6);
    expect(rules.riskiestSide).toBe('above');
    expect(rules.second?.feature).toBe('volatility');
    expect(rules.second?.threshold).toBe(0.5);
    expect(rules.second?.gain).toBeCloseTo(0.918296, 6);
    expect(rules.second?.atOrBelow).toEqual({ n: 1, anomalies: 0, anomalyRate: 0 });
    expect(rules.second?.above).toEqual({ n: 2, anomalies: 2, anomalyRate: 1 });
    const perVolatility = rules.perFeature.find((p) => p.feature === 'volatility');
    expect(perVolatility?.split?.gain).toBeCloseTo(0.311278, 6);
    expect(rules.perFeature.find((p) => p.feature === 'entropy')?.split).toBeNull();
  });

  it('gives an exact tie between features to the first one listed', () => {
    const same = [1, 2, 3, 4];
    const rules = findDecisionRules(featureMatrix(4, { volatility: same, months: same }), labels([0, 0, 1, 1]));
    expect(rules.first?.feature).toBe('months');
    expect(rules.first?.gain).toBe(1);
  });

  it('finds no rule when there are no anomalies', () => {
    const rules = findDecisionRules(features, labels([0, 0, 0, 0, 0, 0, 0, 0]));
    expect(rules.first).toBeNull();
    expect(rules.second).toBeNull();
  });
});
