/** The z for a two-sided 95% interval. */
export const Z_95 = 1.96;

export interface RelativeRisk {
  readonly rr: number;
  /** null when the cell has no events (RR 0; the log interval is undefined). */
  readonly ci: readonly [number, number] | null;
}

/**
 * Relative risk of a cell against the whole group it belongs to (cell included), with the
 * log-method 95% CI: SE(ln RR) = √(1/a − 1/nCell + 1/c − 1/nAll) (analyses.md §1).
 */
export function relativeRisk(a: number, nCell: number, c: number, nAll: number): RelativeRisk | null {
  if (nCell === 0 || nAll === 0 || c === 0) return null;
  const rr = a / nCell / (c / nAll);
  if (a === 0) return { rr: 0, ci: null };
  const se = Math.sqrt(1 / a - 1 / nCell + 1 / c - 1 / nAll);
  const log = Math.log(rr);
  return { rr, ci: [Math.exp(log - Z_95 * se), Math.exp(log + Z_95 * se)] };
}
