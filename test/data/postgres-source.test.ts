import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.js';
import { openSource } from '../../src/data/engines/open-source.js';
import { connectReadOnly, openPostgresEngine, parsePostgresUrl } from '../../src/data/engines/postgres-engine.js';
import { currentReplicaPath } from '../../src/data/engines/replica.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { readTable } from '../../src/data/read-table.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { WarehouseUnreachableError } from '../../src/data/warehouse-source-errors.js';
import { createPartialSource, type PartialSource, withDatabase } from '../helpers/partial-postgres-source.js';
import { queryDatabase } from '../helpers/postgres-database.js';

/**
 * A Postgres source on a small export lacking a table and a column: the same reports and messages as that SQLite
 * export, typed dbt columns read as the export would hold them, a read-only session, a private replica, and change
 * detection on an injected clock. Connection and permission errors: postgres-source-errors.test.ts.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
let partial: PartialSource;
let database: PartialSource['database'];
let sourceUrl: string;
let cacheRoot: string;
let fixturePath: string;
let dir: { path: string };

beforeAll(async () => {
  partial = await createPartialSource('radar-pg-source-');
  ({ database, sourceUrl, cacheRoot, fixturePath } = partial);
  dir = { path: partial.dir };
});

afterAll(async () => {
  await partial.cleanup();
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

  it("removes the temp files a killed copy left behind, never a live process's or another source's", async () => {
    const root = join(dir.path, 'abandoned-cache');
    const source = await openSource(sourceUrl, { cacheRoot: root });
    const folder = join(root, 'replicas');
    const mine = basename(currentReplicaPath(root, source.label)).replace('.current.sqlite', '');
    // A pid that existed and has exited: what a killed `radar serve` leaves in a name.
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    const id = () => randomUUID();
    const planted = {
      killedCopy: `.${mine}-0123456789abcdef.sqlite.${gone}.${id()}.building`,
      killedLink: `${mine}.current.sqlite.${gone}.${id()}`,
      liveCopy: `.${mine}-0123456789abcdef.sqlite.${process.ppid}.${id()}.building`,
      otherSource: `.0000000000000000-0123456789abcdef.sqlite.${gone}.${id()}.building`,
    };
    for (const name of Object.values(planted)) writeFileSync(join(folder, name), 'partial copy');
    expect((await openSource(sourceUrl, { cacheRoot: root })).copied).toBe(false);
    const left = readdirSync(folder);
    expect(left).not.toContain(planted.killedCopy);
    expect(left).not.toContain(planted.killedLink);
    expect(left).toContain(planted.liveCopy);
    expect(left).toContain(planted.otherSource);
    const warehouse = openWarehouse(source.path);
    try {
      expect(warehouse.rowCount('activity')).toBe(4);
    } finally {
      warehouse.close();
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
