import { type CodedColumn, levelCount, sharesKeys } from './coded-column.js';

/**
 * For each row of `from`, the row of `to` with the same key, -1 when none (and for a NULL key). When `to` repeats a
 * key the later row wins, as a Map filled in row order keeps it. Work per distinct key, not per comparison.
 */
export function joinRows(from: CodedColumn, to: CodedColumn): Int32Array {
  return keyJoin(from)(to);
}

/**
 * joinRows from one column to several: columns of `from`'s key space join by code alone (integer work); for any
 * other, `from`'s keys are hashed once, on the first such join, and reused.
 */
export function keyJoin(from: CodedColumn): (to: CodedColumn) => Int32Array {
  let fromCodes: Map<string, number> | undefined;
  return (to) => {
    if (sharesKeys(from, to)) return rowsOfCodes(from, to, null);
    fromCodes ??= keyCodes(from);
    return rowsOfCodes(from, to, codesThrough(fromCodes, to));
  };
}

/** Each key of `column`'s dictionary → its code. */
export function keyCodes(column: CodedColumn): Map<string, number> {
  const codes = new Map<string, number>();
  column.dictionary.forEach((key, code) => {
    codes.set(key, code);
  });
  return codes;
}

/**
 * Per code of `to`, the code of `from` holding the same key (-1: none), `from`'s codes given by `fromCodes`
 * (keyCodes(from)). Columns of one key space need no such table: their codes already agree.
 */
export function codesThrough(fromCodes: ReadonlyMap<string, number>, to: CodedColumn): Int32Array {
  const fromCodeOf = new Int32Array(to.dictionary.length);
  to.dictionary.forEach((key, code) => {
    fromCodeOf[code] = fromCodes.get(key) ?? -1;
  });
  return fromCodeOf;
}

/** The join once codes agree: `fromCodeOf` maps `to`'s codes to `from`'s, null when they are the same codes. */
function rowsOfCodes(from: CodedColumn, to: CodedColumn, fromCodeOf: Int32Array | null): Int32Array {
  // Per `from` code, the last `to` row carrying it.
  const lastRow = new Int32Array(levelCount(from)).fill(-1);
  const toCodes = to.indices;
  for (let r = 0; r < toCodes.length; r++) {
    const code = toCodes[r] as number;
    if (code < 0) continue;
    const f = fromCodeOf === null ? code : (fromCodeOf[code] as number);
    if (f >= 0) lastRow[f] = r;
  }
  const joined = new Int32Array(from.indices.length);
  for (let r = 0; r < joined.length; r++) {
    const code = from.indices[r] as number;
    joined[r] = code < 0 ? -1 : (lastRow[code] as number);
  }
  return joined;
}
