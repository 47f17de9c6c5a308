import { describe, expect, it } from 'vitest';
import { joinedText, utf8Data } from '../../src/data/snapshot-cache/column-writer.js';

/** Strings of every kind a column batch holds: ASCII, NULL, empty, accents, characters above U+FFFF, lone surrogates. */
function mixedStrings(n: number): (string | null)[] {
  const kinds = (i: number): string | null => {
    switch (i % 7) {
      case 0:
        return null;
      case 1:
        return '';
      case 2:
        return `user${i}@example.com`;
      case 3:
        return `Zoë ${i}`;
      case 4:
        return `😀${i}`;
      case 5:
        return `\uD800${i}`;
      default:
        return String(i);
    }
  };
  return Array.from({ length: n }, (_, i) => kinds(i));
}

describe('data/joinedText (the chunked join of a string batch)', () => {
  it('is strings.join("") at every length around the chunk size', () => {
    for (const n of [0, 1, 1023, 1024, 1025, 2048, 5000]) {
      const strings = mixedStrings(n);
      expect(joinedText(strings)).toBe(strings.join(''));
    }
  });

  it('leaves utf8Data byte for byte as one encode of the whole join', () => {
    const ascii = Array.from({ length: 3000 }, (_, i) => (i % 11 === 0 ? null : `id-${i}`));
    const data = utf8Data(ascii);
    expect(Buffer.from(data.values).equals(Buffer.from(ascii.join(''), 'utf8'))).toBe(true);
    const mixed = mixedStrings(3000);
    const pieces = Buffer.concat(mixed.map((s) => Buffer.from(s ?? '', 'utf8')));
    expect(Buffer.from(utf8Data(mixed).values).equals(pieces)).toBe(true);
  });
});
