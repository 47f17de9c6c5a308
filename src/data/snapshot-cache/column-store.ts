import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, tableFromIPC, type Utf8 } from 'apache-arrow';
import type { CodedColumn } from '../../analysis/columns/coded-column.js';

/**
 * One cleaned column on disk: an Apache Arrow IPC file of one column in record batches (column-writer.ts writes
 * them while the build streams rows). Numbers (numbers, flags, epoch-ms timestamps) are Float64 with NaN for NULL,
 * so a reader takes the Float64Array straight out of the file bytes when the column is one batch. Strings are
 * either dictionary-encoded (Int32 codes into a Utf8 dictionary, grown by delta batches: category levels) or plain
 * Utf8 (ids and emails, about one distinct value per row). readStringColumn gives a plain column row-number codes;
 * SnapshotCache codes it by distinct value on first read, so every CodedColumn it hands out has distinct levels.
 */
export type StoredColumnType = 'number' | 'string';

/** A string column as the analyses' CodedColumn: `indices[r] < 0` is NULL. */
export type StringColumn = CodedColumn;

export type TypedColumn = Float64Array | StringColumn;

export type ColumnValues = (number | null)[] | (string | null)[];

/** The record batches of the one column of `<base>.arrow` (typed arrays view the file's bytes). */
function readColumnData(directory: string, base: string): readonly Data[] {
  const table = tableFromIPC(readFileSync(join(directory, `${base}.arrow`)));
  const vector = table.getChildAt(0);
  if (!vector) throw new Error(`${join(directory, base)}.arrow holds no column`);
  return vector.data;
}

export function readNumberColumn(directory: string, base: string): Float64Array {
  const batches = readColumnData(directory, base);
  for (const data of batches) {
    if (!(data.values instanceof Float64Array)) throw new Error(`${base} is not a Float64 column`);
  }
  if (batches.length === 1) return rowsOf(batches[0]?.values as Float64Array, batches[0] as Data);
  return joinedInFileBuffer(batches) ?? joinedCopy(batches);
}

/** The batches' rows copied into one new array, in order: the reference joinedInFileBuffer is tested against. */
export function joinedCopy(batches: readonly Data[]): Float64Array {
  return concatenate(batches, Float64Array, (data) => rowsOf(data.values as Float64Array, data));
}

/**
 * A number column's batches joined where the file's bytes already are: each batch's rows moved down (memmove) to
 * follow the previous batch's, over the message headers between them, and the column returned as one view of the
 * file buffer. No second array of the column (a million rows: 8 MB allocated, zeroed and copied per column), so a
 * first answer reads a column once. Only when every batch's values view one buffer, in file order, without
 * overlapping: undefined otherwise (the caller copies). The batches (and the Table they came from) must not be read
 * afterwards: their bytes are overwritten. A number column's file holds no dictionary batch that anything keeps.
 */
export function joinedInFileBuffer(batches: readonly Data[]): Float64Array | undefined {
  const first = batches[0]?.values;
  if (!(first instanceof Float64Array)) return undefined;
  const buffer = first.buffer;
  let nextFree = first.byteOffset;
  let rows = 0;
  for (const data of batches) {
    const values = data.values;
    if (!(values instanceof Float64Array) || values.buffer !== buffer || values.length < data.length) return undefined;
    if (values.byteOffset < nextFree) return undefined;
    nextFree = values.byteOffset + data.length * Float64Array.BYTES_PER_ELEMENT;
    rows += data.length;
  }
  const bytes = new Uint8Array(buffer);
  let at = first.byteOffset;
  for (const data of batches) {
    const values = data.values as Float64Array;
    const length = data.length * Float64Array.BYTES_PER_ELEMENT;
    bytes.copyWithin(at, values.byteOffset, values.byteOffset + length);
    at += length;
  }
  return new Float64Array(buffer, first.byteOffset, rows);
}

/**
 * Codes and the undecoded strings they index (decodeDictionary makes those; callers keep them across reads). A
 * plain Utf8 column's codes are its row numbers, and its "dictionary" is its values.
 */
export function readStringColumn(
  directory: string,
  base: string,
): { indices: Int32Array; dictionary: readonly Data<Utf8>[]; plain: boolean } {
  const batches = readColumnData(directory, base);
  const first = batches[0];
  if (first?.dictionary) {
    if (batches.some((data) => !(data.values instanceof Int32Array))) throw new Error(`${base} is not a string column`);
    const indices = concatenate(batches, Int32Array, (data) => rowsOf(data.values as Int32Array, data));
    return { indices, dictionary: first.dictionary.data as Data<Utf8>[], plain: false };
  }
  if (batches.some((data) => !(data.valueOffsets instanceof Int32Array) || data.dictionary)) {
    throw new Error(`${base} is not a string column`);
  }
  const indices = new Int32Array(batches.reduce((n, data) => n + data.length, 0));
  let r = 0;
  for (const data of batches) {
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0; i < data.length; i++, r++) {
      const at = data.offset + i;
      indices[r] = bitmap && ((bitmap[at >> 3] as number) & (1 << (at & 7))) === 0 ? -1 : r;
    }
  }
  return { indices, dictionary: batches as Data<Utf8>[], plain: true };
}

/** One batch: a view of it; several: one array holding them in order. */
function concatenate<T extends Float64Array | Int32Array>(
  batches: readonly Data[],
  Type: { new (length: number): T },
  rows: (data: Data) => T,
): T {
  if (batches.length === 1) return rows(batches[0] as Data);
  const out = new Type(batches.reduce((n, data) => n + data.length, 0));
  let at = 0;
  for (const data of batches) {
    out.set(rows(data), at);
    at += data.length;
  }
  return out;
}

/** The column's own rows: a buffer read from IPC may be longer than the column (padding to 8 or 64 bytes). */
function rowsOf<T extends Float64Array | Int32Array>(values: T, data: Data): T {
  return values.length === data.length ? values : (values.subarray(0, data.length) as T);
}

const utf8 = new TextDecoder();

/**
 * The strings of Utf8 chunks in order, each chunk decoded in one TextDecoder call when it is all ASCII (emails,
 * ids, most labels) and then sliced by the Arrow offsets; one call per string is ~5x slower at a million emails.
 */
export function decodeDictionary(chunks: readonly Data<Utf8>[]): string[] {
  const out = new Array<string>(chunks.reduce((n, data) => n + data.length, 0));
  let r = 0;
  for (const chunk of chunks) {
    const offsets = chunk.valueOffsets;
    const first = offsets[chunk.offset] as number;
    const bytes = chunk.values.subarray(first, offsets[chunk.offset + chunk.length] as number);
    const all = utf8.decode(bytes);
    const ascii = all.length === bytes.length;
    for (let i = chunk.offset; i < chunk.offset + chunk.length; i++, r++) {
      const from = (offsets[i] as number) - first;
      const to = (offsets[i + 1] as number) - first;
      out[r] = ascii ? all.slice(from, to) : utf8.decode(bytes.subarray(from, to));
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
