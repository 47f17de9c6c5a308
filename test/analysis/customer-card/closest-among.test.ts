import { describe, expect, it } from 'vitest';
import { closestAmong, compare, FUZZY_QUERY_LIMIT } from '../../../src/analysis/customer-card/find-customer.js';
import { pick, seededRandom } from '../seeded-random.js';

/** The textbook edit-distance table (insert, delete, substitute: 1 each) over UTF-16 code units. */
function tableDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      (rows[i] as number[])[j] = Math.min(
        ((rows[i - 1] as number[])[j] as number) + 1,
        ((rows[i] as number[])[j - 1] as number) + 1,
        ((rows[i - 1] as number[])[j - 1] as number) + cost,
      );
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** Every candidate scored, sorted by distance then code-unit order, the first `limit`. */
function closestByTable(query: string, candidates: ReadonlySet<string>, limit: number): string[] {
  const needle = query.slice(0, FUZZY_QUERY_LIMIT);
  return [...candidates]
    .map((text) => ({ text, distance: tableDistance(needle, text.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || compare(a.text, b.text))
    .slice(0, limit)
    .map((s) => s.text);
}

describe('analysis/customer-card/closestAmong', () => {
  it('ranks by distances worked out by hand, ties in code-unit order', () => {
    // kitten→sitting 3 (k→s, e→i, +g); flaw→lawn 2 (−f, +n); hotmial→hotmail 2 (two substitutions).
    expect(closestAmong('kitten', new Set(['sitting', 'kitten', 'mitten', 'bitten']), 3)).toEqual([
      'kitten',
      'bitten',
      'mitten',
    ]);
    expect(closestAmong('flaw', new Set(['lawn', 'sitting']), 2)).toEqual(['lawn', 'sitting']);
    expect(closestAmong('jane@hotmial.com', new Set(['jane@hotmail.com', 'joan@hotmail.com']), 1)).toEqual([
      'jane@hotmail.com',
    ]);
    // Compared lower-case: "ACME" is 0 from "acme", and returned as written.
    expect(closestAmong('acme', new Set(['Acme Co', 'ACME']), 1)).toEqual(['ACME']);
  });

  it('gives the same suggestions as the full table over random emails and names, CJK, Cyrillic and emoji too', () => {
    const random = seededRandom(29);
    const alphabet = [...'abcdeijlnos.@-_ ', 'é', 'İ', 'Ж', 'ж', '王', '李', '😀', 'K'];
    const word = (min: number, max: number) =>
      Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(random, alphabet)).join('');
    for (let round = 0; round < 40; round++) {
      const candidates = new Set(Array.from({ length: 60 }, () => word(0, 40)));
      // Queries short and long: past 32 units the distance runs on several machine words, past 64 it is cut.
      const query = word(1, round % 4 === 0 ? 80 : 20).toLowerCase();
      const limit = 1 + (round % 5);
      expect(closestAmong(query, candidates, limit)).toEqual(closestByTable(query, candidates, limit));
    }
  });
});
