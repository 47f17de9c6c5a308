import { describe, expect, it } from 'vitest';
import { compareScored, rankingOrder } from '../../../src/analysis/priority/priority-ranking-order.js';
import {
  computePriority,
  DEFAULT_PRIORITY_OPTIONS,
  priorityStanding,
} from '../../../src/analysis/priority/priority-score.js';
import type { ValueCustomer } from '../../../src/analysis/value-segments/value-customer.js';
import { pick, seededRandom } from '../seeded-random.js';
import { valueCustomer } from '../value-segments/value-customer-fixture.js';

// Few distinct values so priorities tie often, some NULL inputs, and a few repeated emails.
function randomCustomers(seed: number, n: number): ValueCustomer[] {
  const random = seededRandom(seed);
  const score = () => pick(random, [1, 2, 3, 4, 5], 0.05);
  return Array.from({ length: n }, (_, i) =>
    valueCustomer(`c${Math.floor(random() * n * 0.9)}@x.com`, {
      recency: score(),
      frequency: score(),
      monetary: score(),
      health: pick(random, [1, 2, 3], 0.05),
      churn: pick(random, [0.1, 0.5, 0.9], 0.05),
      tier: pick(random, ['Gold', 'Platinum', 'Basic', 'Silver'], 0.1),
      portfolioPct: pick(random, [0.01, 0.05, 0.2], 0.1),
      previous:
        random() < 0.3
          ? null
          : { recency: score(), frequency: score(), monetary: score(), health: 2, churn: 0.5 + i / (10 * n) },
    }),
  );
}

describe('analysis/priority/computePriority ranking order', () => {
  it('ranks as a comparator sort (priority desc, email asc, input order) does: second method', () => {
    for (const seed of [11, 12, 13]) {
      const customers = randomCustomers(seed, 400);
      const { ranked } = computePriority(customers);
      const inputIndex = new Map(customers.map((c, i) => [c, i]));
      const naive = [...ranked].sort(
        (a, b) =>
          b.priority - a.priority ||
          (a.customer.email < b.customer.email ? -1 : a.customer.email > b.customer.email ? 1 : 0) ||
          (inputIndex.get(a.customer) as number) - (inputIndex.get(b.customer) as number),
      );
      expect(ranked.map((r) => inputIndex.get(r.customer))).toEqual(naive.map((r) => inputIndex.get(r.customer)));
      expect(ranked.map((r) => r.rank)).toEqual(ranked.map((_, i) => i + 1));
      // cume_dist = share of priorities ≤ this one.
      for (const r of ranked.slice(0, 50)) {
        expect(r.cumeDist).toBe(ranked.filter((o) => o.priority <= r.priority).length / ranked.length);
      }
    }
  });
});

describe('analysis/priority/rankingOrder ties', () => {
  it('orders tie runs as the stable compareScored sort does, runs with and without surrogates alike', () => {
    // Characters on both sides of the surrogates (U+E000 and up sort after a surrogate pair by code point, before it
    // by `<`), duplicates (input order breaks them), and runs where only some members hold a surrogate pair.
    const alphabet = ['a', 'b', 'z', 'я', '\uff21', '\ue000', '\u{20bb7}', '\u{1f600}', '.', '@'];
    const random = seededRandom(7);
    for (const withAstral of [false, true]) {
      const letters = withAstral ? alphabet : alphabet.filter((c) => c.length === 1);
      const n = 3000;
      const emails = Array.from({ length: n }, () =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, () => letters[Math.floor(random() * letters.length)]).join(
          '',
        ),
      );
      const priorities = Float64Array.from({ length: n }, () => Math.floor(random() * 40) / 8);
      const scored = { priorities, emails };
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareScored(scored, a, b));
      expect(Array.from(rankingOrder(scored))).toEqual(expected);
    }
  });
});

describe('analysis/priority/priorityStanding', () => {
  it('gives the same row as the full ranking for every customer (second method: computePriority)', () => {
    for (const seed of [1, 2, 3]) {
      const customers = randomCustomers(seed, 300);
      const full = computePriority(customers, DEFAULT_PRIORITY_OPTIONS);
      for (const email of new Set(customers.map((c) => c.email))) {
        const standing = priorityStanding(customers, email, DEFAULT_PRIORITY_OPTIONS);
        expect(standing.n).toBe(full.n);
        expect(standing.row).toEqual(full.ranked.find((r) => r.customer.email === email) ?? null);
      }
    }
  });

  it('answers no row for an email outside the scored population', () => {
    const customers = randomCustomers(4, 20);
    expect(priorityStanding(customers, 'nobody@x.com').row).toBeNull();
  });
});
