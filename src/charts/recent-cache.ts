/**
 * The most recently used values by key, bounded by count and by total size. Per thread: each render worker keeps
 * its own, so nothing is shared or locked.
 */
export class RecentCache<V> {
  readonly #entries = new Map<string, { value: V; size: number }>();
  #totalSize = 0;

  constructor(
    private readonly limits: {
      readonly maxEntries: number;
      /** Sum of `sizeOf` over the entries kept; an entry bigger than this alone is not kept. */
      readonly maxTotalSize?: number;
      readonly sizeOf?: (value: V) => number;
    },
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as the most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.limits.sizeOf?.(value) ?? 1;
    this.delete(key);
    if (size > (this.limits.maxTotalSize ?? Number.POSITIVE_INFINITY)) return;
    this.#entries.set(key, { value, size });
    this.#totalSize += size;
    for (const [oldest, entry] of this.#entries) {
      if (
        this.#entries.size <= this.limits.maxEntries &&
        this.#totalSize <= (this.limits.maxTotalSize ?? Number.POSITIVE_INFINITY)
      )
        break;
      this.#entries.delete(oldest);
      this.#totalSize -= entry.size;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#totalSize -= entry.size;
  }

  clear(): void {
    this.#entries.clear();
    this.#totalSize = 0;
  }
}
