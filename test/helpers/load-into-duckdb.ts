import { existsSync } from 'node:fs';
import { type DuckDBAppender, DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';

export type LoadedType = 'BIGINT' | 'DOUBLE' | 'VARCHAR';

/**
 * The DuckDB type a SQLite column gets, from the storage classes its values actually have (not its declared type,
 * which SQLite does not enforce): only integers → BIGINT, integers and reals → DOUBLE, anything with text or blobs →
 * VARCHAR, so a messy column stays messy instead of being coerced. A column with no values at all (an empty table,
 * all NULLs) takes its declared type by SQLite's affinity rules, as a typed dbt model with no rows would have.
 */
export function loadedType(classes: { integer: boolean; real: boolean; text: boolean }, declared = ''): LoadedType {
  if (classes.text) return 'VARCHAR';
  if (classes.real) return 'DOUBLE';
  if (classes.integer) return 'BIGINT';
  const affinity = declared.toUpperCase();
  if (affinity.includes('INT')) return 'BIGINT';
  if (/CHAR|CLOB|TEXT/.test(affinity)) return 'VARCHAR';
  if (/REAL|FLOA|DOUB/.test(affinity)) return 'DOUBLE';
  return 'VARCHAR';
}

/**
 * Loads a SQLite export into a new DuckDB file, every table in rowid order, as dbt-duckdb would hold the same marts.
 * Numbers in a VARCHAR column are written as JavaScript prints them (3.0 → '3'), which is how Radar's SQLite reader
 * turns a number into text, so both engines read the same text.
 */
export async function loadIntoDuckdb(sqlitePath: string, duckdbPath: string): Promise<void> {
  if (existsSync(duckdbPath)) throw new Error(`loadIntoDuckdb: ${duckdbPath} exists; it only writes new files`);
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const instance = await DuckDBInstance.create(duckdbPath);
  const connection = await instance.connect();
  try {
    const tables = source
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
      )
      .all();
    for (const { name } of tables) {
      const columns = source
        .prepare<[], { name: string; type: string }>(`PRAGMA table_info(${quoteIdent(name)})`)
        .all();
      const types = columnTypes(source, name, columns);
      const definition = columns.map((c, i) => `${quoteIdent(c.name)} ${types[i]}`).join(', ');
      await connection.run(`CREATE TABLE ${quoteIdent(name)} (${definition})`);
      const appender = await connection.createAppender(name);
      const rows = source
        .prepare(`SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${quoteIdent(name)} ORDER BY rowid`)
        .raw()
        .safeIntegers();
      for (const row of rows.iterate() as IterableIterator<unknown[]>) {
        row.forEach((value, i) => {
          append(appender, types[i] as LoadedType, value);
        });
        appender.endRow();
      }
      appender.closeSync();
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    source.close();
  }
}

function columnTypes(
  source: Database.Database,
  table: string,
  columns: readonly { name: string; type: string }[],
): LoadedType[] {
  if (columns.length === 0) return [];
  // One scan per table: for each column, whether any value is an integer, a real, or text/blob.
  const probes = columns.flatMap((c, i) => {
    const kind = `typeof(${quoteIdent(c.name)})`;
    return [
      `max(${kind} = 'integer') AS i${i}`,
      `max(${kind} = 'real') AS r${i}`,
      `max(${kind} IN ('text', 'blob')) AS t${i}`,
    ];
  });
  const seen = source.prepare(`SELECT ${probes.join(', ')} FROM ${quoteIdent(table)}`).get() as Record<
    string,
    number | null
  >;
  return columns.map((c, i) =>
    loadedType({ integer: seen[`i${i}`] === 1, real: seen[`r${i}`] === 1, text: seen[`t${i}`] === 1 }, c.type),
  );
}

function append(appender: DuckDBAppender, type: LoadedType, value: unknown): void {
  if (value === null || value === undefined) appender.appendNull();
  else if (type === 'BIGINT') appender.appendBigInt(value as bigint);
  else if (type === 'DOUBLE') appender.appendDouble(Number(value));
  else appender.appendVarchar(asText(value));
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  // An integer read exactly (safeIntegers) but printed as Radar's SQLite reader prints the number it gets.
  if (typeof value === 'bigint') return String(Number(value));
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  return String(value);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
