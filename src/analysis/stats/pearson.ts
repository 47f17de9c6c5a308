import jstat from 'jstat';

/**
 * Pearson correlation over complete pairs with the t statistic and a two-sided p from
 * Student's t with n − 2 degrees of freedom. Fewer than 3 pairs, or a constant side,
 * is reported as such instead of a number.
 */
export type Correlation =
  | { readonly kind: 'ok'; readonly r: number; readonly n: number; readonly t: number; readonly p: number }
  | { readonly kind: 'too-few-rows'; readonly n: number }
  | { readonly kind: 'constant'; readonly n: number };

/** The minimum number of pairs for a correlation (analyses.md: fewer than 3 is "too few rows"). */
export const MIN_CORRELATION_ROWS = 3;

export function pearson(xs: readonly (number | null)[], ys: readonly (number | null)[]): Correlation {
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    px.push(x);
    py.push(y);
  }
  return pearsonOfPairs(px, py, px.length);
}

/**
 * pearson on the first `n` complete pairs, already gathered (typed arrays from column-wise callers): the same
 * arithmetic in the same order, so both paths give the same bits.
 */
export function pearsonOfPairs(px: ArrayLike<number>, py: ArrayLike<number>, n: number): Correlation {
  if (n < MIN_CORRELATION_ROWS) return { kind: 'too-few-rows', n };
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += px[i] as number;
    my += py[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (px[i] as number) - mx;
    const dy = (py[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return { kind: 'constant', n };
  const r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  const df = n - 2;
  if (Math.abs(r) === 1)
    return { kind: 'ok', r, n, t: r > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY, p: 0 };
  const t = r * Math.sqrt(df / (1 - r * r));
  // The lower tail at −|t| keeps its precision where 1 − cdf(|t|) rounds to exactly 0.
  const p = df > 0 ? 2 * jstat.jStat.studentt.cdf(-Math.abs(t), df) : 1;
  return { kind: 'ok', r, n, t, p };
}

export function correlationValue(c: Correlation): number | null {
  return c.kind === 'ok' ? c.r : null;
}
