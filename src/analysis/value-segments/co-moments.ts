import jstat from 'jstat';
import { type Correlation, MIN_CORRELATION_ROWS } from '../stats/pearson.js';

/**
 * Complete-case correlation matrix in one pass (Welford co-moments), so a million customers
 * need no per-pair copies. Gives the same r, t and p as stats/pearson on the same rows.
 */
export class CoMoments {
  n = 0;
  private readonly means: Float64Array;
  private readonly delta: Float64Array;
  /** Upper triangle of the co-moment matrix, row-major k×k. */
  private readonly c: Float64Array;

  constructor(readonly k: number) {
    this.means = new Float64Array(k);
    this.delta = new Float64Array(k);
    this.c = new Float64Array(k * k);
  }

  /** Adds one complete row (k values, none missing). */
  add(values: ArrayLike<number>): void {
    const { k, means, delta, c } = this;
    this.n++;
    const n = this.n;
    for (let i = 0; i < k; i++) {
      const d = (values[i] as number) - (means[i] as number);
      delta[i] = d;
      means[i] = (means[i] as number) + d / n;
    }
    for (let i = 0; i < k; i++) {
      const di = delta[i] as number;
      for (let j = i; j < k; j++)
        c[i * k + j] = (c[i * k + j] as number) + di * ((values[j] as number) - (means[j] as number));
    }
  }

  correlation(i: number, j: number): Correlation {
    const [a, b] = i <= j ? [i, j] : [j, i];
    const { n, k, c } = this;
    if (n < MIN_CORRELATION_ROWS) return { kind: 'too-few-rows', n };
    const sxx = c[a * k + a] as number;
    const syy = c[b * k + b] as number;
    if (sxx <= 0 || syy <= 0) return { kind: 'constant', n };
    const r = Math.max(-1, Math.min(1, (c[a * k + b] as number) / Math.sqrt(sxx * syy)));
    if (Math.abs(r) === 1)
      return { kind: 'ok', r, n, t: r > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, p: 0 };
    const df = n - 2;
    const t = r * Math.sqrt(df / (1 - r * r));
    return { kind: 'ok', r, n, t, p: 2 * (1 - jstat.jStat.studentt.cdf(Math.abs(t), df)) };
  }

  /** Least-squares line of column j on column i; null when column i is constant or rows are too few. */
  regression(i: number, j: number): { slope: number; intercept: number } | null {
    const { n, k, c, means } = this;
    const sxx = c[i * k + i] as number;
    if (n < 2 || sxx <= 0) return null;
    const sxy = (i <= j ? c[i * k + j] : c[j * k + i]) as number;
    const slope = sxy / sxx;
    return { slope, intercept: (means[j] as number) - slope * (means[i] as number) };
  }
}
