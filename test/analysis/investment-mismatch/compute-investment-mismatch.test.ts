import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { computeInvestmentMismatch } from '../../../src/analysis/investment-mismatch/compute-investment-mismatch.js';
import {
  DEFAULT_INVESTMENT_OPTIONS,
  type InvestmentMismatchOptions,
} from '../../../src/analysis/investment-mismatch/mismatch-types.js';
import { customer, handWorkedRows } from './fixture-rows.js';

const options = (overrides: Partial<InvestmentMismatchOptions> = {}): InvestmentMismatchOptions => ({
  ...DEFAULT_INVESTMENT_OPTIONS,
  minCellSize: 2,
  ...overrides,
});

function byEmail(result: ReturnType<typeof computeInvestmentMismatch>, email: string) {
  const found = result.population.customers.find((c) => c.email === email);
  if (!found) throw new Error(`no ${email}`);
  return found;
}

describe('analysis/investment-mismatch', () => {
  const result = computeInvestmentMismatch(handWorkedRows(), options());

  it('keeps valid rows, counting those dropped for missing inputs and for a missing priority', () => {
    const p = result.population;
    expect(p.rowsIn).toBe(13);
    expect(p.customers).toHaveLength(10);
    expect([p.missingInputs, p.missingSales, p.missingAdoption, p.missingSupport, p.missingPriority]).toEqual([
      2, 1, 1, 1, 1,
    ]);
    // The invalid rows' sales of 1000 are not in the range.
    expect(p.ranges?.sales).toEqual({ min: 0, max: 100 });
  });

  it('weights the min-max normalised metrics into the composite', () => {
    expect(byEmail(result, 'c@x.io').composite).toBeCloseTo(0.5, 12);
    // J: 0.4·0.4 + 0.35·0.7 + 0.25·0 = 0.405
    expect(byEmail(result, 'j@x.io').composite).toBeCloseTo(0.405, 12);
    expect(byEmail(result, 'j@x.io').adoptionNorm).toBeCloseTo(0.7, 12);
  });

  it('flags top-30% priority (ties kept together) and bottom-50% composite by cume_dist', () => {
    const p = result.population;
    // Priorities 1,2,3,4,5,7,7,8,9,10: cume_dist(7) = 7/10 = 0.7 → F, G, H, I, J are top; cut-off 7.
    expect(p.topCount).toBe(5);
    expect(p.priorityCutoff).toBe(7);
    // Composites sorted 0, .1, .2, .3, .405, .5 …: cume_dist ≤ 0.5 → A, F, D, H, J; cut-off 0.405.
    expect(p.bottomCount).toBe(5);
    expect(p.compositeCutoff).toBeCloseTo(0.405, 12);
    const mismatched = p.customers.filter((c) => c.mismatched).map((c) => c.email);
    expect(mismatched).toEqual(['f@x.io', 'h@x.io', 'j@x.io']);
    expect(result.mismatchRate).toBeCloseTo(3 / 5, 12);
  });

  it('summarises ROI (cost 0 → no ROI) and gives box statistics per lifecycle stage', () => {
    const { roi, byStage, stageMix } = result.roiAndLifecycle;
    // ROIs 2..9 and 100, n = 9: P1 = 2, P99 = 100 (nothing clipped), median 6, mean (44 + 100) / 9 = 16.
    expect(roi).toEqual({
      available: true,
      value: {
        n: 9,
        p1: 2,
        p99: 100,
        median: 6,
        mean: 16,
        shareAboveOne: 1,
        clippedLow: 0,
        clippedHigh: 0,
        missing: 1,
      },
    });
    if (!byStage.available) throw new Error(byStage.reason);
    // Dormant 6,7,8,9,100: q1 7, median 8, q3 9, mean 26. Growth 2,3,4,5: q1 = 2 + 0.75 = 2.75, q3 4.25.
    expect(byStage.value).toEqual([
      { stage: 'Dormant', n: 5, min: 6, q1: 7, median: 8, q3: 9, max: 100, mean: 26 },
      { stage: 'Growth', n: 4, min: 2, q1: 2.75, median: 3.5, q3: 4.25, max: 5, mean: 3.5 },
    ]);
    expect(stageMix).toEqual({
      available: true,
      value: [
        { stage: 'Dormant', group: 'mismatched', n: 3, share: 1 },
        { stage: 'Dormant', group: 'other-top', n: 2, share: 1 },
      ],
    });
    expect(result.roiAndLifecycle.missingStage).toBe(1);
  });

  it('winsorises ROI at P1/P99 by cume_dist before every ROI statistic', () => {
    // ROI 1..200: P1 = smallest x with x/200 ≥ 0.01 → 2; P99 → 198. 1 → 2; 199, 200 → 198.
    // Mean = (20,100 − 1 + 2 − 199 − 200 + 198 + 198) / 200 = 100.49; median 100.5.
    const rows = Array.from({ length: 200 }, (_, i) =>
      customer(`r${i}@x.io`, {
        priority: i,
        sales: i,
        adoption: 0.5,
        support: 0.5,
        lifetimeValue: i + 1,
        acquisitionCost: 1,
      }),
    );
    const r = computeInvestmentMismatch(rows, options());
    if (!r.roiAndLifecycle.roi.available) throw new Error('roi');
    expect(r.roiAndLifecycle.roi.value).toMatchObject({
      p1: 2,
      p99: 198,
      median: 100.5,
      clippedLow: 1,
      clippedHigh: 2,
    });
    expect(r.roiAndLifecycle.roi.value.mean).toBeCloseTo(100.49, 10);
    expect(r.roiAndLifecycle.roi.value.shareAboveOne).toBe(1);
  });

  it('computes industry × size cells with relative risk, its log CI and gap shares', () => {
    const { cells } = result.segmentCells;
    if (!cells.available) throw new Error(cells.reason);
    const [tech, retail] = cells.value;
    // Tech × Small: F, H both mismatched. RR = (2/2) / (3/5) = 5/3; SE = √(1/2 − 1/2 + 1/3 − 1/5) = √(2/15).
    expect(tech).toMatchObject({
      industry: 'Tech',
      sizeTier: 'Small',
      n: 2,
      mismatched: 2,
      mismatchRate: 1,
      gapShares: null,
    });
    expect(tech?.relativeRisk?.rr).toBeCloseTo(5 / 3, 12);
    const se = Math.sqrt(2 / 15);
    expect(tech?.relativeRisk?.ci?.[0]).toBeCloseTo((5 / 3) * Math.exp(-1.96 * se), 10);
    expect(tech?.relativeRisk?.ci?.[1]).toBeCloseTo((5 / 3) * Math.exp(1.96 * se), 10);
    expect(tech?.restMeans).toEqual({ sales: null, adoption: null, support: null });
    // Retail × Large: G, I (rest) and J (mismatched). RR = (1/3)/(3/5) = 5/9.
    expect(retail).toMatchObject({ industry: 'Retail', sizeTier: 'Large', n: 3, mismatched: 1 });
    expect(retail?.relativeRisk?.rr).toBeCloseTo(5 / 9, 12);
    expect(retail?.mismatchedMeans).toEqual({ sales: 40, adoption: 0.7, support: 0 });
    expect(retail?.restMeans.sales).toBeCloseTo(75, 12);
    // Δnorm (rest − mismatched): sales .35, adoption .05, support .75 → .14, .0175, .1875; total .345.
    expect(retail?.gapShares?.total).toBeCloseTo(0.345, 12);
    expect(retail?.gapShares?.sales).toBeCloseTo(0.14 / 0.345, 12);
    expect(retail?.gapShares?.adoption).toBeCloseTo(0.0175 / 0.345, 12);
    expect(retail?.gapShares?.support).toBeCloseTo(0.1875 / 0.345, 12);
  });

  it('leaves out cells below the minimum size and says so when none is left', () => {
    const r = computeInvestmentMismatch(handWorkedRows(), options({ minCellSize: 3 }));
    expect(r.segmentCells.smallCells).toBe(1);
    expect(r.segmentCells.customersInSmallCells).toBe(2);
    const none = computeInvestmentMismatch(handWorkedRows(), options({ minCellSize: 20 }));
    expect(none.segmentCells.cells).toEqual({
      available: false,
      reason: 'none of the 2 industry × size cells has 20 or more top-priority customers (min_cell=20)',
    });
  });

  it('correlates onboarding with adoption per group, with t and a two-sided p', () => {
    const { correlations, bins } = result.onboarding;
    // Mismatched x = 2,3,4; y = .1,.3,.7: Sxy = .6, Sxx = 2, Syy = .18667 → r = .98198, r² = 27/28, t = r·√28 = 3√3.
    const m = correlations.mismatched;
    if (m.kind !== 'ok') throw new Error(m.kind);
    expect(m.r).toBeCloseTo(0.6 / Math.sqrt(2 * (0.56 / 3)), 10);
    expect(m.t).toBeCloseTo(3 * Math.sqrt(3), 8);
    // One degree of freedom is the Cauchy distribution: p = 1 − (2/π)·atan(t).
    expect(m.p).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(3 * Math.sqrt(3)), 8);
    expect(correlations['other-top']).toEqual({ kind: 'too-few-rows', n: 2 });
    expect(bins.filter((b) => b.group === 'mismatched').map((b) => [b.label, b.n, b.meanAdoption, b.meanRoi])).toEqual([
      ['< 2.5', 1, 0.1, 6],
      ['2.5–3.5', 1, 0.3, 8],
      ['≥ 3.5', 1, 0.7, 100],
    ]);
    // An empty bin's means are n/a (null), never 0.
    expect(bins.find((b) => b.group === 'other-top' && b.bin === 'mid')).toMatchObject({
      n: 0,
      meanAdoption: null,
      meanRoi: null,
    });
  });

  it('compares ROI by team-size bin × executive level and correlates team size with ROI', () => {
    const { teamExec, decisionLevels, teamSizeRoi } = result.teamAndLevel;
    const cell = (group: string, bin: string, executive: boolean) =>
      teamExec.find((c) => c.group === group && c.bin === bin && c.executive === executive);
    expect(cell('mismatched', 'small', true)).toMatchObject({ n: 1, meanRoi: 6 }); // F: 5, C-Level
    expect(cell('other-top', 'small', false)).toMatchObject({ n: 1, meanRoi: 7 }); // G: 10 is ≤ 10, Manager
    expect(cell('mismatched', 'medium', true)).toMatchObject({ n: 1, meanRoi: 8 }); // H: 11, VP
    expect(cell('other-top', 'medium', true)).toMatchObject({ n: 1, meanRoi: 9 }); // I: 50 is ≤ 50
    expect(cell('mismatched', 'large', false)).toMatchObject({ n: 1, meanRoi: 100 }); // J: 51, Director
    expect(cell('mismatched', 'large', true)).toMatchObject({ n: 0, meanRoi: null });
    const m = teamSizeRoi.mismatched;
    if (m.kind !== 'ok') throw new Error(m.kind);
    expect(m.r).toBeCloseTo(sampleCorrelation([5, 11, 51], [6, 8, 100]), 10);
    expect(teamSizeRoi['other-top'].kind).toBe('too-few-rows');
    // Every level appears for both groups; Manager has no mismatched customer (mean n/a), so it sorts last.
    expect(decisionLevels.filter((d) => d.group === 'mismatched').map((d) => [d.level, d.n, d.meanRoi])).toEqual([
      ['Director', 1, 100],
      ['VP', 1, 8],
      ['C-Level', 1, 6],
      ['Manager', 0, null],
    ]);
  });

  it('diagnoses bias: correlations, composite by priority tertile, monotonicity and the ROI gap', () => {
    const { bias } = result;
    const priorities = [1, 2, 3, 4, 5, 7, 7, 8, 9, 10];
    const composites = [0, 1, 0.5, 0.2, 0.8, 0.1, 0.9, 0.3, 0.6, 0.405];
    if (bias.priorityComposite.kind !== 'ok') throw new Error('corr');
    expect(bias.priorityComposite.r).toBeCloseTo(sampleCorrelation(priorities, composites), 10);
    if (bias.priorityRoi.kind !== 'ok') throw new Error('corr');
    expect(bias.priorityRoi.n).toBe(9);
    expect(bias.priorityRoi.r).toBeCloseTo(sampleCorrelation(priorities.slice(1), [2, 3, 4, 5, 6, 7, 8, 9, 100]), 10);
    // T1 (cume_dist ≤ 1/3) A,B,C → .5; T2 D,E → .5; T3 F,G,H,I,J → 2.305/5 = .461. .5 < .5 fails: not monotone.
    expect(bias.tertiles.map((t) => t.n)).toEqual([3, 2, 5]);
    expect(bias.tertiles[0]?.meanComposite).toBeCloseTo(0.5, 12);
    expect(bias.tertiles[2]?.meanComposite).toBeCloseTo(0.461, 12);
    expect(bias.monotone).toBe(false);
    // Mismatched ROI 6, 8, 100 → 38; other top 7, 9 → 8; gap = 8 − 38.
    expect([bias.meanRoiMismatched, bias.meanRoiOtherTop, bias.roiGap]).toEqual([38, 8, -30]);
  });

  it('builds the heatmap cells and the median priority–performance gap per industry', () => {
    const { cells, industryGaps, missingIndustry, missingSizeTier } = result.grid;
    expect([missingIndustry, missingSizeTier]).toEqual([1, 1]);
    // Tech: gaps 0, 1/9 − 1, 6/9 − .1, 7/9 − .3 → median (0 + 0.47778) / 2.
    expect(industryGaps.map((g) => g.industry)).toEqual(['Tech', 'Retail']);
    expect(industryGaps[0]?.medianGap).toBeCloseTo((7 / 9 - 0.3) / 2, 12);
    // Retail: 2/9 − .5, 4/9 − .8, 6/9 − .9, 8/9 − .6, 1 − .405 → median 6/9 − .9.
    expect(industryGaps[1]?.medianGap).toBeCloseTo(6 / 9 - 0.9, 12);
    const techSmall = cells.find((c) => c.industry === 'Tech' && c.sizeTier === 'Small');
    expect(techSmall).toMatchObject({ n: 3, medianRoi: 7, roiN: 2 });
    expect(techSmall?.meanAdoption).toBeCloseTo(0.4 / 3, 12);
    expect(cells.find((c) => c.industry === 'Retail' && c.sizeTier === 'Large')).toMatchObject({ n: 4, medianRoi: 8 });
  });

  it('normalises a constant metric to 0 and reports every part as unavailable without valid rows', () => {
    const constant = computeInvestmentMismatch(
      [
        customer('a@x.io', { sales: 5, adoption: 0.5, support: 0.5, priority: 1 }),
        customer('b@x.io', { sales: 5, adoption: 0.5, support: 0.5, priority: 2 }),
      ],
      options(),
    );
    expect(constant.population.customers.map((c) => c.composite)).toEqual([0, 0]);
    const empty = computeInvestmentMismatch([customer('a@x.io', { sales: null })], options());
    expect(empty.population.customers).toHaveLength(0);
    expect(empty.mismatchRate).toBeNull();
    expect(empty.roiAndLifecycle.roi).toEqual({ available: false, reason: 'there are no valid rows' });
    expect(empty.segmentCells.cells).toEqual({ available: false, reason: 'there are no top-priority customers' });
    expect(empty.bias.priorityComposite).toEqual({ kind: 'too-few-rows', n: 0 });
    expect(empty.bias.monotone).toBeNull();
  });
});
