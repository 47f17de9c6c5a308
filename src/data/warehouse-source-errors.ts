import { RadarError } from '../errors.js';

/**
 * Failures of a warehouse Radar reads in place (Postgres, DuckDB): each says what is wrong with the source and what
 * to change. `label` never carries a password.
 */

/** RADAR_WAREHOUSE names something that is none of the sources Radar reads. */
export class UnsupportedSourceError extends RadarError {
  readonly code = 'warehouse_unsupported_source';
  override readonly exitCode = 2;
  constructor(
    readonly label: string,
    detail: string,
  ) {
    super({ key: 'warehouseError.unsupportedSource', values: { label, detail } });
  }
}

export class WarehouseUnreachableError extends RadarError {
  readonly code = 'warehouse_unreachable';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.unreachable', values: { label, detail } }, options);
  }
}

export class WarehouseAuthError extends RadarError {
  readonly code = 'warehouse_auth_failed';
  constructor(
    readonly label: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.authFailed', values: { label, detail } }, options);
  }
}

export class WarehouseDatabaseNotFoundError extends RadarError {
  readonly code = 'warehouse_database_not_found';
  constructor(
    readonly label: string,
    readonly database: string,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.databaseNotFound', values: { label, database } }, options);
  }
}

export class WarehouseSchemaNotFoundError extends RadarError {
  readonly code = 'warehouse_schema_not_found';
  constructor(
    readonly label: string,
    readonly schema: string,
  ) {
    super({ key: 'warehouseError.schemaNotFound', values: { label, schema } });
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
    super({ key: 'warehouseError.permissionDenied', values: { label, detail } }, options);
  }
}

export class WarehouseTimeoutError extends RadarError {
  readonly code = 'warehouse_timeout';
  constructor(
    readonly label: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super({ key: 'warehouseError.timeout', values: { label, timeoutMs: String(timeoutMs) } }, options);
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
    super({ key: 'warehouseError.queryFailed', values: { label, detail } }, options);
  }
}
