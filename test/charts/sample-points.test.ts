import { describe, expect, it } from 'vitest';
import {
  SCATTER_POINT_LIMIT,
  sampleForScatter,
  sampleForScatterBySwaps,
  sampleStratified,
} from '../../src/charts/sample-points.js';

const rows = Array.from({ length: 5000 }, (_, index) => ({ index }));

describe('charts/sample-points', () => {
  it('returns small inputs unchanged', () => {
    const few = rows.slice(0, 10);
    expect(sampleForScatter(few)).toBe(few);
  });

  it('keeps at most the limit, in the original order, without duplicates', () => {
    const sample = sampleForScatter(rows);
    expect(sample).toHaveLength(SCATTER_POINT_LIMIT);
    const indices = sample.map((row) => row.index);
    expect(new Set(indices).size).toBe(indices.length);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(sampleForScatter(rows, 100, 7)).toEqual(sampleForScatter(rows, 100, 7));
    expect(sampleForScatter(rows, 100, 7)).not.toEqual(sampleForScatter(rows, 100, 8));
  });

  it('samples across the whole input, not just its start', () => {
    const indices = sampleForScatter(rows, 1000).map((row) => row.index);
    const inLastFifth = indices.filter((index) => index >= 4000).length;
    expect(inLastFifth).toBeGreaterThan(150);
    expect(inLastFifth).toBeLessThan(250);
  });

  it('rejects a negative or fractional limit', () => {
    expect(() => sampleForScatter(rows, -1)).toThrow(RangeError);
    expect(() => sampleForScatter(rows, 1.5)).toThrow(RangeError);
  });
});

describe('sampleForScatter against the whole-array shuffle (sampleForScatterBySwaps)', () => {
  it('picks the same rows for every size, budget and seed tried', () => {
    for (const n of [0, 1, 7, 500, 501, 2_000, 50_000]) {
      const rows = Array.from({ length: n }, (_, index) => ({ index }));
      for (const max of [0, 1, 3, 250, 500, 1_999]) {
        for (const seed of [1, 2, 99]) {
          expect(sampleForScatter(rows, max, seed)).toEqual(sampleForScatterBySwaps(rows, max, seed));
        }
      }
    }
  });
});

describe('sampleStratified', () => {
  it('keeps a small group whole and shares the rest of the budget between the large ones', () => {
    const mixed = [
      ...Array.from({ length: 98 }, (_, i) => ({ g: 'HV', i })),
      ...Array.from({ length: 1000 }, (_, i) => ({ g: 'SMB', i })),
      ...Array.from({ length: 3600 }, (_, i) => ({ g: 'Other', i })),
    ];
    const { rows: kept, strata } = sampleStratified(mixed, (r) => r.g, 500);
    // Equal shares of 500: 166 each; HV keeps its 98, the 402 left split 201 / 201.
    expect(strata).toEqual([
      { group: 'HV', shown: 98, total: 98 },
      { group: 'SMB', shown: 201, total: 1000 },
      { group: 'Other', shown: 201, total: 3600 },
    ]);
    expect(kept).toHaveLength(500);
    expect(sampleStratified(mixed, (r) => r.g, 500).rows).toEqual(kept);
  });

  it('returns every row when they fit', () => {
    const two = [{ g: 'a' }, { g: 'b' }];
    expect(sampleStratified(two, (r) => r.g, 5).rows).toEqual(two);
  });
});
