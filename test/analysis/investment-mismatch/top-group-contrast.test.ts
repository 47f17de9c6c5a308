import { describe, expect, it } from 'vitest';
import { DEFAULT_INVESTMENT_OPTIONS } from '../../../src/analysis/investment-mismatch/mismatch-types.js';
import { scoreCustomers } from '../../../src/analysis/investment-mismatch/score-customers.js';
import { contrastTopGroup } from '../../../src/analysis/investment-mismatch/top-group-contrast.js';
import { handWorkedRows } from './fixture-rows.js';

describe('analysis/investment-mismatch/top-group-contrast', () => {
  // Top (cume_dist ≥ 0.7): F, G, H, I, J; mismatched F, H, J (see fixture-rows.ts).
  const contrast = contrastTopGroup(scoreCustomers(handWorkedRows(), DEFAULT_INVESTMENT_OPTIONS));

  it('gives every industry × size cell of the top group its mismatch rate, small cells included', () => {
    expect(contrast.overallRate).toBeCloseTo(3 / 5, 12);
    expect(contrast.cells).toEqual([
      { industry: 'Tech', sizeTier: 'Small', n: 2, mismatched: 2, mismatchRate: 1 }, // F, H
      { industry: 'Retail', sizeTier: 'Large', n: 3, mismatched: 1, mismatchRate: 1 / 3 }, // G, I, J
    ]);
  });

  it('compares the mismatched with the rest of the top group on raw metrics', () => {
    // Mismatched F, H, J: adoption (0.1 + 0.3 + 0.7) / 3, support (0.1 + 0.3 + 0) / 3, sales (10 + 30 + 40) / 3.
    expect(contrast.mismatched.n).toBe(3);
    expect(contrast.mismatched.adoption).toBeCloseTo(1.1 / 3, 12);
    expect(contrast.mismatched.support).toBeCloseTo(0.4 / 3, 12);
    expect(contrast.mismatched.sales).toBeCloseTo(80 / 3, 12);
    // The rest G, I: adoption (0.9 + 0.6) / 2, support (0.9 + 0.6) / 2, sales (90 + 60) / 2.
    expect(contrast.rest).toEqual({ n: 2, adoption: 0.75, support: 0.75, sales: 75 });
  });

  it('has no reference rate without a top group', () => {
    const empty = contrastTopGroup(scoreCustomers([], DEFAULT_INVESTMENT_OPTIONS));
    expect(empty.overallRate).toBeNull();
    expect(empty.cells).toEqual([]);
    expect(empty.mismatched).toEqual({ n: 0, adoption: null, support: null, sales: null });
  });
});
