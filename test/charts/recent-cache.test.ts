import { describe, expect, it } from 'vitest';
import { RecentCache } from '../../src/charts/recent-cache.js';

describe('charts/recent-cache', () => {
  it('keeps the most recently used entries up to maxEntries; a read counts as a use', () => {
    const cache = new RecentCache<number>({ maxEntries: 2 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('evicts the oldest until the total size fits, and never keeps an entry bigger than the total allowed', () => {
    const cache = new RecentCache<string>({ maxEntries: 10, maxTotalSize: 10, sizeOf: (value) => value.length });
    cache.set('a', 'xxxx');
    cache.set('b', 'yyyy');
    cache.set('c', 'zzzz');
    // 4 + 4 + 4 = 12 > 10: the oldest (a) goes, 8 remain.
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'yyyy', 'zzzz']);
    cache.set('big', 'x'.repeat(11));
    expect(cache.get('big')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('replaces a key in place, and forgets on delete and clear', () => {
    const cache = new RecentCache<string>({ maxEntries: 3, maxTotalSize: 6, sizeOf: (value) => value.length });
    cache.set('a', 'xxx');
    cache.set('a', 'yyy');
    cache.set('b', 'zzz');
    // The replaced 'a' counts once: 3 + 3 = 6 fits.
    expect([cache.get('a'), cache.get('b')]).toEqual(['yyy', 'zzz']);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.set('c', 'www');
    expect(cache.size).toBe(2);
    cache.clear();
    expect([cache.size, cache.get('b'), cache.get('c')]).toEqual([0, undefined, undefined]);
  });
});
