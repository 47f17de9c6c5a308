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
 * Rows memoised per open warehouse, for cleaned table reads and for raw query results each: 3.5M rows is every table
 * the largest command (/conversion-cohort: activity, funnel and value) reads at 1M customers, so repeating a command
 * skips reading. Materialising a million row objects costs 0.5–2 s even from the snapshot cache; the price is memory
 * (roughly 300 MB per million rows of ~20 numbers).
 */
export const READ_CACHE_MAX_ROWS = 3_500_000;
