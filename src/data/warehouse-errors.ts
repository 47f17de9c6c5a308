import { RadarError } from '../errors.js';

const DOCTOR_HINT = 'Run `radar doctor --warehouse <path>` to see what the file holds.';

export class WarehouseNotFoundError extends RadarError {
  readonly code = 'warehouse_not_found';
  constructor(readonly path: string) {
    super(
      `No warehouse file at ${path}. Check RADAR_WAREHOUSE or --warehouse, or unset both to use the bundled demo data.`,
    );
  }
}

export class NotSqliteError extends RadarError {
  readonly code = 'warehouse_not_sqlite';
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(
      `${path} is not a SQLite database (${detail}). Radar reads a SQLite export of the customer-360 marts, a Postgres URL (postgres://…) or a DuckDB database file; point RADAR_WAREHOUSE at one of those.`,
    );
  }
}

export class CorruptWarehouseError extends RadarError {
  readonly code = 'warehouse_corrupt';
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse ${path} is damaged (${detail}). Re-export or re-copy the file; a partial download or copy is the usual cause.`,
      options,
    );
  }
}

/** Another process (an export still being written, a tool with a write transaction open) holds the file's lock. */
export class WarehouseLockedError extends RadarError {
  readonly code = 'warehouse_locked';
  constructor(
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse ${path} is locked by another process that is writing to it (an export still running, or a tool holding a write transaction). Wait for that process to finish and try again, or point RADAR_WAREHOUSE at a finished copy.`,
      options,
    );
  }
}

export class MissingTableError extends RadarError {
  readonly code = 'warehouse_missing_table';
  constructor(
    readonly table: string,
    readonly neededFor: string,
  ) {
    super(
      `The warehouse has no table \`${table}\`, which ${neededFor} needs. Add it to the export (dbt model of that name). ${DOCTOR_HINT}`,
    );
  }
}

export class MissingColumnError extends RadarError {
  readonly code = 'warehouse_missing_column';
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    readonly neededFor: string,
  ) {
    super(
      `Table \`${table}\` lacks column${columns.length > 1 ? 's' : ''} ${columns.map((c) => `\`${c}\``).join(', ')}, which ${neededFor} needs. Re-export the table with its full column list. ${DOCTOR_HINT}`,
    );
  }
}

export class EmptyTableError extends RadarError {
  readonly code = 'warehouse_empty_table';
  constructor(
    readonly table: string,
    readonly neededFor: string,
  ) {
    super(
      `Table \`${table}\` has no usable rows, so ${neededFor} has nothing to compute on. Check that the export finished and that the table has rows with a customer key. ${DOCTOR_HINT}`,
    );
  }
}
