import { codedValue } from '../../analysis/columns/coded-column.js';
import type { TypedColumn } from '../snapshot-cache/column-store.js';

/** One value of a read's typed columns by column name and row, for loaders that build inputs row by row. */
export interface ColumnReader {
  text(column: string, r: number): string | null;
  number(column: string, r: number): number | null;
}

/**
 * Values as the row path read them: a column the export lacks (not read) is null, a number column's NaN is null,
 * and a value of the other kind is null (what the row path's typeof checks and `?? null` gave).
 */
export function columnReader(columns: Readonly<Record<string, TypedColumn>>): ColumnReader {
  return {
    text(column, r) {
      const c = columns[column];
      return c === undefined || c instanceof Float64Array ? null : codedValue(c, r);
    },
    number(column, r) {
      const c = columns[column];
      if (!(c instanceof Float64Array)) return null;
      const v = c[r] as number;
      return Number.isNaN(v) ? null : v;
    },
  };
}
