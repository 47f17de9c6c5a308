import { sampleCorrelation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_BOUNDS } from '../../../src/analysis/conversion-cohort/cohort-inputs.js';
import {
  type CohortFigures,
  computeConversionCohort,
} from '../../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { platformLabel } from '../../../src/analysis/conversion-cohort/platform-mix.js';
import { activityRow, COHORT_FIXTURE, funnelRow } from './cohort-fixture.js';

function figures(bounds = DEFAULT_COHORT_BOUNDS): CohortFigures {
  const result = computeConversionCohort(COHORT_FIXTURE, bounds);
  if (result.kind !== 'ok') throw new Error(result.reason);
  return result;
}

describe('analysis/conversion-cohort: the cohort', () => {
  it('keeps 10 and 20 days (inclusive), drops s2s = 30 (strict), NULL days and composite = mean', () => {
    const result = figures();
    expect(result.selection.compositeMean).toBe(8);
    expect(result.selection.compositeMeanN).toBe(10);
    expect(result.memberKeys).toEqual(['e1', 'e2', 'e12', 'e13']);
    expect(result.size).toBe(4);
    expect(result.selection.steps).toEqual({
      joined: 10, // e9 has no activity row, e8 no funnel row
      missingDays: 1, // e11
      inMarketingToSalesRange: 8, // e4 (21 days) out
      aboveSalesToSupport: 7, // e3 (exactly 30) out
      missingComposite: 1, // e7
      aboveComposite: 4, // e5 (2) and e6 (8 = the mean) out
    });
  });

  it('takes the bounds as parameters', () => {
    const wider = figures({ m2sMin: 10, m2sMax: 21, s2sAbove: 29.5, compositeAbove: 1 });
    // Now e3 (s2s 30), e4 (m2s 21), e5 (composite 2) and e6 (8) are in too.
    expect(wider.memberKeys).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e12', 'e13']);
    expect(wider.selection.compositeThreshold).toBe(1);
    expect(figures({ ...DEFAULT_COHORT_BOUNDS, m2sMin: 11 }).memberKeys).toEqual(['e2', 'e12', 'e13']);
  });

  it('computes RFM means, each with its own n', () => {
    // Value rows for e1, e2, e12 (e13 has none): R (3+5+1)/3 = 3, F (4+2)/2 = 3, M (5+5+2)/3 = 4.
    expect(figures().rfm).toEqual({
      withValueRow: 3,
      recency: { mean: 3, n: 3 },
      frequency: { mean: 3, n: 2 },
      monetary: { mean: 4, n: 3 },
    });
  });

  it('compares cohort LTV with the same tier over all latest value rows', () => {
    const { ltv } = figures();
    // Gold over all: (22000 + 18000 + 20000 + 16000) / 4 = 19000; cohort (22000 + 18000) / 2 = 20000.
    // Basic over all: (1500 + 2500) / 2 = 2000 (e6 has no LTV); cohort 1500.
    expect(ltv.byTier).toEqual([
      {
        tier: 'Basic',
        cohortN: 1,
        cohortMean: 1500,
        tierN: 2,
        tierMean: 2000,
        difference: -500,
        differencePct: -0.25,
        medianDifference: -500,
      },
      {
        tier: 'Gold',
        cohortN: 2,
        cohortMean: 20000,
        tierN: 4,
        tierMean: 19000,
        difference: 1000,
        differencePct: 1000 / 19000,
        medianDifference: 1000, // median of +3000 and −1000
      },
      {
        tier: 'Platinum',
        cohortN: 0,
        cohortMean: null,
        tierN: 1,
        tierMean: 40000,
        difference: null,
        differencePct: null,
        medianDifference: null,
      },
    ]);
    // Per customer: +3000, −1000, −500 → mean 1500 / 3 = 500; sorted −1000, −500, 3000 → median −500.
    expect(ltv.perCustomer).toEqual({ n: 3, mean: 500, median: -500 });
    expect(ltv.withoutValueRow).toBe(1);
    // Funnel LTV by the funnel's own tier: Gold over all (15000 + 13000 + 14000) / 3 = 14000.
    expect(ltv.funnelByTier.find((t) => t.tier === 'Gold')).toEqual({
      tier: 'Gold',
      cohortN: 2,
      cohortMean: 14000,
      tierN: 3,
      tierMean: 14000,
    });
  });

  it('reports channel distributions from both tables and the zendesk_active share without unclean flags', () => {
    const result = figures();
    expect(result.channels.activity).toEqual({
      n: 3,
      missing: 1,
      levels: [
        { label: 'Content Marketing', n: 2, share: 2 / 3 },
        { label: 'Sales Driven', n: 1, share: 1 / 3 },
      ],
    });
    expect(result.channels.funnel.levels[0]).toEqual({ label: 'Webinar', n: 3, share: 0.75 });
    // e1 active, e2 not, e13 active, e12 NULL → 2 of 3.
    expect(result.zendesk).toEqual({ n: 3, active: 2, share: 2 / 3, notClean: 1 });
  });
});

describe('analysis/conversion-cohort: platform mix', () => {
  it('labels combinations as zero-padded strings', () => {
    expect(platformLabel({ inMarketo: 0, inStripe: 1, inZendesk: 1 })).toBe('011');
    expect(platformLabel({ inMarketo: 0, inStripe: 0, inZendesk: 0 })).toBe('000');
    expect(platformLabel({ inMarketo: null, inStripe: 1, inZendesk: 1 })).toBeNull();
  });

  it('gives n and mean health per combination, cohort vs all, and leaves unclean flags out', () => {
    const { platformMix } = figures();
    const combo = (label: string) => platformMix.combinations.find((c) => c.label === label);
    // All '000': e4 (40), e5 (no health), e12 (60) → n 3, mean 50 over 2.
    expect(combo('000')?.all).toEqual({ n: 3, healthN: 2, meanHealth: 50 });
    expect(combo('000')?.cohort).toEqual({ n: 1, healthN: 1, meanHealth: 60 });
    // All '011': e1 80, e7 70, e8 60 → 70.
    expect(combo('011')).toMatchObject({ platforms: 'Stripe + Zendesk', all: { n: 3, meanHealth: 70 } });
    expect(combo('110')?.cohort).toEqual({ n: 0, healthN: 0, meanHealth: null });
    expect(platformMix.notClean).toEqual({ cohort: 0, all: 1 });
  });

  it('gives health by platform count and Pearson r (checked against simple-statistics)', () => {
    const { platformMix } = figures();
    // All: 0 → 000 (mean 50); 1 → e13 75, e11 55 → 65; 2 → 011 → 70; 3 → e2 90, e6 100 → 95.
    expect(platformMix.byCount.map((c) => c.all.meanHealth)).toEqual([50, 65, 70, 95]);
    // Cohort counts (2, 3, 0, 1) against health (80, 90, 60, 75): sxy 47.5, sxx 5, syy 468.75.
    const r = platformMix.correlation.cohort;
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.n).toBe(4);
    expect(r.r).toBeCloseTo(47.5 / Math.sqrt(5 * 468.75), 12);
    expect(r.r).toBeCloseTo(sampleCorrelation([2, 3, 0, 1], [80, 90, 60, 75]), 12);
  });

  it('says "too few rows" for a correlation over fewer than 3 customers', () => {
    const narrow = figures({ ...DEFAULT_COHORT_BOUNDS, m2sMin: 19 });
    expect(narrow.size).toBe(1);
    expect(narrow.platformMix.correlation.cohort).toEqual({ kind: 'too-few-rows', n: 1 });
  });
});

describe('analysis/conversion-cohort: risk × velocity', () => {
  it('keeps unknown and missing levels as their own rows and flags them', () => {
    const { riskVelocity } = figures();
    expect(riskVelocity.cohort.cells).toEqual([
      { risk: 'Low', velocity: 'Stable', n: 2, healthN: 2, meanHealth: 85 },
      { risk: 'High Activity Risk', velocity: 'Stagnant', n: 1, healthN: 1, meanHealth: 60 },
      { risk: '(missing)', velocity: 'Declining', n: 1, healthN: 1, meanHealth: 75 },
    ]);
    expect(riskVelocity.all.riskLevels).toEqual(['Low', 'Medium', 'High Activity Risk', '(missing)']);
    expect(riskVelocity.unknownRiskLevels).toEqual(['High Activity Risk', '(missing)']);
    expect(riskVelocity.unknownVelocities).toEqual([]);
  });
});

describe('analysis/conversion-cohort: not available', () => {
  it('says why when the activity or funnel table is empty', () => {
    const result = computeConversionCohort(
      { activity: [], funnel: [], value: COHORT_FIXTURE.value },
      DEFAULT_COHORT_BOUNDS,
    );
    expect(result.kind).toBe('unavailable');
    if (result.kind === 'unavailable')
      expect(result.reason).toContain('activity metrics and conversion funnel tables have no rows');
  });

  it('says why when the join matches nothing', () => {
    const result = computeConversionCohort(
      { activity: [activityRow('a', 1)], funnel: [funnelRow('b', 15, 40)], value: [] },
      DEFAULT_COHORT_BOUNDS,
    );
    expect(result).toMatchObject({ kind: 'unavailable', joined: 0 });
    if (result.kind === 'unavailable') expect(result.reason).toContain('join matches nothing');
  });

  it('returns an empty cohort with n/a means, not zeros, when the filters match nobody', () => {
    const none = figures({ ...DEFAULT_COHORT_BOUNDS, s2sAbove: 1000 });
    expect(none.size).toBe(0);
    expect(none.rfm.recency).toEqual({ mean: null, n: 0 });
    expect(none.zendesk.share).toBeNull();
    expect(none.ltv.perCustomer).toEqual({ n: 0, mean: null, median: null });
  });
});
