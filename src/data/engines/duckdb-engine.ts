import { createHash } from 'node:crypto';
import type { DuckDBValue } from '@duckdb/node-api';
import {
  DuckdbAmbiguousSchemaError,
  DuckdbMissingColumnError,
  DuckdbMissingTableError,
  type DuckdbRead,
} from '../duckdb-errors.js';
import { appendRows, plainLayout, planSelect, quoteIdent } from './duckdb-rows.js';
import { checkDuckdbFile, DuckdbInstanceHolder, type DuckdbSession } from './duckdb-session.js';
import { converterForType, type EngineValue } from './duckdb-values.js';
import type { EngineColumn, EngineTable, FingerprintTarget, WarehouseEngine } from './warehouse-engine.js';
import { warehouseTimeoutMs } from './warehouse-timeout.js';

export interface DuckdbEngineOptions {
  /** How long one round trip to DuckDB may take; default RADAR_WAREHOUSE_TIMEOUT_MS, else 120 s. */
  readonly timeoutMs?: number;
  /**
   * Whether to read text columns packed in one JSON array per row (see duckdb-rows.ts); default: when DuckDB's JSON
   * functions are built in, as they are in `@duckdb/node-api`. Tests turn it off to check the plain path.
   */
  readonly packText?: boolean;
}

const MART_PREFIX = 'customer360__';
const DEFAULT_SCHEMA = 'main';

/**
 * A DuckDB database file (dbt-duckdb's `path`), opened read-only. The marts are read from schema `main` (where
 * dbt-duckdb builds them by default) or, when `main` holds none, from the one schema that does.
 */
export async function openDuckdbEngine(
  path: string,
  options: DuckdbEngineOptions = {},
): Promise<WarehouseEngine & { describeSession(): Promise<string> }> {
  checkDuckdbFile(path);
  const timeoutMs = options.timeoutMs ?? warehouseTimeoutMs();
  const holder = new DuckdbInstanceHolder(path);
  const session = await holder.connect();
  try {
    const schema = await martSchema(session, path, timeoutMs);
    // The catalog, not duckdb_extensions(), which would look at the extension folder on disk (refused, rightly).
    const json = await query(
      session,
      path,
      timeoutMs,
      { read: 'functions' },
      "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'json_array'",
    );
    const canPackText = options.packText ?? Number(json[0]?.[0]) > 0;
    return new DuckdbEngine(path, schema, holder, timeoutMs, canPackText);
  } finally {
    session.close();
  }
}

async function martSchema(session: DuckdbSession, path: string, timeoutMs: number): Promise<string> {
  const rows = await query(
    session,
    path,
    timeoutMs,
    { read: 'schemas' },
    `SELECT DISTINCT table_schema FROM information_schema.tables
     WHERE table_catalog = current_database() AND starts_with(table_name, $1)
     ORDER BY table_schema`,
    [MART_PREFIX],
  );
  const schemas = rows.map((row) => String(row[0]));
  if (schemas.length === 0 || schemas.includes(DEFAULT_SCHEMA)) return DEFAULT_SCHEMA;
  if (schemas.length === 1) return schemas[0] as string;
  throw new DuckdbAmbiguousSchemaError(path, schemas);
}

/** Where a target's row count and latest snapshot sit in the fingerprint row, or why there is none. */
interface FingerprintPlan {
  readonly table: string;
  readonly count: number | 'absent';
  readonly latest: number | 'absent' | 'none';
}

class DuckdbEngine implements WarehouseEngine {
  readonly kind = 'duckdb' as const;
  readonly label: string;
  private closed = false;

  constructor(
    readonly path: string,
    readonly schema: string,
    private readonly holder: DuckdbInstanceHolder,
    private readonly timeoutMs: number,
    private readonly canPackText: boolean,
  ) {
    this.label = schema === DEFAULT_SCHEMA ? path : `${path} (schema ${schema})`;
  }

  async listTables(): Promise<readonly EngineTable[]> {
    return this.withSession((session) => this.describeTables(session));
  }

  async fingerprint(targets: readonly FingerprintTarget[]): Promise<string> {
    return this.withSession(async (session) => {
      const tables = byLowerName(await this.describeTables(session));
      // Each target reads its row count and latest snapshot from one SELECT of scalar subqueries, by position.
      const selects: string[] = [];
      const plans = targets.map((target): FingerprintPlan => {
        const table = tables.get(target.table.toLowerCase());
        // An absent table or snapshot column is part of the state too: when it appears, the fingerprint changes.
        if (table === undefined) return { table: target.table, count: 'absent', latest: 'absent' };
        const from = this.qualified(table.name);
        const count = selects.push(`(SELECT count(*) FROM ${from})`) - 1;
        const snapshot = target.snapshotColumn;
        if (snapshot === undefined) return { table: target.table, count, latest: 'none' };
        if (!hasColumn(table, snapshot)) return { table: target.table, count, latest: 'absent' };
        const latest = selects.push(`(SELECT max(${quoteIdent(snapshot)}) FROM ${from})`) - 1;
        return { table: target.table, count, latest };
      });
      const values =
        selects.length === 0
          ? []
          : ((await this.query(session, { read: 'rowCounts' }, `SELECT ${selects.join(', ')}`))[0] ?? []);
      const at = (slot: number | string) => (typeof slot === 'number' ? values[slot] : slot);
      const state = plans.map((plan) => [plan.table, at(plan.count), at(plan.latest)]);
      const text = JSON.stringify(state, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
      return `duckdb:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    });
  }

  async *streamRows(table: string, columns: readonly string[], batchRows: number): AsyncIterable<readonly unknown[][]> {
    const session = await this.session();
    try {
      const described = byLowerName(await this.describeTables(session)).get(table.toLowerCase());
      if (described === undefined) throw new DuckdbMissingTableError(this.label, table);
      const missing = columns.filter((column) => !hasColumn(described, column));
      if (missing.length > 0) throw new DuckdbMissingColumnError(this.label, described.name, missing);
      const wanted = columns.map((name) => described.columns.find((c) => c.name.toLowerCase() === name.toLowerCase()));
      const { list, layout } = planSelect(wanted as EngineColumn[], this.canPackText);
      // No ORDER BY rowid: with preserve_insertion_order (set at open) a plain scan already returns rows in rowid
      // order, while the ORDER BY would sort — hold — the whole table before the first row (0.6 s vs 0.35 s CPU and
      // a full copy in memory for 3M rows). A view keeps its own query's order.
      const sql = `SELECT ${list} FROM ${this.qualified(described.name)}`;
      const what: DuckdbRead = { read: 'table', table: described.name };
      const result = await session.timed(this.label, this.timeoutMs, what, () => session.connection.stream(sql));
      const converters = result.columnTypes().map(converterForType);
      let batch: EngineValue[][] = [];
      try {
        for (;;) {
          const chunk = await session.timed(this.label, this.timeoutMs, what, () => result.fetchChunk());
          if (chunk === null || chunk.rowCount === 0) break;
          appendRows(batch, chunk, converters, layout);
          if (batch.length >= batchRows) {
            yield batch;
            batch = [];
          }
        }
      } finally {
        // A reader that stops early (or fails) must not leave the stream open: it would hold the file until GC.
        await session.discard(result);
      }
      if (batch.length > 0) yield batch;
    } finally {
      session.close();
    }
  }

  /** For `radar doctor`: the settings that keep this read-only and confined to the file. */
  async describeSession(): Promise<string> {
    return this.withSession(async (session) => {
      const [row] = await this.query(
        session,
        { read: 'session' },
        "SELECT current_setting('access_mode')::VARCHAR, current_setting('enable_external_access')::VARCHAR",
      );
      return `access_mode = ${String(row?.[0]).toLowerCase()}, enable_external_access = ${String(row?.[1])}`;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async session(): Promise<DuckdbSession> {
    if (this.closed) throw new Error(`the DuckDB engine for ${this.label} is closed`);
    return this.holder.connect();
  }

  private async withSession<T>(work: (session: DuckdbSession) => Promise<T>): Promise<T> {
    const session = await this.session();
    try {
      return await work(session);
    } finally {
      session.close();
    }
  }

  private async describeTables(session: DuckdbSession): Promise<EngineTable[]> {
    const rows = await this.query(
      session,
      { read: 'tables' },
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_catalog = current_database() AND table_schema = $1
       ORDER BY table_name, ordinal_position`,
      [this.schema],
    );
    const tables: { name: string; columns: { name: string; type: string }[] }[] = [];
    for (const [name, column, type] of rows) {
      let table = tables.at(-1);
      if (table === undefined || table.name !== name) {
        table = { name: String(name), columns: [] };
        tables.push(table);
      }
      table.columns.push({ name: String(column), type: String(type).toLowerCase() });
    }
    return tables;
  }

  private query(
    session: DuckdbSession,
    what: DuckdbRead,
    sql: string,
    values?: DuckDBValue[],
  ): Promise<EngineValue[][]> {
    return query(session, this.label, this.timeoutMs, what, sql, values);
  }

  private qualified(table: string): string {
    return `${quoteIdent(this.schema)}.${quoteIdent(table)}`;
  }
}

async function query(
  session: DuckdbSession,
  label: string,
  timeoutMs: number,
  what: DuckdbRead,
  sql: string,
  values?: DuckDBValue[],
): Promise<EngineValue[][]> {
  return session.timed(label, timeoutMs, what, async () => {
    const result = await session.connection.run(sql, values);
    const converters = result.columnTypes().map(converterForType);
    const rows: EngineValue[][] = [];
    const layout = plainLayout(converters.length);
    for (const chunk of await result.fetchAllChunks()) appendRows(rows, chunk, converters, layout);
    return rows;
  });
}

/** DuckDB resolves identifiers case-insensitively, so Radar looks tables and columns up the same way. */
function byLowerName(tables: readonly EngineTable[]): Map<string, EngineTable> {
  return new Map(tables.map((table) => [table.name.toLowerCase(), table]));
}

function hasColumn(table: EngineTable, column: string): boolean {
  const lower = column.toLowerCase();
  return table.columns.some((c) => c.name.toLowerCase() === lower);
}
