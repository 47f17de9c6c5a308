/**
 * Code-point order: the order of "ties by email ascending" (and SQLite's BINARY collation of UTF-8 text).
 * JavaScript's `<` compares UTF-16 code units, which puts an astral character (a surrogate pair, U+10000 and up)
 * before U+E000–U+FFFF; localeCompare depends on the locale. Neither is used for keys.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Both below the surrogates, or both surrogates: code-unit order is code-point order here.
    if (x >= 0xd800 && y >= 0xd800) return surrogateRank(x) - surrogateRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates (U+D800–U+DFFF in UTF-16) stand for code points above U+FFFF, so they sort after U+E000–U+FFFF. */
function surrogateRank(unit: number): number {
  return unit >= 0xd800 && unit <= 0xdfff ? unit + 0x10000 : unit;
}
