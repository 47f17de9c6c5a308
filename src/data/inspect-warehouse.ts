import { formatDataDate } from './clean-values.js';
import { quoteIdentifier } from './inspect-schema.js';
import type { Warehouse, WarehouseSource } from './open-warehouse.js';
import { type KeyStats, snapshotKeyStats } from './read-table.js';
import { numericSql } from './sql-cleaning.js';
import {
  type ColumnKind,
  TABLE_IDS,
  type TableDefinition,
  type TableId,
  WAREHOUSE_TABLES,
} from './warehouse-schema.js';

export interface TableHealth {
  readonly id: TableId;
  readonly name: string;
  readonly present: boolean;
  readonly rows: number;
  readonly columnsPresent: number;
  readonly columnsExpected: number;
  readonly missingColumns: readonly string[];
  /** Numeric or flag columns the export declared as TEXT: read with a cast, bad values counted. */
  readonly castColumns: readonly string[];
  /**
   * Numeric or flag columns present in a non-empty table where not one value reads as a number (all text, or all
   * empty): judged from the values, since a declared type says nothing about what an export put in the column.
   */
  readonly numberlessColumns: readonly string[];
  readonly snapshot: KeyStats | null;
}

export interface WarehouseHealth {
  /** The export file, or for a database source its label (never the local replica's path). */
  readonly path: string;
  readonly source: WarehouseSource;
  readonly sizeBytes: number;
  readonly tables: readonly TableHealth[];
  readonly otherTables: readonly string[];
  readonly dataDate: string | null;
  /** The snapshot cache commands read, or null when it is not built (they read SQLite directly). */
  readonly snapshotCache: { readonly builtAt: string; readonly buildMs: number } | null;
}

/** Everything `radar doctor` and App Home report about a warehouse, read without changing it. */
export function inspectWarehouse(warehouse: Warehouse): WarehouseHealth {
  const tables = TABLE_IDS.map((id): TableHealth => {
    const definition: TableDefinition = WAREHOUSE_TABLES[id];
    const info = warehouse.schema.tables.get(id);
    const expected = Object.keys(definition.columns);
    if (!info) {
      return {
        id,
        name: definition.name,
        present: false,
        rows: 0,
        columnsPresent: 0,
        columnsExpected: expected.length,
        missingColumns: expected,
        castColumns: [],
        numberlessColumns: [],
        snapshot: null,
      };
    }
    const castColumns = expected.filter((c) => {
      const kind = definition.columns[c] as ColumnKind;
      const declared = info.columns.get(c)?.declaredType;
      return (
        (kind === 'number' || kind === 'flag') && declared !== undefined && !/INT|REAL|FLOA|DOUB|NUM|DEC/.test(declared)
      );
    });
    const rows = warehouse.rowCount(id);
    const numeric = expected.filter((c) => {
      const kind = definition.columns[c] as ColumnKind;
      return (kind === 'number' || kind === 'flag') && info.columns.has(c);
    });
    const numberlessColumns = rows === 0 ? [] : numeric.filter((c) => !hasNumber(warehouse, info.name, c));
    const canReduce =
      definition.snapshot !== undefined &&
      info.columns.has(definition.snapshot.key) &&
      info.columns.has(definition.snapshot.timestamp);
    return {
      id,
      name: info.name,
      present: true,
      rows,
      columnsPresent: expected.length - info.missingColumns.length,
      columnsExpected: expected.length,
      missingColumns: info.missingColumns,
      castColumns,
      numberlessColumns,
      snapshot: canReduce ? snapshotKeyStats(warehouse, id) : null,
    };
  });
  const dates = tables.map((t) => t.snapshot?.dataDateMs ?? null).filter((d): d is number => d !== null);
  return {
    path: warehouse.source.label,
    source: warehouse.source,
    sizeBytes: warehouse.identity.size,
    tables,
    otherTables: warehouse.schema.otherTables,
    dataDate: formatDataDate(dates.length > 0 ? Math.max(...dates) : null),
    snapshotCache: warehouse.snapshotCache
      ? { builtAt: warehouse.snapshotCache.manifest.builtAt, buildMs: warehouse.snapshotCache.manifest.buildMs }
      : null,
  };
}

/** Whether any row of the column holds a number (stops at the first one, so a healthy column costs nothing). */
function hasNumber(warehouse: Warehouse, table: string, column: string): boolean {
  const row = warehouse.firstRow<{ found: number }>(
    `SELECT EXISTS (SELECT 1 FROM ${quoteIdentifier(table)} WHERE ${numericSql(column)} IS NOT NULL) AS found`,
  );
  return row?.found === 1;
}
