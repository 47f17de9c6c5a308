/**
 * A warehouse Radar reads in place but whose storage it does not own (Postgres, DuckDB). Radar copies the columns it
 * reads into a private local replica (see the replica builder) and answers from that, so every cleaning rule, the
 * snapshot de-duplication and the read reports are one code path for every engine. An engine therefore only has to
 * list tables, fingerprint what Radar reads cheaply, and stream rows — always read-only.
 */
export type EngineKind = 'postgres' | 'duckdb';

export interface EngineColumn {
  readonly name: string;
  /** The engine's own type name, lower case (`text`, `double precision`, `bigint`, `varchar`, `timestamp with time zone`…). */
  readonly type: string;
}

export interface EngineTable {
  readonly name: string;
  readonly columns: readonly EngineColumn[];
}

/** What a fingerprint looks at for one table: its rows, and the latest raw snapshot value when it has one. */
export interface FingerprintTarget {
  readonly table: string;
  readonly snapshotColumn?: string;
}

export interface WarehouseEngine {
  readonly kind: EngineKind;
  /** How messages and reports name this source; never contains a password. */
  readonly label: string;
  /** Base tables and views of the configured schema, with their columns in declaration order. */
  listTables(): Promise<readonly EngineTable[]>;
  /**
   * A short string that changes when the data Radar reads changes: row counts and the maximum raw snapshot value of
   * the given tables, read in one cheap round trip. Equal fingerprints mean the replica is still current.
   */
  fingerprint(targets: readonly FingerprintTarget[]): Promise<string>;
  /**
   * The given columns of one table in the table's stored order (Postgres: ctid; DuckDB: rowid), in batches of about
   * `batchRows` rows. Values are null, string, number or bigint: booleans become 0/1, dates and timestamps become
   * ISO 8601 text (with offset when the type has a zone), numerics that do not fit a double become text.
   */
  streamRows(table: string, columns: readonly string[], batchRows: number): AsyncIterable<readonly unknown[][]>;
  /** How the engine shows the session is read-only, for `radar doctor` (Postgres: `transaction_read_only = on`). */
  describeSession?(): Promise<string>;
  close(): Promise<void>;
}
