import type Database from 'better-sqlite3';
import type { SourceKind } from './source-kind.js';

/**
 * What a replica records about the source it copies, inside the replica itself: any process that opens the file
 * (command workers, the scan worker, the snapshot-cache builder) then names the source, not the replica path, and
 * reports the source's own column types.
 */
export const REPLICA_SOURCE_TABLE = '_radar_source';
export const REPLICA_COLUMNS_TABLE = '_radar_columns';
export const REPLICA_TABLE_PREFIX = '_radar_';

export interface ReplicaMetadata {
  readonly kind: SourceKind;
  readonly label: string;
  readonly fingerprint: string;
  /** When the fingerprint the replica matches was read (ISO 8601). */
  readonly fingerprintAt: string;
  /** When the copy finished (ISO 8601). */
  readonly builtAt: string;
  /** How the engine showed the session was read-only, e.g. `transaction_read_only = on`. */
  readonly session: string;
  /** Tables of the source Radar does not read (doctor lists them). */
  readonly otherTables: readonly string[];
  /** `table → column (lower case) → the source's type name`. */
  readonly columnTypes: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** The replica's metadata, or undefined for an ordinary SQLite export. */
export function readReplicaMetadata(db: Database.Database): ReplicaMetadata | undefined {
  const present = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(REPLICA_SOURCE_TABLE);
  if (present === undefined) return undefined;
  const values = new Map(
    (db.prepare(`SELECT key, value FROM ${REPLICA_SOURCE_TABLE}`).all() as { key: string; value: string }[]).map(
      (r) => [r.key, r.value],
    ),
  );
  const columnTypes = new Map<string, Map<string, string>>();
  for (const r of db.prepare(`SELECT table_name, column_name, type FROM ${REPLICA_COLUMNS_TABLE}`).all() as {
    table_name: string;
    column_name: string;
    type: string;
  }[]) {
    const table = columnTypes.get(r.table_name.toLowerCase()) ?? new Map<string, string>();
    table.set(r.column_name.toLowerCase(), r.type);
    columnTypes.set(r.table_name.toLowerCase(), table);
  }
  return {
    kind: (values.get('kind') ?? 'sqlite') as SourceKind,
    label: values.get('label') ?? '',
    fingerprint: values.get('fingerprint') ?? '',
    fingerprintAt: values.get('fingerprint_at') ?? '',
    builtAt: values.get('built_at') ?? '',
    session: values.get('session') ?? '',
    otherTables: JSON.parse(values.get('other_tables') ?? '[]') as string[],
    columnTypes,
  };
}

/** Writes the metadata tables into a replica being built (inside its transaction). */
export function writeReplicaMetadata(db: Database.Database, metadata: ReplicaMetadata): void {
  db.exec(`CREATE TABLE ${REPLICA_SOURCE_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  db.exec(
    `CREATE TABLE ${REPLICA_COLUMNS_TABLE} (table_name TEXT NOT NULL, column_name TEXT NOT NULL, type TEXT NOT NULL)`,
  );
  const put = db.prepare(`INSERT INTO ${REPLICA_SOURCE_TABLE} (key, value) VALUES (?, ?)`);
  put.run('kind', metadata.kind);
  put.run('label', metadata.label);
  put.run('fingerprint', metadata.fingerprint);
  put.run('fingerprint_at', metadata.fingerprintAt);
  put.run('built_at', metadata.builtAt);
  put.run('session', metadata.session);
  put.run('other_tables', JSON.stringify(metadata.otherTables));
  const column = db.prepare(`INSERT INTO ${REPLICA_COLUMNS_TABLE} (table_name, column_name, type) VALUES (?, ?, ?)`);
  for (const [table, columns] of metadata.columnTypes) {
    for (const [name, type] of columns) column.run(table, name, type);
  }
}
