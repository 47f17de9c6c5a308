import { RadarError } from '../errors.js';

export class WarehouseNotFoundError extends RadarError {
  readonly code = 'warehouse_not_found';
  constructor(readonly path: string) {
    super({ key: 'warehouseError.notFound', values: { path } });
  }
}

export class NotSqliteError extends RadarError {
  readonly code = 'warehouse_not_sqlite';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super({ key: 'warehouseError.notSqlite', values: { path, detail } });
  }
}

export class CorruptWarehouseError extends RadarError {
  readonly code = 'warehouse_corrupt';
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.corrupt', values: { path, detail } }, options);
  }
}

/** Another process (an export still being written, a tool with a write transaction open) holds the file's lock. */
export class WarehouseLockedError extends RadarError {
  readonly code = 'warehouse_locked';
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.locked', values: { path } }, options);
  }
}

/** The export was renamed into place again and again while Radar opened it (an export job still swapping files). */
export class WarehouseChangingError extends RadarError {
  readonly code = 'warehouse_changing';
  constructor(readonly path: string) {
    super({ key: 'warehouseError.changing', values: { path } });
  }
}

export class MissingTableError extends RadarError {
  readonly code = 'warehouse_missing_table';
  constructor(
    readonly table: string,
    readonly neededFor: string,
  ) {
    super({ key: 'warehouseError.missingTable', values: { table, neededFor } });
  }
}

export class MissingColumnError extends RadarError {
  readonly code = 'warehouse_missing_column';
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    readonly neededFor: string,
  ) {
    super({
      key: 'warehouseError.missingColumns',
      values: { table, neededFor, columns: codeList(columns), count: columns.length },
    });
  }
}

export class EmptyTableError extends RadarError {
  readonly code = 'warehouse_empty_table';
  constructor(
    readonly table: string,
    readonly neededFor: string,
  ) {
    super({ key: 'warehouseError.emptyTable', values: { table, neededFor } });
  }
}

/** `a`, `b`: column names as the messages show them (code, so a reader copies them exactly). */
export function codeList(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}
