/**
 * A least-recently-used memo bounded by the rows it holds, not by entries: a million-customer table read is one
 * entry but hundreds of MB, so the bound is what keeps memoisation from exhausting the heap at scale. An entry
 * larger than the whole budget is never kept.
 */
export class RowBudgetCache<V> {
  readonly #entries = new Map<string, { value: V; rows: number }>();
  #rows = 0;

  constructor(readonly maxRows: number) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Re-insert: Map iteration order is insertion order, so the first key is the least recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  clear(): void {
    this.#entries.clear();
    this.#rows = 0;
  }

  set(key: string, value: V, rows: number): void {
    const existing = this.#entries.get(key);
    if (existing) {
      this.#entries.delete(key);
      this.#rows -= existing.rows;
    }
    if (rows > this.maxRows) return;
    for (const [oldest, entry] of this.#entries) {
      if (this.#rows + rows <= this.maxRows) break;
      this.#entries.delete(oldest);
      this.#rows -= entry.rows;
    }
    this.#entries.set(key, { value, rows });
    this.#rows += rows;
  }
}

/**
 * Rows memoised per open warehouse, for cleaned table reads and for raw query results each. The big readers (value
 * customers, zone and cohort inputs, investment rows, geography) keep their own smaller derived structures per
 * warehouse and pass `keepRows: false`, so this holds the rest: about 1.2M rows, a few hundred MB at most.
 */
export const READ_CACHE_MAX_ROWS = 1_200_000;
