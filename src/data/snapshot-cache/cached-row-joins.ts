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
