/**
 * English: what is wrong with a warehouse and what to do, for errors raised in the data layer (which does not
 * know the reader's language). Part of en.ts; kept apart because the engines add messages here, not elsewhere.
 * `{columns}` is a list already joined; `{count}` is the raw number of columns for plurals.
 */
export const warehouseErrorsEn = {
  'warehouseError.notFound':
    'No warehouse file at {path}. Check RADAR_WAREHOUSE or --warehouse, or unset both to use the bundled demo data.',
  'warehouseError.notSqlite':
    '{path} is not a SQLite database ({detail}). Radar reads a SQLite export of the customer-360 marts, a Postgres URL (postgres://…) or a DuckDB database file; point RADAR_WAREHOUSE at one of those.',
  'warehouseError.corrupt':
    'The warehouse {path} is damaged ({detail}). Re-export or re-copy the file; a partial download or copy is the usual cause.',
  'warehouseError.locked':
    'The warehouse {path} is locked by another process that is writing to it (an export still running, or a tool holding a write transaction). Wait for that process to finish and try again, or point RADAR_WAREHOUSE at a finished copy.',
  'warehouseError.changing':
    'The warehouse {path} was replaced several times while Radar was opening it, so Radar could not tell which export to read. Wait until the export job has finished, then try again.',
  'warehouseError.missingTable':
    'The warehouse has no table `{table}`, which {neededFor} needs. Add it to the export (dbt model of that name). Run `radar doctor --warehouse <path>` to see what the file holds.',
  'warehouseError.missingColumns':
    'Table `{table}` lacks {count, plural, one {column} other {columns}} {columns}, which {neededFor} needs. Re-export the table with its full column list. Run `radar doctor --warehouse <path>` to see what the file holds.',
  'warehouseError.emptyTable':
    'Table `{table}` has no usable rows, so {neededFor} has nothing to compute on. Check that the export finished and that the table has rows with a customer key. Run `radar doctor --warehouse <path>` to see what the file holds.',
  'warehouseError.unsupportedSource':
    '{label} is not a warehouse Radar can read ({detail}). Radar reads a SQLite export file, a Postgres URL (postgres://user@host:5432/db, optionally ?schema=marts) or a DuckDB database file (.duckdb). Point RADAR_WAREHOUSE or --warehouse at one of those.',
  'warehouseError.unreachable':
    'Radar could not connect to the warehouse {label} ({detail}). Check that the server is running and that the host and port in RADAR_WAREHOUSE are right, then try again.',
  'warehouseError.authFailed':
    "The warehouse {label} refused Radar's login ({detail}). Check the user name and password in RADAR_WAREHOUSE (a password with special characters must be percent-encoded in the URL).",
  'warehouseError.databaseNotFound':
    'The warehouse server has no database "{database}" ({label}). Check the database name at the end of the URL in RADAR_WAREHOUSE.',
  'warehouseError.schemaNotFound':
    'The warehouse {label} has no schema "{schema}". Set ?schema=<the schema where dbt builds the customer-360 marts> in RADAR_WAREHOUSE (without it Radar reads "public").',
  'warehouseError.permissionDenied':
    'The warehouse {label} does not let Radar\'s user read the marts ({detail}). Radar needs CONNECT on the database, USAGE on the schema and SELECT on its tables, e.g. GRANT USAGE ON SCHEMA marts TO radar; GRANT SELECT ON ALL TABLES IN SCHEMA marts TO radar; (see "Warehouse sources" in the README).',
  'warehouseError.timeout':
    "The warehouse {label} did not answer within {timeoutMs} ms. Check the server's load and network, or allow more time with RADAR_WAREHOUSE_TIMEOUT_MS.",
  'warehouseError.queryFailed':
    'The warehouse {label} refused a read: {detail}. Run `radar doctor` to check the source.',
  'warehouseError.notDuckdb':
    "{path} is not a DuckDB database ({detail}). Point RADAR_WAREHOUSE or --warehouse at the database file DuckDB (or dbt-duckdb's `path` setting) writes.",
  'warehouseError.duckdbLocked':
    'The DuckDB warehouse {path} is open for writing by another process{holderKnown, select, yes {: {holder}} other {}}. DuckDB lets no one read a file while it is being written (by a dbt run, or a DuckDB session). Wait for that process to finish (or close the session) and try again, or point RADAR_WAREHOUSE at a copy of the file.',
  'warehouseError.duckdbUnreadable':
    'DuckDB could not read the warehouse {path}: {detail}. Check that the user running Radar can read the file and that it was written by DuckDB 1.x; if it is damaged, rebuild it (dbt run) or copy it again.',
  'warehouseError.duckdbTimeout':
    'Reading {read, select, table {table {table}} rowCounts {the row counts} schemas {the list of schemas} tables {the list of tables} functions {the list of functions} other {the session settings}} from the DuckDB warehouse {label} took longer than {seconds} s, so Radar stopped it. Check that the file is on a local, not overloaded disk, or allow more time with RADAR_WAREHOUSE_TIMEOUT_MS (now {timeoutMs}).',
  'warehouseError.duckdbSchemas':
    "The DuckDB warehouse {path} has customer360__ tables in several schemas ({schemas}) and none in `main`, so Radar cannot tell which are the marts. Build the marts into `main` (dbt-duckdb's default) or drop the stale copies.",
  'warehouseError.duckdbMissingTable':
    'The DuckDB warehouse {label} has no table `{table}`. Build that dbt model (dbt run) or point RADAR_WAREHOUSE at the database that holds the marts. Run `radar doctor --warehouse <path>` to see what the database holds.',
  'warehouseError.duckdbMissingColumns':
    'Table `{table}` of the DuckDB warehouse {label} lacks {count, plural, one {column} other {columns}} {columns}. Add {count, plural, one {it} other {them}} to the dbt model and run it again. Run `radar doctor --warehouse <path>` to see what the database holds.',
} as const satisfies Record<string, string>;
