import { describe, expect, it } from 'vitest';
import { pearson } from '../../../src/analysis/stats/pearson.js';
import { CoMoments } from '../../../src/analysis/value-segments/co-moments.js';

function fill(rows: number[][]): CoMoments {
  const co = new CoMoments(rows[0]?.length ?? 0);
  for (const row of rows) co.add(row);
  return co;
}

describe('analysis/value-segments/co-moments', () => {
  it('gives the same r, t and p as the two-pass Pearson', () => {
    const rows = [
      [1, 10, 3],
      [2, 9, 7],
      [3, 12, 2],
      [4, 15, 8],
      [5, 14, 1],
      [6, 20, 9],
    ];
    const co = fill(rows);
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ] as const) {
      const expected = pearson(
        rows.map((r) => r[i] as number),
        rows.map((r) => r[j] as number),
      );
      const got = co.correlation(i, j);
      expect(got.kind).toBe('ok');
      if (got.kind !== 'ok' || expected.kind !== 'ok') continue;
      expect(got.r).toBeCloseTo(expected.r, 12);
      expect(got.t).toBeCloseTo(expected.t, 10);
      expect(got.p).toBeCloseTo(expected.p, 12);
    }
  });

  it('fits y = 1 + 2x exactly and reports too few rows and constant columns', () => {
    const co = fill([
      [0, 1, 5],
      [1, 3, 5],
      [2, 5, 5],
    ]);
    expect(co.regression(0, 1)).toEqual({ slope: 2, intercept: 1 });
    expect(co.correlation(0, 1)).toMatchObject({ kind: 'ok', r: 1, p: 0 });
    expect(co.correlation(0, 2)).toEqual({ kind: 'constant', n: 3 });
    expect(fill([[1, 2]]).correlation(0, 1)).toEqual({ kind: 'too-few-rows', n: 1 });
  });
});
