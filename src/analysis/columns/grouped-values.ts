/**
 * Numbers collected per group, each group's in the order they were added: what a `Map<key, number[]>` filled with
 * one push per row holds, kept as two typed arrays and split by a stable counting sort at the end. Means summed over
 * a group's values in that order are the row path's bits; medians sort a group's values, as median() does.
 */
export class ValueGrouper {
  readonly #groups: Int32Array;
  readonly #values: Float64Array;
  #added = 0;

  /** `capacity`: the most values that will be added (e.g. the rows scanned). */
  constructor(capacity: number) {
    this.#groups = new Int32Array(capacity);
    this.#values = new Float64Array(capacity);
  }

  add(group: number, value: number): void {
    this.#groups[this.#added] = group;
    this.#values[this.#added] = value;
    this.#added++;
  }

  /** The values split by group, for groups 0 … groupCount − 1. */
  finish(groupCount: number): GroupedValues {
    const offsets = new Int32Array(groupCount + 1);
    for (let i = 0; i < this.#added; i++) {
      const at = (this.#groups[i] as number) + 1;
      offsets[at] = (offsets[at] as number) + 1;
    }
    for (let g = 0; g < groupCount; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
    const next = offsets.slice(0, groupCount);
    const values = new Float64Array(this.#added);
    for (let i = 0; i < this.#added; i++) {
      const g = this.#groups[i] as number;
      const at = next[g] as number;
      values[at] = this.#values[i] as number;
      next[g] = at + 1;
    }
    return new GroupedValues(offsets, values);
  }
}

export class GroupedValues {
  constructor(
    private readonly offsets: Int32Array,
    private readonly values: Float64Array,
  ) {}

  /** Group `g`'s values in the order added (a view: sorting it reorders only that group). */
  of(g: number): Float64Array {
    return this.values.subarray(this.offsets[g] as number, this.offsets[g + 1] as number);
  }
}
