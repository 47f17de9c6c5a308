import { RadarError } from '../errors.js';

/**
 * Failures of a warehouse Radar reads in place (Postgres, DuckDB): each says what is wrong with the source and what
 * to change. `label` never carries a password.
 */
const ACCEPTED =
  'Radar reads a SQLite export file, a Postgres URL (postgres://user@host:5432/db, optionally ?schema=marts) or a DuckDB database file (.duckdb).';

/** RADAR_WAREHOUSE names something that is none of the sources Radar reads. */
export class UnsupportedSourceError extends RadarError {
  readonly code = 'warehouse_unsupported_source';
  override readonly exitCode = 2;
  constructor(
    readonly label: string,
    detail: string,
  ) {
    super(
      `${label} is not a warehouse Radar can read (${detail}). ${ACCEPTED} Point RADAR_WAREHOUSE or --warehouse at one of those.`,
    );
  }
}

export class WarehouseUnreachableError extends RadarError {
  readonly code = 'warehouse_unreachable';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Radar could not connect to the warehouse ${label} (${detail}). Check that the server is running and that the host and port in RADAR_WAREHOUSE are right, then try again.`,
      options,
    );
  }
}

export class WarehouseAuthError extends RadarError {
  readonly code = 'warehouse_auth_failed';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse ${label} refused Radar's login (${detail}). Check the user name and password in RADAR_WAREHOUSE (a password with special characters must be percent-encoded in the URL).`,
      options,
    );
  }
}

export class WarehouseDatabaseNotFoundError extends RadarError {
  readonly code = 'warehouse_database_not_found';
  constructor(
    readonly label: string,
    readonly database: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse server has no database "${database}" (${label}). Check the database name at the end of the URL in RADAR_WAREHOUSE.`,
      options,
    );
  }
}

export class WarehouseSchemaNotFoundError extends RadarError {
  readonly code = 'warehouse_schema_not_found';
  constructor(
    readonly label: string,
    readonly schema: string,
  ) {
    super(
      `The warehouse ${label} has no schema "${schema}". Set ?schema=<the schema where dbt builds the customer-360 marts> in RADAR_WAREHOUSE (without it Radar reads "public").`,
    );
  }
}

/** The role may connect but not read: USAGE on the schema or SELECT on a table is missing. */
export class WarehousePermissionError extends RadarError {
  readonly code = 'warehouse_permission_denied';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse ${label} does not let Radar's user read the marts (${detail}). Radar needs CONNECT on the database, USAGE on the schema and SELECT on its tables, e.g. GRANT USAGE ON SCHEMA marts TO radar; GRANT SELECT ON ALL TABLES IN SCHEMA marts TO radar; (see "Warehouse sources" in the README).`,
      options,
    );
  }
}

export class WarehouseTimeoutError extends RadarError {
  readonly code = 'warehouse_timeout';
  constructor(
    readonly label: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `The warehouse ${label} did not answer within ${timeoutMs} ms. Check the server's load and network, or allow more time with RADAR_WAREHOUSE_TIMEOUT_MS.`,
      options,
    );
  }
}

/** Any other refusal by the engine, with its own words. */
export class WarehouseQueryError extends RadarError {
  readonly code = 'warehouse_query_failed';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The warehouse ${label} refused a read: ${detail}. Run \`radar doctor\` to check the source.`, options);
  }
}
