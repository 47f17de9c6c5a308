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

const utf8 = new TextDecoder();

/**
 * The key spaces of one cache (key-spaces.ts), read as columns need them: a column's Int32 codes view the file's
 * bytes, and a space's values are decoded only when a caller reads its dictionary (once per cache, then kept) or one
 * value at a time. Every column of a space carries the same KeySpace object, which is what joins test.
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
  #dictionary: readonly string[] | undefined;
  readonly #path: string;

  constructor(
    path: string,
    readonly size: number,
  ) {
    this.#path = path;
  }

  get dictionary(): readonly string[] {
    this.#dictionary ??= decodeDictionary(this.chunks());
    return this.#dictionary;
  }

  value(code: number): string {
    if (this.#dictionary) return this.#dictionary[code] as string;
    const chunks = this.chunks();
    let c = chunks.length - 1;
    while ((this.#firstCodes[c] as number) > code) c--;
    const chunk = chunks[c] as Data<Utf8>;
    const i = chunk.offset + code - (this.#firstCodes[c] as number);
    return utf8.decode(chunk.values.subarray(chunk.valueOffsets[i] as number, chunk.valueOffsets[i + 1] as number));
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

/** A one-batch Int32 column file, as a view of its bytes. */
function readInt32Column(path: string): Int32Array {
  const batches = tableFromIPC(readFileSync(path)).getChildAt(0)?.data ?? [];
  const batch = batches.length === 1 ? batches[0] : undefined;
  if (!batch || !(batch.values instanceof Int32Array)) throw new Error(`${path} is not a one-batch Int32 column`);
  const values = batch.values;
  return values.length === batch.length ? values : values.subarray(0, batch.length);
}
