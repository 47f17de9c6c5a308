import { closeSync, openSync, writeSync } from 'node:fs';
import {
  AsyncByteQueue,
  type Data,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
  Vector,
} from 'apache-arrow';
import type { StoredColumnType } from './column-store.js';

/**
 * Rows per record batch. A build holds one batch per column, not the column: at 128k rows a number column is 1 MB
 * and a string column its batch's strings, whatever the table's size. A column of up to this many rows is one
 * batch, which readers view without copying; a longer one is read back into one array (one copy).
 */
export const DEFAULT_BATCH_ROWS = 131_072;

/**
 * How a string column is stored. `dictionary`: Int32 codes into a Utf8 dictionary that grows by delta batches
 * (category levels, which repeat millions of times). `plain`: Utf8 values (ids and emails, nearly one distinct value
 * per row: a dictionary there is a multi-million-entry JavaScript map and a second copy of every string).
 * `auto`: decided on the first batch — plain when more than half its rows are distinct values.
 */
export type StringEncoding = 'dictionary' | 'plain' | 'auto';

/** Distinct values of a first batch above which `auto` stores a column plain (small columns stay coded). */
const AUTO_PLAIN_MIN_DISTINCT = 1_024;

/** The writer's byte sink: every chunk straight to the file, so nothing of a written batch stays in memory. */
class FileSink extends AsyncByteQueue {
  private open = true;

  constructor(private readonly fd: number) {
    super();
  }

  override write(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.byteLength) at += writeSync(this.fd, chunk, at, chunk.byteLength - at);
  }

  override close(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
  }
}

/**
 * One cleaned column streamed to `<path>` as an Arrow IPC file of record batches of `batchRows` rows while rows
 * come in from SQLite. Numbers are Float64 with NaN for NULL (cleaning never yields a non-finite number); a NULL
 * string is a null slot (validity bitmap), whose dictionary code we also write as -1 so readers test `code < 0`.
 */
export class ColumnWriter {
  private readonly writer = new RecordBatchFileWriter();
  private readonly name: string;
  private readonly sink: FileSink;
  private schema: Schema | undefined;
  private numbers: Float64Array;
  private strings: (string | null)[] = [];
  private readonly levels = new Map<string, number>();
  private levelsWritten = 0;
  private readonly dictionaryChunks: Data<Utf8>[] = [];
  private encoding: StringEncoding;
  /** One type object for every batch, so the writer sees one schema (a new one would end the file). */
  private readonly dictionaryType = new Dictionary(new Utf8(), new Int32(), 0, false);
  private pending = 0;
  private total = 0;

  constructor(
    path: string,
    readonly type: StoredColumnType,
    encoding: StringEncoding = 'auto',
    private readonly batchRows: number = DEFAULT_BATCH_ROWS,
  ) {
    if (!(batchRows >= 1)) throw new Error(`batchRows must be at least 1 (got ${batchRows})`);
    this.encoding = type === 'number' ? 'plain' : encoding;
    this.numbers = new Float64Array(type === 'number' ? Math.min(batchRows, 1024) : 0);
    this.name = base(path);
    this.sink = new FileSink(openSync(path, 'w'));
    this.writer.reset(this.sink);
  }

  get rows(): number {
    return this.total + this.pending;
  }

  push(value: string | number | null): void {
    if (this.type === 'number') {
      if (this.pending === this.numbers.length) {
        const grown = new Float64Array(Math.min(this.batchRows, this.numbers.length * 2));
        grown.set(this.numbers);
        this.numbers = grown;
      }
      this.numbers[this.pending] = value === null ? Number.NaN : (value as number);
    } else {
      this.strings.push(value as string | null);
    }
    if (++this.pending === this.batchRows) this.flush();
  }

  /** Writes what is left and the file's footer; the column is complete on disk after this. */
  finish(): void {
    if (this.pending > 0 || this.total === 0) this.flush();
    this.writer.finish();
  }

  /** Closes the file without completing it (the build failed; its scratch folder is removed). */
  abandon(): void {
    this.sink.close();
  }

  private flush(): void {
    const data = this.type === 'number' ? this.numberBatch() : this.stringBatch();
    this.schema ??= new Schema([new Field(this.name, data.type, true)]);
    const field = this.schema.fields[0] as Field;
    const struct = makeData({ type: new Struct([field]), length: data.length, nullCount: 0, children: [data] });
    this.writer.write(new RecordBatch(this.schema, struct));
    this.total += this.pending;
    this.pending = 0;
  }

  private numberBatch(): Data<Float64> {
    // A view is enough: the file sink writes the batch's bytes out before write() returns.
    const data = this.numbers.subarray(0, this.pending);
    return makeData({ type: new Float64(), length: data.length, nullCount: 0, data });
  }

  private stringBatch(): Data<Utf8> | Data<Dictionary<Utf8, Int32>> {
    const strings = this.strings;
    this.strings = [];
    if (this.encoding === 'auto') {
      this.encoding =
        new Set(strings).size * 2 > strings.length && strings.length >= AUTO_PLAIN_MIN_DISTINCT
          ? 'plain'
          : 'dictionary';
    }
    if (this.encoding === 'plain') return utf8Data(strings);
    const codes = new Int32Array(strings.length);
    for (let r = 0; r < strings.length; r++) {
      const text = strings[r];
      if (text === null || text === undefined) {
        codes[r] = -1;
        continue;
      }
      let code = this.levels.get(text);
      if (code === undefined) {
        code = this.levels.size;
        this.levels.set(text, code);
      }
      codes[r] = code;
    }
    if (this.levels.size > this.levelsWritten || this.dictionaryChunks.length === 0) {
      // Only the levels new in this batch: the writer appends them to the file as a delta dictionary batch.
      const added = [...this.levels.keys()].slice(this.levelsWritten);
      this.dictionaryChunks.push(utf8Data(added));
      this.levelsWritten = this.levels.size;
    }
    const { bitmap, nullCount } = validity(strings);
    return makeData({
      type: this.dictionaryType,
      length: strings.length,
      nullCount,
      nullBitmap: bitmap,
      data: codes,
      dictionary: new Vector(this.dictionaryChunks.slice()),
    });
  }
}

/**
 * Runs `fill`, then completes every writer's file; when `fill` throws, closes them unfinished instead (the failed
 * build's scratch folder is removed, and its files must not stay open in a long-running server).
 */
export function writeColumns(writers: readonly ColumnWriter[], fill: () => void): void {
  try {
    fill();
  } catch (error) {
    for (const writer of writers) writer.abandon();
    throw error;
  }
  for (const writer of writers) writer.finish();
}

function base(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.arrow') ? name.slice(0, -'.arrow'.length) : name;
}

function validity(strings: readonly (string | null)[]): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((strings.length + 7) >> 3);
  let nullCount = 0;
  for (let r = 0; r < strings.length; r++) {
    if (strings[r] === null || strings[r] === undefined) nullCount++;
    else bitmap[r >> 3] = (bitmap[r >> 3] as number) | (1 << (r & 7));
  }
  return { bitmap, nullCount };
}

/**
 * Utf8 data of `strings` (NULL: an empty null slot). All ASCII — ids, emails, most labels — is one native encode of
 * the joined text with offsets from the string lengths; otherwise one encode per string.
 */
export function utf8Data(strings: readonly (string | null)[]): Data<Utf8> {
  const n = strings.length;
  const offsets = new Int32Array(n + 1);
  let chars = 0;
  for (let r = 0; r < n; r++) {
    chars += strings[r]?.length ?? 0;
    offsets[r + 1] = chars;
  }
  let bytes: Uint8Array = Buffer.from(joinedText(strings), 'utf8');
  if (bytes.length !== chars) {
    const pieces = strings.map((s) => Buffer.from(s ?? '', 'utf8'));
    let at = 0;
    for (let r = 0; r < n; r++) {
      at += (pieces[r] as Buffer).length;
      offsets[r + 1] = at;
    }
    bytes = Buffer.concat(pieces);
  }
  const { bitmap, nullCount } = validity(strings);
  return makeData({ type: new Utf8(), length: n, nullCount, nullBitmap: bitmap, valueOffsets: offsets, data: bytes });
}

/** Strings per join in joinedText. */
const JOIN_CHUNK = 1_024;

/**
 * `strings.join('')` (NULL as ''), joined 1,024 at a time and then the pieces: one join of a 128k-string batch cost
 * ~0.27 µs per string, in chunks ~0.12 (emails of the 1M demo's customer table, 7 Dec), and a build writes tens of
 * millions of strings. The same text, so the same bytes.
 */
export function joinedText(strings: readonly (string | null)[]): string {
  if (strings.length <= JOIN_CHUNK) return strings.join('');
  const pieces: string[] = [];
  for (let from = 0; from < strings.length; from += JOIN_CHUNK)
    pieces.push(strings.slice(from, from + JOIN_CHUNK).join(''));
  return pieces.join('');
}
