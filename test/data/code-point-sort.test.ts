import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/analysis/code-point-order.js';
import { sortByCodePoints } from '../../src/data/snapshot-cache/code-point-sort.js';

describe('data/snapshot-cache sortByCodePoints', () => {
  it('sorts as compareCodePoints does, with and without characters above U+FFFF', () => {
    const plain = ['b@x.org', 'A@x.org', 'a@x.org', '', 'ä@x.org', '\uE000@x.org', 'zoë', 'a', 'ab', '10', '9'];
    const astral = [...plain, '\u{1F600}@x.org', '\u{10000}', '\uFFFF'];
    for (const values of [plain, astral]) {
      expect(sortByCodePoints(values.slice())).toEqual(values.slice().sort(compareCodePoints));
    }
    // By hand: U+E000 before U+1F600 in code points (UTF-16 units put the surrogate pair first).
    expect(sortByCodePoints(['\u{1F600}', '\uE000'])).toEqual(['\uE000', '\u{1F600}']);
  });
});
