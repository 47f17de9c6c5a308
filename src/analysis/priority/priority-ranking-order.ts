import { compareCodePoints as compareText } from '../code-point-order.js';
import { descendingOrder } from '../stats/radix-order.js';

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
 * keeps them). A comparator sort of a million indices took over a second; here the indices are put in
 * descending priority order by a stable radix sort (descendingOrder), and only runs of equal priority are
 * sorted, by email.
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
  const order = descendingOrder(priorities);
  const byCodeUnits = compareByCodeUnits(emails);
  const byCodePoints = compareByCodePoints(emails);
  for (let start = 0; start < n; ) {
    const value = priorities[order[start] as number] as number;
    let end = start + 1;
    while (end < n && priorities[order[end] as number] === value) end++;
    const length = end - start;
    if (length === 2) {
      // Most tie runs are pairs (at a million customers, ~430k customers tie, mostly in pairs): one comparison.
      const a = order[start] as number;
      const b = order[start + 1] as number;
      if (byCodePoints(a, b) > 0) {
        order[start] = b;
        order[start + 1] = a;
      }
    } else if (length > 2) {
      // Already in input order, so a stable sort by email gives email, then input order.
      const run = Array.from(order.subarray(start, start + length));
      run.sort(withoutSurrogates(emails, run) ? byCodeUnits : byCodePoints);
      order.set(run, start);
    }
    start = end;
  }
  return order;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether none of the members' emails holds a surrogate (a character above U+FFFF). */
function withoutSurrogates(emails: readonly string[], members: readonly number[]): boolean {
  for (const k of members) if (SURROGATE.test(emails[k] as string)) return false;
  return true;
}

/**
 * Email order by the engine's `<` (UTF-16 code units): code-point order for strings without surrogates, and faster
 * than compareCodePoints' loop over characters.
 */
function compareByCodeUnits(emails: readonly string[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = emails[a] as string;
    const y = emails[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function compareByCodePoints(emails: readonly string[]): (a: number, b: number) => number {
  return (a, b) => compareText(emails[a] as string, emails[b] as string);
}
