import { RadarError } from '../errors.js';

/** DuckDB-specific failures of the DuckDB engine; a missing file is the shared WarehouseNotFoundError. */

const DOCTOR_HINT = 'Run `radar doctor --warehouse <path>` to see what the database holds.';

export class NotDuckdbError extends RadarError {
  readonly code = 'warehouse_not_duckdb';
  constructor(
    readonly path: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${path} is not a DuckDB database (${detail}). Point RADAR_WAREHOUSE or --warehouse at the database file DuckDB (or dbt-duckdb's \`path\` setting) writes.`,
      options,
    );
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
      `The DuckDB warehouse ${path} is open for writing by another process${holder ? `: ${holder}` : ''}. DuckDB lets no one read a file while it is being written (by a dbt run, or a DuckDB session). Wait for that process to finish (or close the session) and try again, or point RADAR_WAREHOUSE at a copy of the file.`,
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
    super(
      `DuckDB could not read the warehouse ${path}: ${detail}. Check that the user running Radar can read the file and that it was written by DuckDB 1.x; if it is damaged, rebuild it (dbt run) or copy it again.`,
      options,
    );
  }
}

export class DuckdbTimeoutError extends RadarError {
  readonly code = 'warehouse_timeout';
  constructor(
    readonly label: string,
    readonly timeoutMs: number,
    what: string,
  ) {
    super(
      `Reading ${what} from the DuckDB warehouse ${label} took longer than ${timeoutMs / 1000} s, so Radar stopped it. Check that the file is on a local, not overloaded disk, or allow more time with RADAR_WAREHOUSE_TIMEOUT_MS (now ${timeoutMs}).`,
    );
  }
}

/** Several schemas hold marts and `main` none: Radar will not guess which copy is current. */
export class DuckdbAmbiguousSchemaError extends RadarError {
  readonly code = 'warehouse_duckdb_schemas';
  constructor(
    readonly path: string,
    readonly schemas: readonly string[],
  ) {
    super(
      `The DuckDB warehouse ${path} has customer360__ tables in several schemas (${schemas.join(', ')}) and none in \`main\`, so Radar cannot tell which are the marts. Build the marts into \`main\` (dbt-duckdb's default) or drop the stale copies.`,
    );
  }
}

export class DuckdbMissingTableError extends RadarError {
  readonly code = 'warehouse_missing_table';
  constructor(
    readonly label: string,
    readonly table: string,
  ) {
    super(
      `The DuckDB warehouse ${label} has no table \`${table}\`. Build that dbt model (dbt run) or point RADAR_WAREHOUSE at the database that holds the marts. ${DOCTOR_HINT}`,
    );
  }
}

export class DuckdbMissingColumnError extends RadarError {
  readonly code = 'warehouse_missing_column';
  constructor(
    readonly label: string,
    readonly table: string,
    readonly columns: readonly string[],
  ) {
    super(
      `Table \`${table}\` of the DuckDB warehouse ${label} lacks column${columns.length > 1 ? 's' : ''} ${columns.map((c) => `\`${c}\``).join(', ')}. Add ${columns.length > 1 ? 'them' : 'it'} to the dbt model and run it again. ${DOCTOR_HINT}`,
    );
  }
}
