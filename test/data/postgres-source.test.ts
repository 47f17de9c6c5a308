import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.js';
import { openSource } from '../../src/data/engines/open-source.js';
import { connectReadOnly, openPostgresEngine, parsePostgresUrl } from '../../src/data/engines/postgres-engine.js';
import { translatePostgresError } from '../../src/data/engines/postgres-errors.js';
import { recogniseSource } from '../../src/data/engines/source-kind.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { readTable } from '../../src/data/read-table.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import {
  UnsupportedSourceError,
  WarehouseAuthError,
  WarehouseDatabaseNotFoundError,
  WarehousePermissionError,
  WarehouseSchemaNotFoundError,
  WarehouseTimeoutError,
  WarehouseUnreachableError,
} from '../../src/data/warehouse-source-errors.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';
import { getFreePort } from '../helpers/free-port.js';
import { loadIntoPostgres } from '../helpers/load-into-postgres.js';
import { createTestDatabase, queryDatabase } from '../helpers/postgres-database.js';
import { createTempDir } from '../helpers/temp-dir.js';

/**
 * A Postgres source's error paths and guarantees, on a small hand-made export that lacks the funnel table and the
 * value table's churn_probability column: the same reports and messages as that SQLite export, a read-only session,
 * a private replica, and change detection on an injected clock.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const dir = createTempDir('radar-pg-source-');
const cacheRoot = join(dir.path, 'cache');
const fixturePath = join(dir.path, 'partial.sqlite');
const suffix = Math.random().toString(16).slice(2, 8);
const roles = { noSelect: `radar_nosel_${suffix}`, noUsage: `radar_nousage_${suffix}` };
let database: { url: string; drop: () => Promise<void> };
let sourceUrl: string;

const activity = [
  { primary_email: 'ana@acme.com', activity_analysis_timestamp: '2026-11-01', customer_health_score: 40 },
  { primary_email: 'ANA@acme.com ', activity_analysis_timestamp: '2026-11-08', customer_health_score: '55' },
  { primary_email: 'bo@beta.io', activity_analysis_timestamp: '2026-11-08T10:00:00Z', customer_health_score: 'n/a' },
  { primary_email: null, activity_analysis_timestamp: '2026-11-08', customer_health_score: 70 },
];
const value = [
  { primary_email: 'ana@acme.com', analysis_timestamp: '2026-11-08', customer_tier: 'Gold', adjusted_ltv: 1200.5 },
  { primary_email: 'bo@beta.io', analysis_timestamp: '2026-11-07', customer_tier: 'Silver', adjusted_ltv: '900' },
];

function withDatabase(url: string, change: (u: URL) => void): string {
  const u = new URL(url);
  change(u);
  return u.toString();
}

beforeAll(async () => {
  createFixtureWarehouse(
    fixturePath,
    { activity, value },
    { omitTables: ['funnel'], omitColumns: { value: ['churn_probability'] } },
  );
  database = await createTestDatabase();
  await loadIntoPostgres(fixturePath, database.url, 'partial');
  sourceUrl = `${database.url}?schema=partial`;
  const dbName = new URL(database.url).pathname.slice(1);
  await queryDatabase(database.url, `CREATE ROLE ${roles.noSelect} LOGIN`);
  await queryDatabase(database.url, `CREATE ROLE ${roles.noUsage} LOGIN`);
  await queryDatabase(database.url, `GRANT CONNECT ON DATABASE ${dbName} TO ${roles.noSelect}, ${roles.noUsage}`);
  await queryDatabase(database.url, `GRANT USAGE ON SCHEMA partial TO ${roles.noSelect}`);
});

afterAll(async () => {
  await database.drop();
  await queryDatabase(
    database.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1'),
    `DROP ROLE IF EXISTS ${roles.noSelect}, ${roles.noUsage}`,
  );
  dir.cleanup();
});

describe('a Postgres source lacking a table and a column', () => {
  let fromSqlite: Warehouse;
  let fromPostgres: Warehouse;
  beforeAll(async () => {
    fromSqlite = openWarehouse(fixturePath);
    fromPostgres = openWarehouse((await openSource(sourceUrl, { cacheRoot })).path);
  });
  afterAll(() => {
    fromSqlite.close();
    fromPostgres.close();
  });

  it('gets the doctor report the SQLite export gets', async () => {
    const context = (warehouse: Warehouse) => ({ warehouse: () => warehouse, now: () => NOW, locale: 'en' as const });
    const expected = JSON.parse((await ask('/radar doctor', context(fromSqlite), { json: true })).output);
    const actual = JSON.parse((await ask('/radar doctor', context(fromPostgres), { json: true })).output);
    // The declared type is the one honest difference: Postgres holds the mixed column as text, SQLite as REAL.
    const strip = (json: {
      result: { health: { path: unknown; source: unknown; sizeBytes: unknown; tables: { castColumns: string[] }[] } };
    }) => {
      const { path: _p, source: _s, sizeBytes: _b, ...health } = json.result.health;
      const tables = health.tables.map(({ castColumns: _c, ...table }) => table);
      return { health: { ...health, tables }, readiness: (json.result as unknown as { readiness: unknown }).readiness };
    };
    expect(strip(actual)).toEqual(strip(expected));
    expect(expected.result.health.tables[0].castColumns).toEqual([]);
    expect(actual.result.health.tables[0].castColumns).toEqual(['customer_health_score']);
    expect(actual.result.health.source.kind).toBe('postgres');
    // Titles are shown in channels: database and schema, no host or user.
    expect(actual.title).toMatch(/^Warehouse check — Postgres radar_[0-9a-f]+\.partial$/);
    const text = (await ask('/radar doctor', context(fromPostgres))).output;
    expect(text).toContain('read in a read-only session (transaction_read_only = on)');
    expect(text).toMatch(/local copy made \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(text).not.toContain(cacheRoot);
  });

  it('gives the same missing-table and missing-column messages', () => {
    const read = (w: Warehouse, table: 'funnel' | 'value', column: string) => () =>
      readTable(w, table, [column as never], { neededFor: '/conversion-cohort' });
    expect(read(fromPostgres, 'funnel', 'primary_email')).toThrow(
      'The warehouse has no table `customer360__conversion_funnel_analysis`, which /conversion-cohort needs.',
    );
    expect(read(fromPostgres, 'value', 'churn_probability')).toThrow('lacks column `churn_probability`');
    for (const [table, column] of [
      ['funnel', 'primary_email'],
      ['value', 'churn_probability'],
    ] as const) {
      let expected = '';
      try {
        read(fromSqlite, table, column)();
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(read(fromPostgres, table, column)).toThrow(expected);
    }
  });

  it('keeps the messy values and their types in the replica', () => {
    const rows = fromPostgres.rawRows(
      'SELECT primary_email, customer_health_score, typeof(customer_health_score) FROM customer360__customer_activity_metrics ORDER BY rowid',
    );
    // SQLite's REAL affinity made '55' a number in the export; Postgres holds the mixed column as text.
    expect(rows).toEqual([
      ['ana@acme.com', '40', 'text'],
      ['ANA@acme.com ', '55', 'text'],
      ['bo@beta.io', 'n/a', 'text'],
      [null, '70', 'text'],
    ]);
    const ltv = fromPostgres.rawRows(
      'SELECT adjusted_ltv, typeof(adjusted_ltv) FROM customer360__customer_value_analysis ORDER BY rowid',
    );
    expect(ltv).toEqual([
      [1200.5, 'real'],
      [900, 'real'],
    ]);
  });
});

describe('the replica', () => {
  it('is a private file (0600 in a 0700 folder) that names the source without its password', async () => {
    const withPassword = withDatabase(database.url, (u) => {
      u.password = 's3cret-pw';
    });
    const source = await openSource(`${withPassword}?schema=partial`, { cacheRoot });
    expect(source.label).not.toContain('s3cret-pw');
    const warehouse = openWarehouse(source.path);
    try {
      expect(warehouse.source.label).toBe(source.label);
    } finally {
      warehouse.close();
    }
    expect(statSync(source.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(source.path)).mode & 0o777).toBe(0o700);
    expect(readFileSync(source.path).includes('s3cret-pw')).toBe(false);
  });

  it('is rebuilt when the source changes, checked at most once a minute, while the old one keeps answering', async () => {
    const root = join(dir.path, 'refresh-cache');
    const source = await openSource(sourceUrl, { cacheRoot: root });
    let now = 0;
    const provider = createWarehouseProvider(source.path, {
      cacheRoot: root,
      nowMs: () => now,
      refreshEveryMs: 60_000,
      ...(source.refresh === undefined ? {} : { refresh: source.refresh }),
    });
    try {
      expect(provider.get().rowCount('activity')).toBe(4);
      await queryDatabase(
        database.url,
        `INSERT INTO partial.customer360__customer_activity_metrics (primary_email, activity_analysis_timestamp) VALUES ('cy@gamma.de', '2026-11-09')`,
      );
      now = 59_999;
      expect(provider.get().rowCount('activity')).toBe(4);
      await provider.settled();
      expect(provider.get().rowCount('activity')).toBe(4);
      now = 60_000;
      // The check starts in the background: this answer still comes from the replica in hand.
      expect(provider.get().rowCount('activity')).toBe(4);
      await provider.settled();
      expect(provider.get().rowCount('activity')).toBe(5);
      const replicas = readdirSync(join(root, 'replicas')).filter((f) => /^[0-9a-f]+-[0-9a-f]+\.sqlite$/.test(f));
      expect(replicas).toHaveLength(1);
    } finally {
      provider.close();
      await queryDatabase(
        database.url,
        `DELETE FROM partial.customer360__customer_activity_metrics WHERE primary_email = 'cy@gamma.de'`,
      );
    }
  });

  it('keeps answering from the replica in hand when a background check fails', async () => {
    const root = join(dir.path, 'failing-cache');
    const source = await openSource(sourceUrl, { cacheRoot: root });
    let now = 0;
    const failures: unknown[] = [];
    const provider = createWarehouseProvider(source.path, {
      cacheRoot: root,
      nowMs: () => now,
      refresh: () => openSource('postgres://radar@127.0.0.1:1/gone', { cacheRoot: root }),
      onRefreshError: (error) => failures.push(error),
    });
    try {
      now = 60_000;
      expect(provider.get().rowCount('activity')).toBe(4);
      await provider.settled();
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(WarehouseUnreachableError);
      expect(provider.get().rowCount('activity')).toBe(4);
    } finally {
      provider.close();
    }
  });

  it('is reused, not copied again, while the fingerprint is unchanged', async () => {
    const root = join(dir.path, 'reuse-cache');
    expect((await openSource(sourceUrl, { cacheRoot: root })).copied).toBe(true);
    expect((await openSource(sourceUrl, { cacheRoot: root })).copied).toBe(false);
  });
});

describe('typed Postgres columns, as a dbt model declares them', () => {
  it('reach the replica as text, numbers and ISO 8601 instants, and read as the export would', async () => {
    await queryDatabase(
      database.url,
      `CREATE SCHEMA typed;
       CREATE TABLE typed.customer360__customer_activity_metrics (
         primary_email varchar(200), activity_analysis_timestamp timestamptz, active_30_days boolean,
         customer_health_score numeric(30, 4), account_age_days bigint, activity_efficiency real,
         customer_segment text, zendesk_registration_date date);
       INSERT INTO typed.customer360__customer_activity_metrics VALUES
         ('ana@acme.com', '2026-11-08 10:30:00+00', true, 55.2500, 9007199254740993, 0.5, 'HV', '2026-01-02'),
         ('bo@beta.io', '2026-11-08 09:00:00+02', false, 12345678901234567890.1234, 7, NULL, NULL, NULL);`,
    );
    const warehouse = openWarehouse((await openSource(`${database.url}?schema=typed`, { cacheRoot })).path);
    try {
      const raw = warehouse.rawRows(
        `SELECT primary_email, activity_analysis_timestamp, active_30_days, customer_health_score,
                CAST(account_age_days AS TEXT), typeof(account_age_days), activity_efficiency, customer_segment,
                zendesk_registration_date
           FROM customer360__customer_activity_metrics ORDER BY rowid`,
        [],
        { cache: false },
      );
      // The session's time zone is the server's (UTC in the test cluster); the offset is kept either way. A bigint
      // past 2^53 stays an exact integer; a numeric a double cannot hold stays text.
      expect(raw[0]).toEqual([
        'ana@acme.com',
        '2026-11-08T10:30:00+00:00',
        1,
        55.25,
        '9007199254740993',
        'integer',
        0.5,
        'HV',
        '2026-01-02',
      ]);
      expect(raw[1]).toEqual([
        'bo@beta.io',
        '2026-11-08T07:00:00+00:00',
        0,
        '12345678901234567890.1234',
        '7',
        'integer',
        null,
        null,
        null,
      ]);
      const { rows, report } = readTable(
        warehouse,
        'activity',
        ['primary_email', 'activity_analysis_timestamp', 'active_30_days', 'customer_health_score'],
        { neededFor: 'the test' },
      );
      expect(rows.map((r) => [r.primary_email, r.activity_analysis_timestamp, r.active_30_days])).toEqual([
        ['ana@acme.com', Date.UTC(2026, 10, 8, 10, 30), 1],
        ['bo@beta.io', Date.UTC(2026, 10, 8, 7, 0), 0],
      ]);
      expect(rows[0]?.customer_health_score).toBe(55.25);
      expect(report.unparseableTimestamps).toBe(0);
      const declared = warehouse.schema.tables.get('activity')?.columns;
      expect(declared?.get('customer_health_score')?.declaredType).toBe('NUMERIC(30,4)');
      expect(declared?.get('primary_email')?.declaredType).toBe('CHARACTER VARYING(200)');
    } finally {
      warehouse.close();
    }
  });
});

describe('the Postgres session', () => {
  it('is read-only: a write through the engine connection is refused', async () => {
    const client = await connectReadOnly(parsePostgresUrl(sourceUrl), 10_000);
    try {
      await expect(client.query('CREATE TABLE partial.radar_was_here (a int)')).rejects.toMatchObject({
        code: '25006',
      });
    } finally {
      await client.end();
    }
    const other = await connectReadOnly(parsePostgresUrl(sourceUrl), 10_000);
    try {
      await expect(
        other.query("UPDATE partial.customer360__customer_activity_metrics SET primary_email = 'x'"),
      ).rejects.toMatchObject({ code: '25006' });
    } finally {
      await other.end();
    }
    const engine = await openPostgresEngine(sourceUrl);
    try {
      expect(await engine.describeSession?.()).toBe('transaction_read_only = on');
    } finally {
      await engine.close();
    }
  });
});

describe('connection and permission errors', () => {
  const open = (url: string) => openSource(url, { cacheRoot });

  it('says when the server cannot be reached', async () => {
    const port = await getFreePort();
    const error = await open(`postgres://radar:pw@127.0.0.1:${port}/marts`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseUnreachableError);
    expect((error as Error).message).toContain('connection refused');
    expect((error as Error).message).toContain(`127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain(':pw@');
  });

  it('says when the database does not exist', async () => {
    const url = withDatabase(database.url, (u) => {
      u.pathname = '/no_such_db';
    });
    await expect(open(url)).rejects.toThrow(WarehouseDatabaseNotFoundError);
    await expect(open(url)).rejects.toThrow('has no database "no_such_db"');
  });

  it('says when the schema does not exist', async () => {
    await expect(open(`${database.url}?schema=nope`)).rejects.toThrow(WarehouseSchemaNotFoundError);
    await expect(open(`${database.url}?schema=nope`)).rejects.toThrow('has no schema "nope"');
  });

  it('says when the role may not use the schema or read the tables, with the grants to run', async () => {
    const as = (role: string) =>
      `${withDatabase(database.url, (u) => {
        u.username = role;
      })}?schema=partial`;
    await expect(open(as(roles.noUsage))).rejects.toThrow(WarehousePermissionError);
    await expect(open(as(roles.noUsage))).rejects.toThrow('no USAGE on schema "partial"');
    const error = await open(as(roles.noSelect)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehousePermissionError);
    expect((error as Error).message).toContain('permission denied');
    expect((error as Error).message).toContain('GRANT SELECT ON ALL TABLES IN SCHEMA');
  });

  it('says when the login is refused', async () => {
    const role = `radar_pw_${suffix}`;
    await queryDatabase(database.url, `CREATE ROLE ${role} LOGIN PASSWORD 'right-password'`);
    const restore = await requirePasswordFor(role);
    try {
      const url = `${withDatabase(database.url, (u) => {
        u.username = role;
        u.password = 'wrong-password';
      })}?schema=partial`;
      const error = await open(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WarehouseAuthError);
      expect((error as Error).message).toContain('refused Radar');
      expect((error as Error).message).not.toContain('wrong-password');
    } finally {
      await restore();
      await queryDatabase(database.url, `DROP ROLE ${role}`);
    }
  });

  it('names the statement timeout setting when the server cancels a read', () => {
    const location = parsePostgresUrl(sourceUrl);
    const error = translatePostgresError(
      Object.assign(new Error('canceling statement'), { code: '57014' }),
      location,
      5,
    );
    expect(error).toBeInstanceOf(WarehouseTimeoutError);
    expect((error as Error).message).toContain('RADAR_WAREHOUSE_TIMEOUT_MS');
  });
});

describe('what RADAR_WAREHOUSE may name', () => {
  it('recognises Postgres URLs, SQLite files and DuckDB files by their bytes', () => {
    expect(recogniseSource('postgres://u@h/db').kind).toBe('postgres');
    expect(recogniseSource('postgresql://u@h/db?schema=marts').kind).toBe('postgres');
    expect(recogniseSource(fixturePath).kind).toBe('sqlite');
    const duck = join(dir.path, 'renamed.db');
    const header = Buffer.alloc(64);
    header.write('DUCK', 8, 'latin1');
    writeFileSync(duck, header);
    expect(recogniseSource(duck).kind).toBe('duckdb');
  });

  it('refuses other URLs, saying what Radar reads and hiding the password', () => {
    expect(() => recogniseSource('mysql://u:hunter2@h/db')).toThrow(UnsupportedSourceError);
    expect(() => recogniseSource('snowflake://acct/db')).toThrow(/a Postgres URL .* or a DuckDB database file/);
    try {
      recogniseSource('mysql://u:hunter2@h/db');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('refuses a garbage file named .duckdb', () => {
    const garbage = join(dir.path, 'x.duckdb');
    writeFileSync(garbage, 'not a database at all, just text');
    expect(() => recogniseSource(garbage)).toThrow(UnsupportedSourceError);
    expect(() => recogniseSource(garbage)).toThrow(/x\.duckdb is not a warehouse Radar can read/);
  });
});

/**
 * The test cluster trusts every login; for one role, require a password (scram) by prepending an hba line and
 * reloading. Waits until the server applies it by trying a wrong password (no sleeps: each try is a real login).
 */
async function requirePasswordFor(role: string): Promise<() => Promise<void>> {
  const [hba] = await queryDatabase<{ hba_file: string }>(database.url, 'SHOW hba_file');
  const file = hba?.hba_file ?? '';
  const [read] = await queryDatabase<{ content: string }>(database.url, `SELECT pg_read_file('${file}') AS content`);
  // COPY's text format would escape tabs; the hba file means the same with spaces.
  const content = (read?.content ?? '').replaceAll('\t', ' ');
  const write = async (text: string) => {
    const lines = text.split('\n').map((l) => `'${l.replaceAll("'", "''")}'`);
    await queryDatabase(database.url, `COPY (SELECT unnest(ARRAY[${lines.join(', ')}]::text[])) TO '${file}'`);
    await queryDatabase(database.url, 'SELECT pg_reload_conf()');
  };
  await write(`host all ${role} 127.0.0.1/32 scram-sha-256\nhost all ${role} ::1/128 scram-sha-256\n${content}`);
  for (let attempt = 0; attempt < 500; attempt++) {
    const client = new pg.Client({
      connectionString: withDatabase(database.url, (u) => {
        u.username = role;
        u.password = 'wrong-password';
      }),
    });
    const refused = await client.connect().then(
      () => false,
      () => true,
    );
    await client.end().catch(() => {});
    if (refused) break;
  }
  return () => write(content.replace(/\n$/, ''));
}
