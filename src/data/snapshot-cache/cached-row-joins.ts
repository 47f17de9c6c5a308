import { join } from 'node:path';
import type { TableId } from '../warehouse-schema.js';
import { readStringColumn } from './column-store.js';
import type { SnapshotManifest } from './snapshot-manifest.js';
import { joinUtf8ByValue, type Utf8Rows } from './utf8-key-coder.js';

/** A column of one rank of a cached table. */
export interface CachedColumnRef {
  readonly tableId: TableId;
  readonly rank: 1 | 2;
  readonly column: string;
}

/** Joins kept per cache: the value table's previous rows and the activity rows of the value customers. */
const KEPT_JOINS = 4;

/**
 * Row joins of two plain string columns (emails, ids) of one snapshot cache, done on their stored bytes and kept per
 * pair, the oldest let go first: a few Int32Arrays of one entry per row.
 */
export class CachedRowJoins {
  readonly #joins = new Map<string, Int32Array>();

  constructor(
    private readonly directory: string,
    private readonly manifest: SnapshotManifest,
  ) {}

  /** Per row of `from`, the last row of `to` with the same value (-1: none or NULL); undefined when not both plain. */
  joined(from: CachedColumnRef, to: CachedColumnRef): Int32Array | undefined {
    const key = JSON.stringify([from, to]);
    let joined = this.#joins.get(key);
    if (!joined) {
      const fromRows = this.plainRows(from);
      const toRows = fromRows && this.plainRows(to);
      if (!fromRows || !toRows) return undefined;
      joined = joinUtf8ByValue(fromRows, toRows);
      if (this.#joins.size >= KEPT_JOINS) this.#joins.delete(this.#joins.keys().next().value as string);
      this.#joins.set(key, joined);
    }
    return joined;
  }

  /**
   * The last row of `to` holding `value` (-1: none), as joined() answers a row with that value, without the join:
   * one customer's previous row compared byte by byte instead of hashing every row of both columns. Undefined when
   * `to` is not a plain column.
   */
  lastRowOf(to: CachedColumnRef, value: string): number | undefined {
    const rows = this.plainRows(to);
    if (!rows) return undefined;
    const wanted = Buffer.from(value, 'utf8');
    let r = rows.rowCodes.length;
    let found = -1;
    for (let c = rows.chunks.length - 1; c >= 0 && found < 0; c--) {
      const chunk = rows.chunks[c] as (typeof rows.chunks)[number];
      const offsets = chunk.valueOffsets;
      const bytes = chunk.values;
      for (let i = chunk.offset + chunk.length - 1; i >= chunk.offset; i--) {
        r--;
        const start = offsets[i] as number;
        if ((offsets[i + 1] as number) - start !== wanted.length || (rows.rowCodes[r] as number) < 0) continue;
        if (wanted.equals(bytes.subarray(start, start + wanted.length))) {
          found = r;
          break;
        }
      }
    }
    return found;
  }

  clear(): void {
    this.#joins.clear();
  }

  private plainRows(ref: CachedColumnRef): Utf8Rows | undefined {
    const table = this.manifest.tables[ref.tableId];
    if (!table?.ranks[ref.rank] || table.columns[ref.column] !== 'string') return undefined;
    const { indices, dictionary, plain } = readStringColumn(
      join(this.directory, ref.tableId, `rank-${ref.rank}`),
      ref.column,
    );
    return plain ? { chunks: dictionary, rowCodes: indices } : undefined;
  }
}
