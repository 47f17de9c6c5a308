import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../src/analysis/stats/wilson-interval.js';

describe('analysis/stats/wilson-interval', () => {
  it('matches the published interval for 5 of 10', () => {
    // z = 1.96: centre (0.5 + 3.8415/20) / 1.38415 = 0.5; half 1.96·√(0.025 + 0.0096) / 1.38415 = 0.2634.
    const ci = wilsonInterval(5, 10);
    expect(ci?.low).toBeCloseTo(0.2366, 4);
    expect(ci?.high).toBeCloseTo(0.7634, 4);
  });

  it('gives 0 of n a real upper bound and stays inside 0–1', () => {
    // 0 of 12: high = z² / (n + z²) = 3.8415 / 15.8415 = 0.2425.
    const ci = wilsonInterval(0, 12);
    expect(ci?.low).toBeCloseTo(0, 12);
    expect(ci?.high).toBeCloseTo(0.2425, 4);
    expect(wilsonInterval(12, 12)?.high).toBe(1);
  });

  it('has no interval without observations', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(3, 2)).toBeNull();
  });
});
