import { describe, expect, it } from 'vitest';
import { urgencyOrder, urgencyOrderByComparator } from '../../src/commands/conversion-cohort/urgency-order.js';

/** A small deterministic generator, so a failing case can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('commands/urgencyOrder against the comparator sort (urgencyOrderByComparator)', () => {
  it('lists the members in the same order, with tied ranks, scores (-0 and 0, no score) and keys', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = generator(seed);
      const n = 2_000;
      const rank = Uint8Array.from({ length: n }, () => Math.floor(random() * 4));
      const scores = [0, -0, 12.5, 40, Number.POSITIVE_INFINITY, 99.25];
      const score = Float64Array.from({ length: n }, () =>
        random() < 0.5 ? (scores[Math.floor(random() * scores.length)] as number) : Math.round(random() * 1000) / 10,
      );
      // Few distinct keys, so rank, score and key all tie for some members (member order decides).
      const keys = Array.from({ length: n }, () => `m${Math.floor(random() * 300)}@x.com`);
      const keyOf = (i: number) => keys[i] as string;
      expect([...urgencyOrder(rank, score, keyOf)]).toEqual([...urgencyOrderByComparator(rank, score, keyOf)]);
    }
  });

  it('handles no members and one member', () => {
    const keyOf = () => 'a@x.com';
    expect([...urgencyOrder(new Uint8Array(0), new Float64Array(0), keyOf)]).toEqual([]);
    expect([...urgencyOrder(Uint8Array.of(3), Float64Array.of(Number.POSITIVE_INFINITY), keyOf)]).toEqual([0]);
  });
});
