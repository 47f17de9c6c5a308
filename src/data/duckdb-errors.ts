import { RadarError } from '../errors.js';
import { codeList } from './warehouse-errors.js';

/** DuckDB-specific failures of the DuckDB engine; a missing file is the shared WarehouseNotFoundError. */

export class NotDuckdbError extends RadarError {
  readonly code = 'warehouse_not_duckdb';
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.notDuckdb', values: { path, detail } }, options);
  }
}

/** DuckDB lets one process write a file or several read it, never both: a dbt run or an open session blocks readers. */
export class DuckdbLockedError extends RadarError {
  readonly code = 'warehouse_duckdb_locked';
  constructor(
    readonly path: string,
    holder: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      {
        key: 'warehouseError.duckdbLocked',
        values: { path, holder: holder ?? '', holderKnown: holder ? 'yes' : 'no' },
      },
      options,
    );
  }
}

/** The file is a DuckDB database but DuckDB failed to read it (damaged, unreadable, newer storage version…). */
export class DuckdbReadError extends RadarError {
  readonly code = 'warehouse_duckdb_unreadable';
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.duckdbUnreadable', values: { path, detail } }, options);
  }
}

/** What a DuckDB round trip was reading, named in the reader's language if it runs out of time. */
export type DuckdbRead =
  | { readonly read: 'functions' | 'schemas' | 'tables' | 'rowCounts' | 'session' }
  | { readonly read: 'table'; readonly table: string };

export class DuckdbTimeoutError extends RadarError {
  readonly code = 'warehouse_timeout';
  constructor(
    readonly label: string,
    readonly timeoutMs: number,
    what: DuckdbRead,
  ) {
    super({
      key: 'warehouseError.duckdbTimeout',
      values: {
        label,
        read: what.read,
        table: what.read === 'table' ? what.table : '',
        seconds: String(timeoutMs / 1000),
        timeoutMs: String(timeoutMs),
      },
    });
  }
}

/** Several schemas hold marts and `main` none: Radar will not guess which copy is current. */
export class DuckdbAmbiguousSchemaError extends RadarError {
  readonly code = 'warehouse_duckdb_schemas';
  constructor(
    readonly path: string,
    readonly schemas: readonly string[],
  ) {
    super({ key: 'warehouseError.duckdbSchemas', values: { path, schemas: schemas.join(', ') } });
  }
}

export class DuckdbMissingTableError extends RadarError {
  readonly code = 'warehouse_missing_table';
  constructor(
    readonly label: string,
    readonly table: string,
  ) {
    super({ key: 'warehouseError.duckdbMissingTable', values: { label, table } });
  }
}

export class DuckdbMissingColumnError extends RadarError {
  readonly code = 'warehouse_missing_column';
  constructor(
    readonly label: string,
    readonly table: string,
    readonly columns: readonly string[],
  ) {
    super({
      key: 'warehouseError.duckdbMissingColumns',
      values: { label, table, columns: codeList(columns), count: columns.length },
    });
  }
}
