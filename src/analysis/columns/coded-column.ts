/**
 * A category column coded against its distinct levels: `indices[r] < 0` is NULL, else `dictionary[indices[r]]`.
 * What the snapshot cache's Arrow dictionary columns read into, and what column-wise analyses take: work per level
 * (a score, a known/unknown test) is then done once per level instead of once per row.
 */
export interface CodedColumn {
  readonly indices: Int32Array;
  readonly dictionary: readonly string[];
  /**
   * Set when the codes are those of a key space other columns share (the snapshot cache's ids and emails): a code
   * means the same value in every column carrying the same `keys` object, so joins between them compare codes, and
   * `dictionary` (the space's values, every code's) may be decoded only when first read.
   */
  readonly keys?: KeySpace;
}

/** The codes of a key space: `0 … size - 1`, one per distinct value over every column coded in it. */
export interface KeySpace {
  readonly size: number;
  /** The value of one code, without decoding the whole dictionary. */
  value(code: number): string;
  /** Whether code a's value sorts before code b's by `<` (UTF-16 code units), decoding as little as it can. */
  before?(a: number, b: number): boolean;
}

/** How many codes the column's dictionary has, without decoding a key space's values. */
export function levelCount(column: CodedColumn): number {
  return column.keys ? column.keys.size : column.dictionary.length;
}

/** Whether `a` and `b` are coded in one key space: equal codes ⇔ equal values, across the two columns. */
export function sharesKeys(a: CodedColumn, b: CodedColumn): boolean {
  return a.keys !== undefined && a.keys === b.keys;
}

/** Codes `values` (row order kept), for callers holding rows rather than columns, and for tests. */
export function codeColumn(values: readonly (string | null)[]): CodedColumn {
  const levels = new Map<string, number>();
  const indices = new Int32Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const value = values[r];
    if (value === null || value === undefined) {
      indices[r] = -1;
      continue;
    }
    let code = levels.get(value);
    if (code === undefined) {
      code = levels.size;
      levels.set(value, code);
    }
    indices[r] = code;
  }
  return { indices, dictionary: [...levels.keys()] };
}

/** Numbers with NaN for NULL, for callers holding rows. */
export function numberColumn(values: readonly (number | null)[]): Float64Array {
  const out = new Float64Array(values.length);
  for (let r = 0; r < values.length; r++) out[r] = values[r] ?? Number.NaN;
  return out;
}

/** The value at row `r`, as a row would hold it. */
export function codedValue(column: CodedColumn, r: number): string | null {
  const code = column.indices[r] as number;
  if (code < 0) return null;
  return column.keys ? column.keys.value(code) : (column.dictionary[code] as string);
}
