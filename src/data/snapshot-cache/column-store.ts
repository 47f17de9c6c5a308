import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One cleaned column on disk. Numbers (numbers, flags, epoch-ms timestamps) are a Float64Array with NaN for NULL —
 * safe because cleaning never yields a non-finite number. Strings (text, ids, emails) are dictionary codes plus the
 * dictionary: category levels repeat millions of times, and every row then shares one JS string per level.
 */
export type StoredColumnType = 'number' | 'string';

export type ColumnValues = (number | null)[] | (string | null)[];

/** Grows a column while rows stream in from SQLite. */
export class ColumnBuilder {
  private numbers: Float64Array;
  private codes: Uint32Array;
  private readonly dictionary = new Map<string, number>();
  private length = 0;

  constructor(readonly type: StoredColumnType) {
    this.numbers = new Float64Array(type === 'number' ? 1024 : 0);
    this.codes = new Uint32Array(type === 'string' ? 1024 : 0);
  }

  push(value: string | number | null): void {
    if (this.type === 'number') {
      if (this.length === this.numbers.length) this.numbers = grow(this.numbers, new Float64Array(this.length * 2));
      this.numbers[this.length++] = value === null ? Number.NaN : (value as number);
      return;
    }
    if (this.length === this.codes.length) this.codes = grow(this.codes, new Uint32Array(this.length * 2));
    let code = 0;
    if (value !== null) {
      const text = value as string;
      code = this.dictionary.get(text) ?? 0;
      if (code === 0) {
        code = this.dictionary.size + 1;
        this.dictionary.set(text, code);
      }
    }
    this.codes[this.length++] = code;
  }

  /** Writes `<base>.f64`, or `<base>.codes` and `<base>.dict.json`. */
  write(directory: string, base: string): void {
    if (this.type === 'number') {
      writeFileSync(join(directory, `${base}.f64`), this.numbers.subarray(0, this.length));
      return;
    }
    writeFileSync(join(directory, `${base}.codes`), this.codes.subarray(0, this.length));
    writeFileSync(join(directory, `${base}.dict.json`), JSON.stringify([...this.dictionary.keys()]));
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export function readNumberColumn(directory: string, base: string): Float64Array {
  const bytes = readFileSync(join(directory, `${base}.f64`));
  // Copy into an aligned buffer: Node may hand back a pooled Buffer whose offset is not a multiple of 8.
  const values = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(values.buffer).set(bytes);
  return values;
}

export function readCodes(directory: string, base: string): Uint32Array {
  const bytes = readFileSync(join(directory, `${base}.codes`));
  const codes = new Uint32Array(bytes.byteLength / 4);
  new Uint8Array(codes.buffer).set(bytes);
  return codes;
}

export function readDictionary(directory: string, base: string): string[] {
  return JSON.parse(readFileSync(join(directory, `${base}.dict.json`), 'utf8')) as string[];
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
  const codes = readCodes(directory, base);
  const dictionary = readDictionary(directory, base);
  const values = new Array<string | null>(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    values[i] = code === 0 ? null : (dictionary[code - 1] as string);
  }
  return values;
}
