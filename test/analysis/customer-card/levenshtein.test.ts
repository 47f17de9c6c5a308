import { describe, expect, it } from 'vitest';
import { levenshtein } from '../../../src/analysis/customer-card/levenshtein.js';

describe('analysis/customer-card/levenshtein', () => {
  it('matches distances worked out by hand', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3); // k→s, e→i, +g
    expect(levenshtein('flaw', 'lawn')).toBe(2); // −f, +n
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
    expect(levenshtein('hotmial', 'hotmail')).toBe(2); // two substitutions
  });

  it('stops early past the limit and says only "more than limit"', () => {
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshtein('a', 'abcdef', 2)).toBe(3);
  });
});
