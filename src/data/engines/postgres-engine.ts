import pg from 'pg';
import { quoteIdentifier } from '../inspect-schema.js';
import {
  UnsupportedSourceError,
  WarehousePermissionError,
  WarehouseSchemaNotFoundError,
} from '../warehouse-source-errors.js';
import { translatePostgresError } from './postgres-errors.js';
import { replicaTypeParsers } from './postgres-values.js';
import type { EngineTable, FingerprintTarget, WarehouseEngine } from './warehouse-engine.js';
import { warehouseTimeoutMs } from './warehouse-timeout.js';

/** A statement that runs longer is cancelled (RADAR_WAREHOUSE_TIMEOUT_MS overrides). */

export interface PostgresLocation {
  /** What pg connects with: the URL without `schema`. */
  readonly connectionString: string;
  readonly schema: string;
  readonly database: string;
  /** The URL without its password, with `?schema=` when one was given. */
  readonly label: string;
}

/** `postgres://u:pw@host/db?schema=marts&sslmode=require` → pg gets everything but `schema`; the label has no password. */
export function parsePostgresUrl(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UnsupportedSourceError('postgres://…', 'the URL cannot be parsed; percent-encode special characters');
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  const hadSchema = parsed.searchParams.has('schema');
  parsed.searchParams.delete('schema');
  const connectionString = parsed.toString();
  const shown = new URL(connectionString);
  shown.password = '';
  shown.search = hadSchema ? `?schema=${encodeURIComponent(schema)}` : '';
  return {
    connectionString,
    schema,
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username),
    label: shown.toString(),
  };
}

/**
 * Connects and opens the read-only transaction every engine statement runs in, after checking that the schema
 * exists and may be used. Exported for the test that proves writes are refused on this very connection.
 */
export async function connectReadOnly(location: PostgresLocation, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: location.connectionString,
    connectionTimeoutMillis: timeoutMs,
    application_name: 'radar',
    options: '-c default_transaction_read_only=on',
    types: replicaTypeParsers,
  });
  // A dropped connection after connect must not crash the process; the next query reports it.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
    // Booleans arrive as 0/1 (the replica's parsers).
    const namespace = await client.query<{ usage: number }>(
      "SELECT has_schema_privilege(oid, 'USAGE')::int AS usage FROM pg_namespace WHERE nspname = $1",
      [location.schema],
    );
    const row = namespace.rows[0];
    if (row === undefined) throw new WarehouseSchemaNotFoundError(location.label, location.schema);
    if (row.usage !== 1) {
      throw new WarehousePermissionError(location.label, `no USAGE on schema "${location.schema}"`);
    }
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw translatePostgresError(error, location, timeoutMs);
  }
}

/**
 * One connection holding one read-only, repeatable-read transaction for the engine's life: the fingerprint and the
 * rows streamed after it come from the same snapshot, and the server refuses any write (the session default is
 * read-only too). Every statement is bounded by `statement_timeout`.
 */
export async function openPostgresEngine(
  url: string,
  options: { readonly timeoutMs?: number } = {},
): Promise<WarehouseEngine> {
  const location = parsePostgresUrl(url);
  const timeoutMs = options.timeoutMs ?? warehouseTimeoutMs();
  const fail = (error: unknown) => translatePostgresError(error, location, timeoutMs);
  const client = await connectReadOnly(location, timeoutMs);

  const relation = (table: string) => `${quoteIdentifier(location.schema)}.${quoteIdentifier(table)}`;
  const views = new Set<string>();
  let cursors = 0;
  const run = async <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => {
    try {
      return await client.query<R>(text, values);
    } catch (error) {
      throw fail(error);
    }
  };
  const runArray = async (text: string): Promise<unknown[][]> => {
    try {
      return (await client.query({ text, rowMode: 'array' })).rows;
    } catch (error) {
      throw fail(error);
    }
  };

  return {
    kind: 'postgres',
    label: location.label,
    async listTables(): Promise<EngineTable[]> {
      const result = await run<{ table_name: string; column_name: string; type: string; relkind: string }>(
        `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
                c.relkind::text AS relkind
           FROM pg_class c
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
          ORDER BY c.relname, a.attnum`,
        [location.schema],
      );
      const tables = new Map<string, { name: string; columns: { name: string; type: string }[] }>();
      for (const r of result.rows) {
        if (r.relkind === 'v') views.add(r.table_name);
        let table = tables.get(r.table_name);
        if (!table) {
          table = { name: r.table_name, columns: [] };
          tables.set(r.table_name, table);
        }
        table.columns.push({ name: r.column_name, type: r.type.toLowerCase() });
      }
      return [...tables.values()];
    },
    async fingerprint(targets: readonly FingerprintTarget[]): Promise<string> {
      if (targets.length === 0) return '[]';
      const parts = targets.flatMap((t) => [
        `(SELECT count(*) FROM ${relation(t.table)})::text`,
        t.snapshotColumn === undefined
          ? 'NULL::text'
          : `(SELECT max(${quoteIdentifier(t.snapshotColumn)}) FROM ${relation(t.table)})::text`,
      ]);
      const values = (await runArray(`SELECT ${parts.join(', ')}`))[0] ?? [];
      return JSON.stringify(targets.map((t, i) => [t.table, values[2 * i], values[2 * i + 1]]));
    },
    async *streamRows(table: string, columns: readonly string[], batchRows: number) {
      const cursor = `radar_rows_${++cursors}`;
      const list = columns.length === 0 ? '' : columns.map(quoteIdentifier).join(', ');
      // Views have no ctid: their order is the view's own.
      const order = views.has(table) ? '' : ' ORDER BY ctid';
      await run(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${list} FROM ${relation(table)}${order}`);
      const size = Math.max(1, Math.floor(batchRows));
      try {
        for (;;) {
          const rows = await runArray(`FETCH ${size} FROM ${cursor}`);
          if (rows.length === 0) break;
          yield rows;
          if (rows.length < size) break;
        }
      } finally {
        await client.query(`CLOSE ${cursor}`).catch(() => {});
      }
    },
    async describeSession(): Promise<string> {
      const result = await run<{ transaction_read_only: string }>('SHOW transaction_read_only');
      return `transaction_read_only = ${result.rows[0]?.transaction_read_only ?? 'unknown'}`;
    },
    async close(): Promise<void> {
      await client.query('ROLLBACK').catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
