import { describe, expect, it } from 'vitest';
import { utf8Before } from '../../src/data/snapshot-cache/utf8-string-order.js';

const encoder = new TextEncoder();

describe('data/utf8Before against JavaScript string order (<)', () => {
  it('agrees with < wherever it decides, and decides every pair below U+E000', () => {
    const alphabet = [
      'a',
      'b',
      'z',
      '0',
      '-',
      '.',
      '@',
      'é',
      'ß',
      'Ω',
      'ж',
      '中',
      '\u07ff',
      '\u0800',
      '\ud7ff',
      '\ue000',
      '\uffff',
      '😀',
      '𝄞',
      '',
    ];
    const strings: string[] = [''];
    for (const x of alphabet) for (const y of alphabet) strings.push(`${x}${y}`, `id-${x}${y}x`, `${x}`);
    let decided = 0;
    for (const a of strings) {
      for (const b of strings) {
        const ab = encoder.encode(a);
        const bb = encoder.encode(b);
        // Offsets inside a larger buffer, as Arrow's value buffers hold them.
        const joined = new Uint8Array(ab.length + bb.length + 3);
        joined.set(ab, 1);
        joined.set(bb, ab.length + 2);
        const got = utf8Before(joined, 1, 1 + ab.length, joined, ab.length + 2, ab.length + 2 + bb.length);
        const highest = Math.max(...[...a, ...b].map((ch) => ch.codePointAt(0) as number), 0);
        if (highest < 0xe000) expect(got, `${a} < ${b}`).toBe(a < b);
        if (got !== undefined) {
          decided++;
          expect(got, `${a} < ${b}`).toBe(a < b);
        }
      }
    }
    expect(decided).toBeGreaterThan(strings.length * strings.length * 0.5);
  });
});
