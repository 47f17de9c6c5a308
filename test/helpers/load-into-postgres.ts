import Database from 'better-sqlite3';
import pg from 'pg';
import { quoteIdentifier } from '../../src/data/inspect-schema.js';

const ROWS_PER_STATEMENT = 20_000;

/**
 * Copies every table of a SQLite export into a fresh Postgres schema, keeping the messy values as a dbt model built
 * from the same sources would hold them: a column whose SQLite values are all integers becomes bigint, all numbers
 * double precision, anything mixed (numbers and text) or all text becomes text with numbers printed as SQLite prints
 * them; a column with no value at all keeps the type the export declared. NULLs stay NULL. Rows are inserted in rowid order into new tables, so ctid order is the export's order.
 * Returns the Postgres type chosen per table and column.
 */
export async function loadIntoPostgres(
  sqlitePath: string,
  url: string,
  schema: string,
): Promise<Map<string, Map<string, string>>> {
  const sqlite = new Database(sqlitePath, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const chosen = new Map<string, Map<string, string>>();
  try {
    await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const declared = sqlite.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`).all() as {
        name: string;
        type: string;
      }[];
      const columns = declared.map((c) => c.name);
      const types = new Map(declared.map((c) => [c.name, postgresTypeOf(sqlite, table, c.name, c.type)]));
      chosen.set(table, types);
      const relation = `${quoteIdentifier(schema)}.${quoteIdentifier(table)}`;
      const staging = `${quoteIdentifier(schema)}.${quoteIdentifier(`${table}__loading`)}`;
      // INSERT may put a later small row into an earlier page's free space (the free space map), so rows are loaded
      // into a staging table with their position, and the table is made by CREATE TABLE AS … ORDER BY, which
      // writes pages strictly in order: ctid order is then the export's rowid order.
      await client.query(
        `CREATE TABLE ${staging} (radar_position bigint, ${columns.map((c) => `${quoteIdentifier(c)} ${types.get(c)}`).join(', ')})`,
      );
      const asText = columns.map((c) => types.get(c) === 'text');
      // One array per column, unnested server-side: far cheaper to parse than thousands of VALUES tuples.
      const castOf = ['bigint', ...columns.map((c) => types.get(c) as string)];
      const flush = async (batch: unknown[][]) => {
        const arrays = castOf.map((_, i) => batch.map((row) => row[i] ?? null));
        await client.query(
          `INSERT INTO ${staging} SELECT * FROM unnest(${castOf.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`,
          arrays,
        );
      };
      let batch: unknown[][] = [];
      let position = 0;
      const rows = sqlite
        .prepare(`SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)} ORDER BY rowid`)
        .raw(true)
        .iterate() as Iterable<unknown[]>;
      for (const row of rows) {
        // JavaScript prints a double's shortest exact form; SQLite's CAST would round to 15 digits.
        batch.push([position++, ...row.map((v, i) => (asText[i] && typeof v === 'number' ? String(v) : v))]);
        if (batch.length === ROWS_PER_STATEMENT) {
          await flush(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await flush(batch);
      await client.query(
        `CREATE TABLE ${relation} AS SELECT ${columns.map(quoteIdentifier).join(', ')} FROM ${staging} ORDER BY radar_position`,
      );
      await client.query(`DROP TABLE ${staging}`);
    }
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
    sqlite.close();
  }
  return chosen;
}

function postgresTypeOf(sqlite: Database.Database, table: string, column: string, declared: string): string {
  const kinds = new Set(
    sqlite
      .prepare(
        `SELECT DISTINCT typeof(${quoteIdentifier(column)}) FROM ${quoteIdentifier(table)} WHERE ${quoteIdentifier(column)} IS NOT NULL`,
      )
      .pluck()
      .all() as string[],
  );
  // No value to judge by (an empty table, an all-NULL column): the type the export declared, as dbt would.
  if (kinds.size === 0)
    return /INT/i.test(declared) ? 'bigint' : /REAL|FLOA|DOUB/i.test(declared) ? 'double precision' : 'text';
  if ([...kinds].every((k) => k === 'integer')) return 'bigint';
  if ([...kinds].every((k) => k === 'integer' || k === 'real')) return 'double precision';
  return 'text';
}
