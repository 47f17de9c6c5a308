import { type Data, makeData, Utf8 } from 'apache-arrow';
import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import { decodeDictionary } from './column-store.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Codes plain (one value per row) Utf8 columns by distinct value into one code space: equal codes mean equal
 * strings in every column coded here, codes in order of first appearance, NULL kept as -1. Values are hashed and
 * compared as UTF-8 bytes in an open-addressing table and never decoded: decoding every row and keying a Map by the
 * strings cost ~0.8 µs per row (bench, 7 Dec). Same bytes ⇔ same string, as Arrow's Utf8 is valid UTF-8.
 *
 * The cost is memory latency (at a million customers ~70% of it is the first read of a row's slot), so each slot
 * holds its code and hash side by side, and each code its hash and where its bytes are: one line per probe and code.
 */
export class Utf8KeyCoder {
  /** Per slot: code + 1 (0: empty), then that code's hash. */
  private slots: Int32Array;
  /** Per code, CODE_FIELDS values: its hash, its buffer (in `buffers`), start and end of its bytes there. */
  private codes: Int32Array;
  private readonly buffers: Uint8Array[] = [];
  size = 0;

  constructor(expectedValues = 1024) {
    let slots = 16;
    while (slots < expectedValues * 2) slots <<= 1;
    this.slots = new Int32Array(slots * 2);
    this.codes = new Int32Array(Math.max(16, expectedValues) * CODE_FIELDS);
  }

  /**
   * The codes of one column's rows, in row order; `rowCodes[r] < 0` marks a NULL row (readStringColumn's indices).
   * The chunks' bytes are kept, as first occurrences are compared against them, until this coder is dropped.
   */
  code(chunks: readonly Data<Utf8>[], rowCodes: Int32Array): Int32Array {
    const codes = new Int32Array(rowCodes.length);
    let r = 0;
    for (const chunk of chunks) {
      const offsets = chunk.valueOffsets;
      const bytes = chunk.values;
      const b = this.buffers.length;
      this.buffers.push(bytes);
      for (let i = chunk.offset; i < chunk.offset + chunk.length; i++, r++) {
        codes[r] =
          (rowCodes[r] as number) < 0 ? -1 : this.codeOf(bytes, b, offsets[i] as number, offsets[i + 1] as number);
      }
    }
    return codes;
  }

  /** The distinct values in code order, as Utf8 batches of at most `batchRows` values (one empty batch for none). */
  values(batchRows: number): Data<Utf8>[] {
    const batches: Data<Utf8>[] = [];
    for (let first = 0; first < this.size; first += batchRows) {
      batches.push(this.batch(first, Math.min(batchRows, this.size - first)));
    }
    return batches.length > 0 ? batches : [this.batch(0, 0)];
  }

  private batch(first: number, count: number): Data<Utf8> {
    const codes = this.codes;
    const offsets = new Int32Array(count + 1);
    for (let k = 0; k < count; k++) {
      const at = (first + k) * CODE_FIELDS;
      offsets[k + 1] = (offsets[k] as number) + (codes[at + END] as number) - (codes[at + START] as number);
    }
    const bytes = new Uint8Array(offsets[count] as number);
    for (let k = 0; k < count; k++) {
      const at = (first + k) * CODE_FIELDS;
      const from = this.buffers[codes[at + BUFFER] as number] as Uint8Array;
      bytes.set(from.subarray(codes[at + START] as number, codes[at + END] as number), offsets[k] as number);
    }
    return makeData({ type: new Utf8(), length: count, nullCount: 0, valueOffsets: offsets, data: bytes });
  }

  /** The code of a value already coded (-1: none), without adding it: a lookup of the other side of a join. */
  find(bytes: Uint8Array, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ (bytes[k] as number), FNV_PRIME);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[slot * 2] as number;
      if (stored === 0) return -1;
      if (slots[slot * 2 + 1] !== hash) continue;
      const at = (stored - 1) * CODE_FIELDS;
      const other = this.buffers[this.codes[at + BUFFER] as number] as Uint8Array;
      if (sameBytes(bytes, start, end, other, this.codes[at + START] as number, this.codes[at + END] as number)) {
        return stored - 1;
      }
    }
  }

  private codeOf(bytes: Uint8Array, b: number, start: number, end: number): number {
    let hash = FNV_OFFSET;
    for (let k = start; k < end; k++) hash = Math.imul(hash ^ (bytes[k] as number), FNV_PRIME);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (;;) {
      const stored = slots[slot * 2] as number;
      if (stored === 0) return this.add(slot, hash, b, start, end);
      if (slots[slot * 2 + 1] === hash) {
        const code = stored - 1;
        const at = code * CODE_FIELDS;
        const other = this.buffers[this.codes[at + BUFFER] as number] as Uint8Array;
        if (sameBytes(bytes, start, end, other, this.codes[at + START] as number, this.codes[at + END] as number)) {
          return code;
        }
      }
      slot = (slot + 1) & mask;
    }
  }

  private add(slot: number, hash: number, b: number, start: number, end: number): number {
    const code = this.size++;
    if ((code + 1) * CODE_FIELDS > this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    const at = code * CODE_FIELDS;
    this.codes[at + HASH] = hash;
    this.codes[at + BUFFER] = b;
    this.codes[at + START] = start;
    this.codes[at + END] = end;
    this.slots[slot * 2] = code + 1;
    this.slots[slot * 2 + 1] = hash;
    // At most half full, so probes stay short.
    if (this.size * 4 > this.slots.length) this.growSlots();
    return code;
  }

  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let code = 0; code < this.size; code++) {
      const hash = this.codes[code * CODE_FIELDS + HASH] as number;
      let slot = hash & mask;
      while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = code + 1;
      slots[slot * 2 + 1] = hash;
    }
    this.slots = slots;
  }
}

/** One plain column coded by value on its own (codes and decoded values), for columns outside the key spaces. */
export function codeByValue(chunks: readonly Data<Utf8>[], rowCodes: Int32Array): CodedColumn {
  const coder = new Utf8KeyCoder(rowCodes.length);
  const indices = coder.code(chunks, rowCodes);
  return { indices, dictionary: decodeDictionary(coder.values(Math.max(1, coder.size))) };
}

const CODE_FIELDS = 4;
const HASH = 0;
const BUFFER = 1;
const START = 2;
const END = 3;

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/** One plain Utf8 column as stored: its chunks, and per row -1 for NULL (readStringColumn's row codes). */
export interface Utf8Rows {
  readonly chunks: readonly Data<Utf8>[];
  readonly rowCodes: Int32Array;
}

/**
 * For each row of `from`, the last row of `to` holding the same bytes (-1 when none, and for NULL): what a Map from
 * `to`'s strings to their row, filled in row order, would answer for `from`'s strings, without decoding a string.
 * Joining two tables' email columns of a million rows each through Maps of strings cost seconds at 1M.
 */
export function joinUtf8ByValue(from: Utf8Rows, to: Utf8Rows): Int32Array {
  const coder = new Utf8KeyCoder(to.rowCodes.length);
  const toCodes = coder.code(to.chunks, to.rowCodes);
  const lastRowOfCode = new Int32Array(coder.size).fill(-1);
  for (let r = 0; r < toCodes.length; r++) {
    const code = toCodes[r] as number;
    if (code >= 0) lastRowOfCode[code] = r;
  }
  // `from` is only looked up, not coded: a million latest emails against the few percent with a previous row.
  const joined = new Int32Array(from.rowCodes.length);
  let r = 0;
  for (const chunk of from.chunks) {
    const offsets = chunk.valueOffsets;
    const bytes = chunk.values;
    for (let i = chunk.offset; i < chunk.offset + chunk.length; i++, r++) {
      if ((from.rowCodes[r] as number) < 0) {
        joined[r] = -1;
        continue;
      }
      const code = coder.find(bytes, offsets[i] as number, offsets[i + 1] as number);
      joined[r] = code < 0 ? -1 : (lastRowOfCode[code] as number);
    }
  }
  return joined;
}
