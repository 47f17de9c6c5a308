import type { CodedColumn } from './coded-column.js';

/**
 * For each row of `from`, the row of `to` with the same key, -1 when none (and for a NULL key). When `to` repeats a
 * key the later row wins, as a Map filled in row order keeps it. Work per distinct key, not per comparison.
 */
export function joinRows(from: CodedColumn, to: CodedColumn): Int32Array {
  const rowOfKey = new Map<string, number>();
  for (let r = 0; r < to.indices.length; r++) {
    const code = to.indices[r] as number;
    if (code >= 0) rowOfKey.set(to.dictionary[code] as string, r);
  }
  const rowOfCode = new Int32Array(from.dictionary.length);
  from.dictionary.forEach((key, code) => {
    rowOfCode[code] = rowOfKey.get(key) ?? -1;
  });
  const joined = new Int32Array(from.indices.length);
  for (let r = 0; r < joined.length; r++) {
    const code = from.indices[r] as number;
    joined[r] = code < 0 ? -1 : (rowOfCode[code] as number);
  }
  return joined;
}
