import type Database from 'better-sqlite3';
import { z } from 'zod';
import { REPLICA_TABLE_PREFIX, type ReplicaMetadata } from './engines/replica-metadata.js';
import { TABLE_IDS, type TableId, WAREHOUSE_TABLES } from './warehouse-schema.js';

const SqliteMasterRow = z.object({ name: z.string(), type: z.enum(['table', 'view']) });
const TableInfoRow = z.object({
  cid: z.number().int(),
  name: z.string(),
  type: z.string(),
  notnull: z.number().int(),
  pk: z.number().int(),
});

export interface ColumnInfo {
  readonly name: string;
  /** The declared SQLite type, upper-cased ('' when the export declared none). */
  readonly declaredType: string;
}

export interface TableInfo {
  readonly id: TableId;
  readonly name: string;
  readonly columns: ReadonlyMap<string, ColumnInfo>;
  /** Known columns Radar expects but the export lacks. */
  readonly missingColumns: readonly string[];
}

export interface WarehouseSchema {
  readonly tables: ReadonlyMap<TableId, TableInfo>;
  readonly missingTables: readonly TableId[];
  /** Tables in the file that Radar does not read (shown by doctor, otherwise ignored). */
  readonly otherTables: readonly string[];
}

/**
 * Reads the catalogue once per open: which of the seven tables exist, their columns and
 * declared types. Validated with zod here so nothing downstream re-checks per row. In a replica of a database source
 * the declared types and the other tables are the source's, as the replica recorded them.
 */
export function inspectSchema(db: Database.Database, replica?: ReplicaMetadata): WarehouseSchema {
  const objects = z
    .array(SqliteMasterRow)
    .parse(db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')").all());
  const byLowerName = new Map(objects.map((o) => [o.name.toLowerCase(), o.name]));
  const tables = new Map<TableId, TableInfo>();
  const missingTables: TableId[] = [];
  const known = new Set<string>();

  for (const id of TABLE_IDS) {
    const definition = WAREHOUSE_TABLES[id];
    const actualName = byLowerName.get(definition.name.toLowerCase());
    known.add(definition.name.toLowerCase());
    if (actualName === undefined) {
      missingTables.push(id);
      continue;
    }
    const info = z.array(TableInfoRow).parse(db.prepare(`PRAGMA table_info(${quoteIdentifier(actualName)})`).all());
    const sourceTypes = replica?.columnTypes.get(actualName.toLowerCase());
    const columns = new Map<string, ColumnInfo>(
      info
        .filter((c) => !c.name.startsWith(REPLICA_TABLE_PREFIX))
        .map((c) => [
          c.name.toLowerCase(),
          { name: c.name, declaredType: (sourceTypes?.get(c.name.toLowerCase()) ?? c.type).toUpperCase() },
        ]),
    );
    const missingColumns = Object.keys(definition.columns).filter((c) => !columns.has(c));
    tables.set(id, { id, name: actualName, columns, missingColumns });
  }

  const otherTables =
    replica?.otherTables.slice() ??
    objects
      .filter((o) => !known.has(o.name.toLowerCase()) && !o.name.startsWith('sqlite_'))
      .map((o) => o.name)
      .sort();
  return { tables, missingTables, otherTables };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
