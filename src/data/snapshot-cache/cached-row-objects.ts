import type { StoredColumnType, TypedColumn } from './column-store.js';

type RowFactory = (rowids: Float64Array, rank: number, columns: TypedColumn[]) => Record<string, unknown>[];

const rowFactories = new Map<string, RowFactory>();

/**
 * Builds rows straight from the stored columns with one object literal per column list, generated once. Assigning
 * properties by computed name, row by row, costs ~14x more at a million rows (every row walks the same shape
 * transitions one key at a time) and leaves rows the analyses then read polymorphically. NaN is NULL for numbers,
 * index -1 for strings (column-store.ts). Column names come from WAREHOUSE_TABLES and are quoted as JSON.
 */
export function rowFactory(columns: readonly string[], types: readonly StoredColumnType[]): RowFactory {
  const key = columns.map((c, i) => `${c}:${types[i]}`).join('\u0000');
  let factory = rowFactories.get(key);
  if (!factory) {
    const locals = columns
      .map((_, i) =>
        types[i] === 'number'
          ? `const n${i} = columns[${i}];`
          : `const c${i} = columns[${i}].indices, d${i} = columns[${i}].dictionary;`,
      )
      .join('\n');
    const fields = columns
      .map((c, i) =>
        types[i] === 'number'
          ? `${JSON.stringify(c)}: (x = n${i}[r]) !== x ? null : x`
          : `${JSON.stringify(c)}: (k = c${i}[r]) < 0 ? null : d${i}[k]`,
      )
      .join(', ');
    factory = new Function(
      'rowids',
      'rank',
      'columns',
      `${locals}
       const rows = new Array(rowids.length);
       let x = 0, k = 0;
       for (let r = 0; r < rowids.length; r++) rows[r] = { rowid: rowids[r], snapshotRank: rank, ${fields} };
       return rows;`,
    ) as RowFactory;
    rowFactories.set(key, factory);
  }
  return factory;
}

/** Two ranks' rows in one list by rowid, as readTable orders rows. */
export function mergeByRowid(parts: Record<string, unknown>[][]): Record<string, unknown>[] {
  const [a = [], b = []] = parts;
  const merged = new Array<Record<string, unknown>>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    merged[k++] = ((a[i] as { rowid: number }).rowid < (b[j] as { rowid: number }).rowid ? a[i++] : b[j++]) as Record<
      string,
      unknown
    >;
  }
  while (i < a.length) merged[k++] = a[i++] as Record<string, unknown>;
  while (j < b.length) merged[k++] = b[j++] as Record<string, unknown>;
  return merged;
}
