import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Data,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { CodedColumn } from '../../analysis/columns/coded-column.js';

/**
 * One cleaned column on disk, as an Apache Arrow IPC file holding a one-column table of one record batch. Numbers
 * (numbers, flags, epoch-ms timestamps) are Float64 with NaN for NULL — safe because cleaning never yields a
 * non-finite number — so a reader takes the Float64Array straight out of the file bytes. Strings (text, ids, emails)
 * are dictionary-encoded (Int32 indices into a Utf8 dictionary): category levels repeat millions of times, and every
 * row then shares one JS string per level. A NULL string is a null slot whose index we write as -1, so readers test
 * `index < 0` instead of the validity bitmap (which is written too, for any other Arrow reader).
 */
export type StoredColumnType = 'number' | 'string';

/** A dictionary-coded string column (the analyses' CodedColumn): `indices[r] < 0` is NULL. */
export type StringColumn = CodedColumn;

export type TypedColumn = Float64Array | StringColumn;

export type ColumnValues = (number | null)[] | (string | null)[];

/** Grows a column while rows stream in from SQLite. */
export class ColumnBuilder {
  private numbers: Float64Array;
  private codes: Int32Array;
  private readonly dictionary = new Map<string, number>();
  private length = 0;

  constructor(readonly type: StoredColumnType) {
    this.numbers = new Float64Array(type === 'number' ? 1024 : 0);
    this.codes = new Int32Array(type === 'string' ? 1024 : 0);
  }

  get rows(): number {
    return this.length;
  }

  push(value: string | number | null): void {
    if (this.type === 'number') {
      if (this.length === this.numbers.length) this.numbers = grow(this.numbers, new Float64Array(this.length * 2));
      this.numbers[this.length++] = value === null ? Number.NaN : (value as number);
      return;
    }
    if (this.length === this.codes.length) this.codes = grow(this.codes, new Int32Array(this.length * 2));
    let code = -1;
    if (value !== null) {
      const text = value as string;
      code = this.dictionary.get(text) ?? -1;
      if (code < 0) {
        code = this.dictionary.size;
        this.dictionary.set(text, code);
      }
    }
    this.codes[this.length++] = code;
  }

  /** Writes `<base>.arrow`. */
  write(directory: string, base: string): void {
    writeFileSync(join(directory, `${base}.arrow`), tableToIPC(oneColumnTable(base, this.toData()), 'file'));
  }

  private toData(): Data<Float64> | Data<Dictionary<Utf8, Int32>> {
    const length = this.length;
    if (this.type === 'number') {
      return makeData({ type: new Float64(), length, nullCount: 0, data: this.numbers.subarray(0, length) });
    }
    const codes = this.codes.subarray(0, length);
    const nullBitmap = new Uint8Array((length + 7) >> 3);
    let nullCount = 0;
    for (let r = 0; r < length; r++) {
      if ((codes[r] as number) < 0) nullCount++;
      else nullBitmap[r >> 3] = (nullBitmap[r >> 3] as number) | (1 << (r & 7));
    }
    return makeData({
      type: new Dictionary(new Utf8(), new Int32(), 0, false),
      length,
      nullCount,
      nullBitmap,
      data: codes,
      dictionary: vectorFromArray([...this.dictionary.keys()], new Utf8()),
    });
  }
}

function oneColumnTable(name: string, data: Data<Float64> | Data<Dictionary<Utf8, Int32>>): Table {
  const field = new Field(name, data.type, data.nullCount > 0);
  const struct = makeData({ type: new Struct([field]), length: data.length, nullCount: 0, children: [data] });
  return new Table([new RecordBatch(new Schema([field]), struct)]);
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The one column of `<base>.arrow` as Arrow data (the typed arrays view the file's bytes, no copy when aligned). */
function readColumnData(directory: string, base: string): Data {
  const table = tableFromIPC(readFileSync(join(directory, `${base}.arrow`)));
  const vector = table.getChildAt(0);
  if (!vector) throw new Error(`${join(directory, base)}.arrow holds no column`);
  // ColumnBuilder writes one record batch; anything else is not a file of this cache.
  if (vector.data.length !== 1) throw new Error(`${join(directory, base)}.arrow has ${vector.data.length} batches`);
  return vector.data[0] as Data;
}

export function readNumberColumn(directory: string, base: string): Float64Array {
  const data = readColumnData(directory, base);
  if (!(data.values instanceof Float64Array)) throw new Error(`${base} is not a Float64 column`);
  return rowsOf(data.values, data);
}

/** Indices and the undecoded dictionary; decodeDictionary makes its strings (callers keep those across reads). */
export function readStringColumn(directory: string, base: string): { indices: Int32Array; dictionary: Data<Utf8> } {
  const data = readColumnData(directory, base);
  if (!(data.values instanceof Int32Array) || !data.dictionary) throw new Error(`${base} is not a dictionary column`);
  return { indices: rowsOf(data.values, data), dictionary: data.dictionary.data[0] as Data<Utf8> };
}

/** The column's own rows: a buffer read from IPC may be longer than the column (padding to 8 or 64 bytes). */
function rowsOf<T extends Float64Array | Int32Array>(values: T, data: Data): T {
  return values.length === data.length ? values : (values.subarray(0, data.length) as T);
}

const utf8 = new TextDecoder();

/**
 * Dictionary strings, decoded in one TextDecoder call when they are all ASCII (emails, ids, most labels) and then
 * sliced by the Arrow offsets; one call per string is ~5x slower at a million emails.
 */
export function decodeDictionary(dictionary: Data<Utf8>): string[] {
  const offsets = dictionary.valueOffsets;
  const bytes = dictionary.values;
  const out = new Array<string>(dictionary.length);
  const all = utf8.decode(bytes);
  if (all.length === bytes.length) {
    for (let i = 0; i < out.length; i++) out[i] = all.slice(offsets[i] as number, offsets[i + 1] as number);
  } else {
    for (let i = 0; i < out.length; i++) {
      out[i] = utf8.decode(bytes.subarray(offsets[i] as number, offsets[i + 1] as number));
    }
  }
  return out;
}

/** The column as cleaned values, in stored row order. */
export function readColumnValues(directory: string, base: string, type: StoredColumnType): ColumnValues {
  if (type === 'number') {
    const numbers = readNumberColumn(directory, base);
    const values = new Array<number | null>(numbers.length);
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i] as number;
      values[i] = Number.isNaN(n) ? null : n;
    }
    return values;
  }
  const { indices, dictionary: data } = readStringColumn(directory, base);
  const dictionary = decodeDictionary(data);
  const values = new Array<string | null>(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const code = indices[i] as number;
    values[i] = code < 0 ? null : (dictionary[code] as string);
  }
  return values;
}
