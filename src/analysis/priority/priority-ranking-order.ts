import { compareCodePoints as compareText } from '../code-point-order.js';
import { countAtOrBelow } from '../stats/cume-dist.js';

/** What ordering needs of a scored population: priorities and emails, parallel arrays. */
export interface RankingKeys {
  readonly priorities: Float64Array;
  readonly emails: readonly string[];
}

/** Ranking order: priority descending, then email ascending (then input order, as the stable sort keeps it). */
export function compareScored(scored: RankingKeys, a: number, b: number): number {
  const { priorities, emails } = scored;
  return (priorities[b] as number) - (priorities[a] as number) || compareText(emails[a] as string, emails[b] as string);
}

/**
 * Indices of the scored customers in ranking order (compareScored, ties in input order as a stable sort
 * keeps them). A comparator sort of a million indices took over a second; here the priorities are
 * sorted natively as a Float64Array, each index goes to the start of its tie run (found by binary
 * search) in input order, and only runs of equal priority are sorted, by email.
 */
export function rankingOrder(scored: RankingKeys): Uint32Array | number[] {
  const { priorities, emails } = scored;
  const n = priorities.length;
  for (let k = 0; k < n; k++) {
    if (Number.isNaN(priorities[k])) {
      // NaN has no place in a numeric order; keep the comparator's answer, whatever it makes of it.
      const order = Array.from({ length: n }, (_, i) => i);
      return order.sort((a, b) => compareScored(scored, a, b));
    }
  }
  const ascending = Float64Array.from(priorities).sort();
  // Start of each value's run in descending order = how many priorities are greater (−0 and 0 are one run).
  const runStart = new Uint32Array(n);
  const filled = new Uint32Array(n);
  for (let k = 0; k < n; k++) runStart[k] = n - countAtOrBelow(ascending, priorities[k] as number);
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const start = runStart[k] as number;
    order[start + (filled[start] as number)] = k;
    filled[start] = (filled[start] as number) + 1;
  }
  for (let start = 0; start < n; ) {
    const length = filled[start] as number;
    if (length > 1) {
      // Already in input order, so a stable sort by email gives email, then input order.
      const run = Array.from(order.subarray(start, start + length));
      run.sort((a, b) => compareText(emails[a] as string, emails[b] as string));
      order.set(run, start);
    }
    start += length;
  }
  return order;
}
