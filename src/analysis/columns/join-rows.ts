import type { CodedColumn } from './coded-column.js';

/**
 * For each row of `from`, the row of `to` with the same key, -1 when none (and for a NULL key). When `to` repeats a
 * key the later row wins, as a Map filled in row order keeps it. Work per distinct key, not per comparison.
 */
export function joinRows(from: CodedColumn, to: CodedColumn): Int32Array {
  return joinRowsThrough(from, keyCodes(from), to);
}

/** Each key of `column`'s dictionary → its code: build once to join one column to several others. */
export function keyCodes(column: CodedColumn): Map<string, number> {
  const codes = new Map<string, number>();
  column.dictionary.forEach((key, code) => {
    codes.set(key, code);
  });
  return codes;
}

/** joinRows with `from`'s key codes given (keyCodes(from)), so joining one table to several hashes its keys once. */
export function joinRowsThrough(
  from: CodedColumn,
  fromCodes: ReadonlyMap<string, number>,
  to: CodedColumn,
): Int32Array {
  // Per `to` dictionary code, the `from` code with that key; then per `from` code, the last `to` row carrying it.
  const fromCodeOf = new Int32Array(to.dictionary.length);
  to.dictionary.forEach((key, code) => {
    fromCodeOf[code] = fromCodes.get(key) ?? -1;
  });
  const lastRow = new Int32Array(from.dictionary.length).fill(-1);
  for (let r = 0; r < to.indices.length; r++) {
    const code = to.indices[r] as number;
    if (code < 0) continue;
    const f = fromCodeOf[code] as number;
    if (f >= 0) lastRow[f] = r;
  }
  const joined = new Int32Array(from.indices.length);
  for (let r = 0; r < joined.length; r++) {
    const code = from.indices[r] as number;
    joined[r] = code < 0 ? -1 : (lastRow[code] as number);
  }
  return joined;
}
