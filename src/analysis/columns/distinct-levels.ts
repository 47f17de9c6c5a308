import type { CodedColumn } from './coded-column.js';

/**
 * A coded column's distinct values, numbered in the order their first row meets them, and each row's number: the
 * grouping the row path does with a Map keyed by the value string, done once per dictionary entry instead of once
 * per row. Dictionaries may repeat a value (an Arrow dictionary grown by delta batches), so codes are merged by value.
 */
export interface DistinctLevels {
  /** Per row, its level (index into `levels`), -1 for NULL. */
  readonly of: Int32Array;
  /** Level values in first-seen row order: the insertion order of the row path's Map. */
  readonly levels: readonly string[];
}

/** Levels of the rows listed in `rows` (in that order); other rows get -1. */
export function distinctLevels(column: CodedColumn, rows: ArrayLike<number>): DistinctLevels {
  const byValue = new Map<string, number>();
  const levelOfCode = new Int32Array(column.dictionary.length).fill(-1);
  const levels: string[] = [];
  const of = new Int32Array(column.indices.length).fill(-1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const code = column.indices[r] as number;
    if (code < 0) continue;
    let level = levelOfCode[code] as number;
    if (level < 0) {
      const value = column.dictionary[code] as string;
      level = byValue.get(value) ?? -1;
      if (level < 0) {
        level = levels.length;
        levels.push(value);
        byValue.set(value, level);
      }
      levelOfCode[code] = level;
    }
    of[r] = level;
  }
  return { of, levels };
}
