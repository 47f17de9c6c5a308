import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, tableFromIPC, type Utf8 } from 'apache-arrow';
import type { CodedColumn, KeySpace } from '../../analysis/columns/coded-column.js';
import type { TableId } from '../warehouse-schema.js';
import { decodeDictionary } from './column-store.js';
import {
  codesFile,
  KEY_SPACES_FOLDER,
  KEY_SPACES_INDEX,
  type KeySpacesIndex,
  keyColumnName,
  valuesFile,
} from './key-spaces.js';
import { utf8Before } from './utf8-string-order.js';
import { markValue, markValues } from './utf8-value-search.js';

/**
 * The key spaces of one cache (key-spaces.ts), read as columns need them: a column's Int32 codes view the file's
 * bytes, and a space's values are decoded only when read: all of them when a caller reads its dictionary, else the
 * record batches (128k values) holding the values read, each once per cache. Every column of a space carries the
 * same KeySpace object, which is what joins test.
 */
export class CachedKeySpaces {
  readonly #spaces = new Map<string, CachedKeySpace>();

  private constructor(
    private readonly folder: string,
    readonly index: KeySpacesIndex,
  ) {}

  /** Throws when the cache has no key spaces (an unfinished cache: the caller reads SQLite instead). */
  static open(cacheDirectory: string): CachedKeySpaces {
    const folder = join(cacheDirectory, KEY_SPACES_FOLDER);
    const index = JSON.parse(readFileSync(join(folder, KEY_SPACES_INDEX), 'utf8')) as KeySpacesIndex;
    return new CachedKeySpaces(folder, index);
  }

  /**
   * The latest rows' column as codes in its key space; undefined when it is not a plain column (labels are Arrow
   * dictionaries).
   */
  column(tableId: TableId, column: string): CodedColumn | undefined {
    const space = this.index.columns[keyColumnName(tableId, column)];
    if (space === undefined) return undefined;
    const indices = readInt32Column(join(this.folder, codesFile(tableId, column)));
    const keys = this.space(space);
    return {
      indices,
      keys,
      get dictionary() {
        return keys.dictionary;
      },
    };
  }

  private space(name: string): CachedKeySpace {
    let space = this.#spaces.get(name);
    if (!space) {
      const size = this.index.spaces[name]?.values;
      if (size === undefined) throw new Error(`key space ${name} is not in ${join(this.folder, KEY_SPACES_INDEX)}`);
      space = new CachedKeySpace(join(this.folder, valuesFile(name)), size);
      this.#spaces.set(name, space);
    }
    return space;
  }
}

class CachedKeySpace implements KeySpace {
  #chunks: readonly Data<Utf8>[] | undefined;
  /** Per chunk, the code of its first value. */
  #firstCodes: number[] = [];
  /** Per chunk, its values once one of them was read: a cohort's members touch a few per chunk, repeatedly. */
  #decodedChunks: (readonly string[] | undefined)[] = [];
  #dictionary: readonly string[] | undefined;
  readonly #path: string;

  constructor(
    path: string,
    readonly size: number,
  ) {
    this.#path = path;
  }

  get dictionary(): readonly string[] {
    if (!this.#dictionary) {
      const chunks = this.chunks();
      this.#dictionary = chunks.flatMap((chunk, c) => this.#decodedChunks[c] ?? decodeDictionary([chunk]));
      this.#decodedChunks = [];
    }
    return this.#dictionary;
  }

  /**
   * One value, decoding only its chunk of the values (once; the same string objects every call, so Maps and Sets
   * keyed by them reuse their hashes from one answer to the next).
   */
  value(code: number): string {
    if (this.#dictionary) return this.#dictionary[code] as string;
    const chunks = this.chunks();
    let c = chunks.length - 1;
    while ((this.#firstCodes[c] as number) > code) c--;
    let decoded = this.#decodedChunks[c];
    if (!decoded) {
      decoded = decodeDictionary([chunks[c] as Data<Utf8>]);
      this.#decodedChunks[c] = decoded;
    }
    return decoded[code - (this.#firstCodes[c] as number)] as string;
  }

  /**
   * `value(a) < value(b)` read off the values' UTF-8 bytes (utf8Before), decoding the two only where the bytes
   * cannot tell: choosing between mapped ids compares a few million pairs, and decoding every id for it cost ~1 s.
   */
  before(a: number, b: number): boolean {
    if (this.#dictionary) return (this.#dictionary[a] as string) < (this.#dictionary[b] as string);
    const chunks = this.chunks();
    const ca = this.chunkOf(a);
    const cb = this.chunkOf(b);
    const x = chunks[ca] as Data<Utf8>;
    const y = chunks[cb] as Data<Utf8>;
    const i = x.offset + a - (this.#firstCodes[ca] as number);
    const j = y.offset + b - (this.#firstCodes[cb] as number);
    const xo = x.valueOffsets;
    const yo = y.valueOffsets;
    const decided = utf8Before(
      x.values,
      xo[i] as number,
      xo[i + 1] as number,
      y.values,
      yo[j] as number,
      yo[j + 1] as number,
    );
    return decided ?? this.value(a) < this.value(b);
  }

  /** The chunk holding `code` (a binary search over the chunks' first codes). */
  private chunkOf(code: number): number {
    const firsts = this.#firstCodes;
    let lo = 0;
    let hi = firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((firsts[mid] as number) <= code) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Per code, the index in `values` of its value (-1: none of them), found on the stored UTF-8 bytes rather than by
   * decoding them: /customer looks up one email, or the few hundred a name search hinted. One value is searched for
   * with memmem (Buffer.indexOf); several are told apart by a cheap probe (length, first, middle and last byte)
   * before their bytes are compared.
   */
  codesOf(values: readonly string[]): Int32Array {
    const wanted = new Int32Array(this.size).fill(-1);
    const encoded: { bytes: Buffer; index: number }[] = [];
    const seen = new Set<string>();
    values.forEach((value, index) => {
      // The first of equal values, as a Map keyed by them would keep it.
      if (seen.has(value)) return;
      seen.add(value);
      encoded.push({ bytes: Buffer.from(value, 'utf8'), index });
    });
    const only = encoded.length === 1 ? (encoded[0] as { bytes: Buffer; index: number }) : undefined;
    let first = 0;
    for (const chunk of this.chunks()) {
      if (only && only.bytes.length > 0) markValue(chunk, first, only.bytes, only.index, wanted);
      else if (encoded.length > 0) markValues(chunk, first, encoded, wanted);
      first += chunk.length;
    }
    return wanted;
  }

  /** The values of a few codes, each decoded alone when its record batch is not decoded yet (no batch kept). */
  valuesOf(codes: ArrayLike<number>): string[] {
    const out = new Array<string>(codes.length);
    const chunks = this.chunks();
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k] as number;
      if (this.#dictionary) {
        out[k] = this.#dictionary[code] as string;
        continue;
      }
      let c = chunks.length - 1;
      while ((this.#firstCodes[c] as number) > code) c--;
      const local = code - (this.#firstCodes[c] as number);
      const decoded = this.#decodedChunks[c];
      if (decoded) {
        out[k] = decoded[local] as string;
        continue;
      }
      const chunk = chunks[c] as Data<Utf8>;
      const at = chunk.offset + local;
      out[k] = utf8Decoder.decode(
        chunk.values.subarray(chunk.valueOffsets[at] as number, chunk.valueOffsets[at + 1] as number),
      );
    }
    return out;
  }

  private chunks(): readonly Data<Utf8>[] {
    if (!this.#chunks) {
      const vector = tableFromIPC(readFileSync(this.#path)).getChildAt(0);
      if (!vector) throw new Error(`${this.#path} holds no column`);
      this.#chunks = vector.data as Data<Utf8>[];
      let first = 0;
      this.#firstCodes = this.#chunks.map((chunk) => {
        const at = first;
        first += chunk.length;
        return at;
      });
    }
    return this.#chunks;
  }
}

/**
 * Per code of `column`, the index in `values` of its value (-1: none): through the key space's bytes when the column
 * is coded in one (no value decoded), else through its dictionary.
 */
export function codesOfValues(column: CodedColumn, values: readonly string[]): Int32Array {
  if (column.keys instanceof CachedKeySpace) return column.keys.codesOf(values);
  const index = new Map<string, number>();
  values.forEach((value, i) => {
    if (!index.has(value)) index.set(value, i);
  });
  return Int32Array.from(column.dictionary, (value) => index.get(value) ?? -1);
}

/** The values of some codes of `column` (each >= 0), decoding only those when it is coded in a key space. */
export function valuesOfCodes(column: CodedColumn, codes: ArrayLike<number>): string[] {
  if (column.keys instanceof CachedKeySpace) return column.keys.valuesOf(codes);
  return Array.from(codes, (code) => column.dictionary[code] as string);
}

const utf8Decoder = new TextDecoder();

/** A one-batch Int32 column file, as a view of its bytes. */
function readInt32Column(path: string): Int32Array {
  const batches = tableFromIPC(readFileSync(path)).getChildAt(0)?.data ?? [];
  const batch = batches.length === 1 ? batches[0] : undefined;
  if (!batch || !(batch.values instanceof Int32Array)) throw new Error(`${path} is not a one-batch Int32 column`);
  const values = batch.values;
  return values.length === batch.length ? values : values.subarray(0, batch.length);
}
