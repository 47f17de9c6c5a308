import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import {
  DuckdbAmbiguousSchemaError,
  DuckdbLockedError,
  DuckdbMissingColumnError,
  DuckdbMissingTableError,
  DuckdbReadError,
  DuckdbTimeoutError,
  NotDuckdbError,
} from '../../src/data/duckdb-errors.js';
import { openDuckdbEngine } from '../../src/data/engines/duckdb-engine.js';
import { DuckdbInstanceHolder } from '../../src/data/engines/duckdb-session.js';
import type { WarehouseEngine } from '../../src/data/engines/warehouse-engine.js';
import { warehouseTimeoutMs } from '../../src/data/engines/warehouse-timeout.js';
import { WarehouseNotFoundError } from '../../src/data/warehouse-errors.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';
import { loadIntoDuckdb } from '../helpers/load-into-duckdb.js';
import { createTempDir, type TempDir } from '../helpers/temp-dir.js';

let dir: TempDir;
let demoSqlite: string;
let demoDuckdb: string;
let fixtureSqlite: string;
let fixtureDuckdb: string;

const ACTIVITY = 'customer360__customer_activity_metrics';
const SNAPSHOT = 'activity_analysis_timestamp';

/** A hand-checkable export whose columns hold what real exports hold: text in numbers, numbers as ids, NULLs. */
function writeFixture(path: string): void {
  createFixtureWarehouse(path, {
    activity: [
      {
        primary_email: ' Ann@X.io ',
        account_age_days: 12.5,
        active_30_days: 1,
        active_60_days: 1,
        [SNAPSHOT]: '2024-09-30',
      },
      {
        primary_email: 'bo@x.io',
        account_age_days: 'n/a',
        active_30_days: 0,
        active_60_days: 'yes',
        [SNAPSHOT]: '2024-09-30 08:00',
      },
      { primary_email: 'cy@x.io', account_age_days: 7, active_30_days: null, active_60_days: null, [SNAPSHOT]: null },
    ],
    mapping: [{ customer360_id: 'C1', marketo_lead_id: 42, stripe_customer_id: 3.5 }],
  });
}

async function withWriter(path: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function readAll(engine: WarehouseEngine, table: string, columns: readonly string[], batchRows = 1000) {
  const rows: unknown[][] = [];
  const sizes: number[] = [];
  for await (const batch of engine.streamRows(table, columns, batchRows)) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { rows, sizes };
}

/** Whether another process can open the file for writing right now, as a dbt run would. */
async function writerCanOpen(path: string): Promise<string> {
  const script = `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(path)})
    .then((db) => { db.closeSync(); console.log('opened'); }, (e) => console.log(e.message))`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (data) => {
    out += String(data);
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return out.trim();
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  dir = createTempDir('radar-duckdb-');
  demoSqlite = ensureDemoWarehouse('full');
  demoDuckdb = join(dir.path, 'demo.duckdb');
  await loadIntoDuckdb(demoSqlite, demoDuckdb);
  fixtureSqlite = join(dir.path, 'fixture.sqlite');
  writeFixture(fixtureSqlite);
  fixtureDuckdb = join(dir.path, 'fixture.duckdb');
  await loadIntoDuckdb(fixtureSqlite, fixtureDuckdb);
});

afterAll(() => dir.cleanup());

describe('data/engines/duckdb-engine on the demo export', () => {
  it('lists every table of the export with its columns in order, typed by the values each column holds', async () => {
    const engine = await openDuckdbEngine(demoDuckdb);
    const tables = await engine.listTables();
    await engine.close();
    const sqlite = new Database(demoSqlite, { readonly: true });
    const names = sqlite
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as unknown as string[];
    expect(tables.map((t) => t.name)).toEqual(names);
    for (const table of tables) {
      const columns = sqlite.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string; type: string }[];
      expect(table.columns.map((c) => c.name)).toEqual(columns.map((c) => c.name));
      // The second method: the set of storage classes SQLite reports for the column decides the DuckDB type.
      for (const [i, column] of table.columns.entries()) {
        const classes = sqlite
          .prepare(`SELECT DISTINCT typeof("${column.name}") FROM "${table.name}" WHERE "${column.name}" IS NOT NULL`)
          .pluck()
          .all() as string[];
        // With no values at all, the declared type (all of the demo's are TEXT, REAL or INTEGER).
        const declared = { TEXT: 'varchar', REAL: 'double', INTEGER: 'bigint' }[columns[i]?.type as string];
        const expected = classes.includes('text')
          ? 'varchar'
          : classes.includes('real')
            ? 'double'
            : classes.includes('integer')
              ? 'bigint'
              : declared;
        expect(`${table.name}.${column.name}:${column.type}`).toBe(`${table.name}.${column.name}:${expected}`);
      }
    }
    sqlite.close();
    // The demo's messy columns stay messy: text-declared numbers are text, REAL columns with text too.
    const activity = tables.find((t) => t.name === ACTIVITY);
    expect(activity?.columns.find((c) => c.name === 'composite_engagement_score')?.type).toBe('varchar');
    expect(activity?.columns.find((c) => c.name === 'active_30_days')?.type).toBe('bigint');
  });

  it('streams exactly the SQLite rows of every table, values and order, in batches of about the size asked', async () => {
    const engine = await openDuckdbEngine(demoDuckdb);
    const sqlite = new Database(demoSqlite, { readonly: true });
    let checked = 0;
    for (const table of await engine.listTables()) {
      const names = table.columns.map((c) => c.name);
      const { rows, sizes } = await readAll(engine, table.name, names, 5000);
      const expected = sqlite
        .prepare(`SELECT ${names.map((n) => `"${n}"`).join(', ')} FROM "${table.name}" ORDER BY rowid`)
        .raw()
        .all() as unknown[][];
      expect(rows.length).toBe(expected.length);
      // Text columns holding numbers carry them as Radar's SQLite reader prints them.
      const text = table.columns.map((c) => c.type === 'varchar');
      let mismatch: string | undefined;
      for (let r = 0; r < expected.length && mismatch === undefined; r++) {
        const want = (expected[r] as unknown[]).map((v, c) => (text[c] && typeof v === 'number' ? String(v) : v));
        const got = rows[r] as unknown[];
        for (let c = 0; c < want.length; c++) {
          if (!Object.is(got[c], want[c])) {
            mismatch = `${table.name} row ${r} ${names[c]}: ${String(got[c])} ≠ ${String(want[c])}`;
            break;
          }
        }
      }
      expect(mismatch).toBeUndefined();
      // DuckDB hands out chunks of 2048 rows; a batch closes at the first chunk that reaches the size asked.
      for (const size of sizes.slice(0, -1)) expect(size).toBeGreaterThanOrEqual(5000);
      for (const size of sizes) expect(size).toBeLessThan(5000 + 2048);
      checked += rows.length;
    }
    sqlite.close();
    await engine.close();
    expect(checked).toBe(117_981);
  });

  it('streams a chosen subset of columns in the order asked, matching names case-insensitively as DuckDB does', async () => {
    const engine = await openDuckdbEngine(fixtureDuckdb);
    const { rows } = await readAll(engine, ACTIVITY.toUpperCase(), [
      'ACCOUNT_AGE_DAYS',
      'primary_email',
      'active_60_days',
    ]);
    await engine.close();
    // Both mixed columns are text: a REAL 12.5 and 7 beside 'n/a', an INTEGER 1 beside 'yes'.
    expect(rows).toEqual([
      ['12.5', ' Ann@X.io ', '1'],
      ['n/a', 'bo@x.io', 'yes'],
      ['7', 'cy@x.io', null],
    ]);
  });
});

describe('data/engines/duckdb-engine values and state', () => {
  it('keeps the hand-made fixture’s messy values: mixed columns are text, numeric ids as SQLite’s text, NULLs', async () => {
    const engine = await openDuckdbEngine(fixtureDuckdb);
    const tables = await engine.listTables();
    const activity = tables.find((t) => t.name === ACTIVITY);
    expect(activity?.columns.find((c) => c.name === 'account_age_days')?.type).toBe('varchar');
    expect(activity?.columns.find((c) => c.name === 'active_30_days')?.type).toBe('bigint');
    // An empty table keeps its declared types, as a dbt model with no rows would, and streams no batch at all.
    const funnel = tables.find((t) => t.name === 'customer360__conversion_funnel_analysis');
    const typeOf = (name: string) => funnel?.columns.find((c) => c.name === name)?.type;
    expect([typeOf('primary_email'), typeOf('account_age_days'), typeOf('reached_awareness')]).toEqual([
      'varchar',
      'double',
      'bigint',
    ]);
    expect(await readAll(engine, 'customer360__conversion_funnel_analysis', ['primary_email'])).toEqual({
      rows: [],
      sizes: [],
    });
    const mapping = await readAll(engine, 'customer360__mapping', [
      'customer360_id',
      'marketo_lead_id',
      'stripe_customer_id',
      'zendesk_user_id',
    ]);
    const activityRows = await readAll(engine, ACTIVITY, ['active_30_days', SNAPSHOT]);
    await engine.close();
    // Numbers written into TEXT-declared id columns are the text SQLite stored for them (its affinity), not numbers.
    expect(mapping.rows).toEqual([['C1', '42.0', '3.5', null]]);
    expect(activityRows.rows).toEqual([
      [1, '2024-09-30'],
      [0, '2024-09-30 08:00'],
      [null, null],
    ]);
  });

  it('reads text exactly whether text columns come packed in JSON or one by one', async () => {
    const path = join(dir.path, 'text.duckdb');
    await withWriter(
      path,
      `CREATE TABLE customer360__text (a VARCHAR, n BIGINT, b VARCHAR, c VARCHAR);
       INSERT INTO customer360__text VALUES
         ('say "hi"', 1, 'back\\slash', 'line' || chr(10) || 'break' || chr(9) || 'tab'),
         ('nul' || chr(0) || 'in', 9007199254740993, 'sep' || chr(8232) || 'x', '😀 Иван ZOË'),
         ('', NULL, '  ', NULL),
         (NULL, -2, NULL, NULL);`,
    );
    const expected = [
      ['say "hi"', 1, 'back\\slash', 'line\nbreak\ttab'],
      ['nul\u0000in', 9007199254740993n, 'sep\u2028x', '😀 Иван ZOË'],
      ['', null, '  ', null],
      [null, -2, null, null],
    ];
    for (const packText of [true, false]) {
      const engine = await openDuckdbEngine(path, { packText });
      const { rows } = await readAll(engine, 'customer360__text', ['a', 'n', 'b', 'c']);
      // The columns in another order than stored, and one text column alone.
      const reordered = await readAll(engine, 'customer360__text', ['c', 'n', 'a']);
      const alone = await readAll(engine, 'customer360__text', ['b']);
      await engine.close();
      expect(rows).toEqual(expected);
      expect(reordered.rows).toEqual(expected.map(([a, n, , c]) => [c, n, a]));
      expect(alone.rows).toEqual(expected.map(([, , b]) => [b]));
    }
  });

  it('converts each DuckDB type to the interface’s values', async () => {
    const path = join(dir.path, 'types.duckdb');
    await withWriter(
      path,
      `CREATE TABLE customer360__types (
         v VARCHAR, d DOUBLE, f FLOAT, dec DECIMAL(10, 2), wide DECIMAL(38, 10), i INTEGER, big BIGINT, huge HUGEINT,
         b BOOLEAN, day DATE, ts TIMESTAMP, tz TIMESTAMPTZ, ms TIMESTAMP_MS, s TIMESTAMP_S, ns TIMESTAMP_NS);
       SET TimeZone = 'Asia/Shanghai';
       INSERT INTO customer360__types VALUES
         ('Gold ', 0.1, 0.1, 12.50, 12345678901234567890.1234567891, -7, 9007199254740993, 42,
          true, DATE '2024-02-29', TIMESTAMP '2024-09-30 08:15:00.25', TIMESTAMPTZ '2024-09-30 08:00:00+08',
          TIMESTAMP_MS '2024-09-30 08:15:00.123', TIMESTAMP_S '2024-09-30 08:15:07',
          TIMESTAMP_NS '2024-09-30 08:15:00.123456789'),
         (NULL, NULL, NULL, NULL, 1.5, NULL, 9007199254740991, -170141183460469231731687303715884105727,
          false, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.5', NULL, NULL, NULL, NULL);`,
    );
    const engine = await openDuckdbEngine(path);
    const [table] = await engine.listTables();
    expect(table?.columns.map((c) => c.type)).toEqual([
      'varchar',
      'double',
      'float',
      'decimal(10,2)',
      'decimal(38,10)',
      'integer',
      'bigint',
      'hugeint',
      'boolean',
      'date',
      'timestamp',
      'timestamp with time zone',
      'timestamp_ms',
      'timestamp_s',
      'timestamp_ns',
    ]);
    const { rows } = await readAll(engine, 'customer360__types', table?.columns.map((c) => c.name) ?? []);
    await engine.close();
    expect(rows).toEqual([
      [
        'Gold ',
        0.1,
        0.1,
        12.5,
        '12345678901234567890.1234567891',
        -7,
        9007199254740993n,
        42,
        1,
        '2024-02-29',
        '2024-09-30T08:15:00.25',
        '2024-09-30T00:00:00+00:00',
        '2024-09-30T08:15:00.123',
        '2024-09-30T08:15:07',
        '2024-09-30T08:15:00.123456789',
      ],
      [
        null,
        null,
        null,
        null,
        1.5,
        null,
        9007199254740991,
        -170141183460469231731687303715884105727n,
        0,
        '1969-12-31',
        '1969-12-31T23:59:59.5',
        null,
        null,
        null,
        null,
      ],
    ]);
  });

  it('streams a table of several row groups in stored order, with rows deleted and appended later', async () => {
    const path = join(dir.path, 'order.duckdb');
    // 300 000 rows are three of DuckDB's row groups, scanned by several threads.
    await withWriter(
      path,
      `CREATE TABLE customer360__order AS SELECT range AS id FROM range(300000);
       DELETE FROM customer360__order WHERE id % 1000 = 7;
       INSERT INTO customer360__order VALUES (-1), (-2);`,
    );
    const engine = await openDuckdbEngine(path);
    const { rows } = await readAll(engine, 'customer360__order', ['id'], 50_000);
    await engine.close();
    const expected: number[] = [];
    for (let id = 0; id < 300_000; id++) if (id % 1000 !== 7) expected.push(id);
    expected.push(-1, -2);
    expect(rows.length).toBe(expected.length);
    expect(rows.every((row, i) => row[0] === expected[i])).toBe(true);
  });

  it('fingerprints row counts and the latest snapshot: stable when nothing changed, new when a row is added', async () => {
    const copy = join(dir.path, 'fingerprint.duckdb');
    copyFileSync(fixtureDuckdb, copy);
    const targets = [
      { table: ACTIVITY, snapshotColumn: SNAPSHOT },
      { table: 'customer360__mapping' },
      { table: 'customer360__not_built_yet' },
    ];
    const fingerprint = async () => {
      const engine = await openDuckdbEngine(copy);
      try {
        return await engine.fingerprint(targets);
      } finally {
        await engine.close();
      }
    };
    const first = await fingerprint();
    expect(first).toMatch(/^duckdb:[0-9a-f]{32}$/);
    expect(await fingerprint()).toBe(first);
    await withWriter(copy, `INSERT INTO customer360__mapping (customer360_id) VALUES ('C2')`);
    const afterInsert = await fingerprint();
    expect(afterInsert).not.toBe(first);
    // Same row counts, newer snapshot: a re-run of the model that replaced rows.
    await withWriter(copy, `UPDATE ${ACTIVITY} SET ${SNAPSHOT} = '2024-10-31' WHERE primary_email = 'cy@x.io'`);
    const afterSnapshot = await fingerprint();
    expect(afterSnapshot).not.toBe(afterInsert);
    // A table that appears changes it too.
    await withWriter(copy, 'CREATE TABLE customer360__not_built_yet (x INTEGER)');
    expect(await fingerprint()).not.toBe(afterSnapshot);
  });

  it('holds the file only while it reads: streams share it, and a reader that stops early lets a writer in', async () => {
    const path = join(dir.path, 'release.duckdb');
    copyFileSync(demoDuckdb, path);
    const engine = await openDuckdbEngine(path);
    const [mapping, address] = await Promise.all([
      readAll(engine, 'customer360__mapping', ['customer360_id'], 5000),
      readAll(engine, 'customer360__address', ['customer360_id', 'priority'], 5000),
    ]);
    expect([mapping.rows.length, address.rows.length]).toEqual([13_376, 4281]);
    for await (const batch of engine.streamRows(ACTIVITY, ['primary_email'], 2048)) {
      expect(batch.length).toBe(2048);
      break;
    }
    // The engine is still open, but nothing is reading: a dbt run (another process) can open the file to write.
    expect(await writerCanOpen(path)).toBe('opened');
    await engine.close();
  });

  it('is read-only: a write through its connection fails and the file is byte-for-byte unchanged', async () => {
    const before = sha(fixtureDuckdb);
    const modified = statSync(fixtureDuckdb).mtimeMs;
    const engine = await openDuckdbEngine(fixtureDuckdb);
    for (const table of await engine.listTables()) {
      await readAll(
        engine,
        table.name,
        table.columns.map((c) => c.name),
      );
    }
    await engine.fingerprint([{ table: ACTIVITY, snapshotColumn: SNAPSHOT }]);
    expect(await engine.describeSession()).toBe('access_mode = read_only, enable_external_access = false');
    await engine.close();
    const session = await new DuckdbInstanceHolder(fixtureDuckdb).connect();
    try {
      await expect(session.connection.run(`DELETE FROM ${ACTIVITY}`)).rejects.toThrow(/read-only/);
      await expect(session.connection.run('CREATE TABLE x (y INTEGER)')).rejects.toThrow(/read-only/);
      // Nor can SQL reach other files, or turn that back on.
      await expect(session.connection.run(`SELECT * FROM read_csv('${fixtureSqlite}')`)).rejects.toThrow(/disabled/);
      await expect(session.connection.run('SET enable_external_access = true')).rejects.toThrow(/locked/);
    } finally {
      session.close();
    }
    expect(sha(fixtureDuckdb)).toBe(before);
    expect(statSync(fixtureDuckdb).mtimeMs).toBe(modified);
    expect(existsSync(`${fixtureDuckdb}.wal`)).toBe(false);
  });
});

describe('data/engines/duckdb-engine schemas', () => {
  it('reads main when it holds the marts, else the one schema that does, and says which in its label', async () => {
    const path = join(dir.path, 'schemas.duckdb');
    await withWriter(
      path,
      `CREATE SCHEMA marts; CREATE TABLE marts.customer360__mapping (customer360_id VARCHAR);
       INSERT INTO marts.customer360__mapping VALUES ('M1');
       CREATE TABLE main.staging_thing (x INTEGER);`,
    );
    const engine = await openDuckdbEngine(path);
    expect(engine.label).toBe(`${path} (schema marts)`);
    expect((await engine.listTables()).map((t) => t.name)).toEqual(['customer360__mapping']);
    expect((await readAll(engine, 'customer360__mapping', ['customer360_id'])).rows).toEqual([['M1']]);
    await engine.close();

    await withWriter(path, `CREATE TABLE main.customer360__mapping (customer360_id VARCHAR)`);
    const main = await openDuckdbEngine(path);
    expect(main.label).toBe(path);
    expect((await main.listTables()).map((t) => t.name)).toEqual(['customer360__mapping', 'staging_thing']);
    await main.close();
  });

  it('refuses to guess between several schemas holding marts when main holds none', async () => {
    const path = join(dir.path, 'ambiguous.duckdb');
    await withWriter(
      path,
      `CREATE SCHEMA marts; CREATE SCHEMA marts_old;
       CREATE TABLE marts.customer360__mapping (customer360_id VARCHAR);
       CREATE TABLE marts_old.customer360__mapping (customer360_id VARCHAR);`,
    );
    const error = await openDuckdbEngine(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckdbAmbiguousSchemaError);
    expect((error as Error).message).toMatch(/several schemas \(marts, marts_old\).*Build the marts into `main`/);
  });
});

describe('data/engines/duckdb-engine errors', () => {
  it('says a missing file is missing and does not create it', async () => {
    const path = join(dir.path, 'nowhere', 'marts.duckdb');
    await expect(openDuckdbEngine(path)).rejects.toThrow(WarehouseNotFoundError);
    await expect(openDuckdbEngine(path)).rejects.toThrow(/No warehouse file at .*RADAR_WAREHOUSE/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses files that are not DuckDB databases: text, a SQLite export, an empty file, a folder', async () => {
    const text = join(dir.path, 'export.duckdb');
    writeFileSync(text, 'primary_email,churn\na@x.io,0.2\n'.repeat(20));
    await expect(openDuckdbEngine(text)).rejects.toThrow(NotDuckdbError);
    await expect(openDuckdbEngine(text)).rejects.toThrow(/not a DuckDB database \(it does not start with/);
    await expect(openDuckdbEngine(fixtureSqlite)).rejects.toThrow(/not a DuckDB database \(it is a SQLite file/);
    const empty = join(dir.path, 'empty.duckdb');
    writeFileSync(empty, '');
    await expect(openDuckdbEngine(empty)).rejects.toThrow(/the file is empty/);
    const folder = join(dir.path, 'folder.duckdb');
    mkdirSync(folder);
    await expect(openDuckdbEngine(folder)).rejects.toThrow(DuckdbReadError);
    await expect(openDuckdbEngine(folder)).rejects.toThrow(/it is a folder, not a file/);
  });

  it('says a damaged or truncated DuckDB file cannot be read, and what to do', async () => {
    const damaged = join(dir.path, 'damaged.duckdb');
    const bytes = Buffer.alloc(64 * 1024, 0x5a);
    readFileSync(fixtureDuckdb).copy(bytes, 0, 0, 16);
    writeFileSync(damaged, bytes);
    await expect(openDuckdbEngine(damaged)).rejects.toThrow(DuckdbReadError);
    await expect(openDuckdbEngine(damaged)).rejects.toThrow(/Corrupt database file.*rebuild it \(dbt run\) or copy it/);
    const truncated = join(dir.path, 'truncated.duckdb');
    const whole = readFileSync(demoDuckdb);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const readEverything = async () => {
      const engine = await openDuckdbEngine(truncated);
      for (const table of await engine.listTables()) {
        await readAll(
          engine,
          table.name,
          table.columns.map((c) => c.name),
          100_000,
        );
      }
    };
    await expect(readEverything()).rejects.toThrow(/could not read the warehouse .*Could not read enough bytes/);
  });

  it('says a file another process has open for writing is locked, naming the process, not an internal error', async () => {
    const path = join(dir.path, 'locked.duckdb');
    copyFileSync(fixtureDuckdb, path);
    // DuckDB's lock is per process, so the writer has to be another process.
    const writer = spawn(
      process.execPath,
      [
        '-e',
        `require('@duckdb/node-api').DuckDBInstance.create(${JSON.stringify(path)}).then(() => console.log('open'));
         process.stdin.on('data', () => {}); process.stdin.on('end', () => process.exit(0));`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.once('data', () => resolve());
        writer.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
      });
      const error = await openDuckdbEngine(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuckdbLockedError);
      expect((error as Error).message).toMatch(
        new RegExp(`open for writing by another process: \\S*node \\(PID ${writer.pid}\\)\\. DuckDB lets no one read`),
      );
      expect((error as Error).message).toMatch(/Wait for that process to finish/);
    } finally {
      writer.stdin.end();
      await new Promise((resolve) => writer.once('exit', resolve));
    }
    // Once the writer is gone, the same file opens.
    const engine = await openDuckdbEngine(path);
    expect((await engine.listTables()).length).toBe(7);
    await engine.close();
  });

  it('names a missing table and missing columns, and what to do', async () => {
    const engine = await openDuckdbEngine(fixtureDuckdb);
    await expect(readAll(engine, 'customer360__nope', ['x'])).rejects.toThrow(DuckdbMissingTableError);
    await expect(readAll(engine, 'customer360__nope', ['x'])).rejects.toThrow(
      /has no table `customer360__nope`\. Build that dbt model/,
    );
    const error = await readAll(engine, ACTIVITY, ['primary_email', 'churn', 'ltv']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckdbMissingColumnError);
    expect((error as Error).message).toMatch(/lacks columns `churn`, `ltv`\. Add them to the dbt model/);
    await engine.close();
  });

  it('stops a read that takes longer than the timeout and says how to allow more time', async () => {
    const path = join(dir.path, 'slow.duckdb');
    // A view whose count takes minutes; the deadline interrupts it.
    await withWriter(
      path,
      `CREATE VIEW customer360__slow AS
         SELECT a.range AS x FROM range(1000000) a, range(1000000) b WHERE a.range + b.range = 7`,
    );
    // The setting every warehouse engine reads; a value that is not a positive number leaves the default.
    expect([warehouseTimeoutMs({}), warehouseTimeoutMs({ RADAR_WAREHOUSE_TIMEOUT_MS: 'soon' })]).toEqual([
      120_000, 120_000,
    ]);
    const saved = process.env.RADAR_WAREHOUSE_TIMEOUT_MS;
    // Long enough for the catalogue queries around it on a busy machine, far shorter than the view's count.
    process.env.RADAR_WAREHOUSE_TIMEOUT_MS = '1500';
    const engine = await openDuckdbEngine(path).finally(() => {
      if (saved === undefined) delete process.env.RADAR_WAREHOUSE_TIMEOUT_MS;
      else process.env.RADAR_WAREHOUSE_TIMEOUT_MS = saved;
    });
    const started = process.hrtime.bigint();
    const error = await engine.fingerprint([{ table: 'customer360__slow' }]).catch((e: unknown) => e);
    const tookMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(error).toBeInstanceOf(DuckdbTimeoutError);
    expect((error as Error).message).toMatch(
      /the row counts .* took longer than 1\.5 s.*RADAR_WAREHOUSE_TIMEOUT_MS \(now 1500\)/,
    );
    expect(tookMs).toBeLessThan(10_000);
    // The engine still answers after an interrupted query.
    expect((await engine.listTables()).map((t) => t.name)).toEqual(['customer360__slow']);
    await expect(readAll(engine, 'customer360__slow', ['x'])).rejects.toThrow(DuckdbTimeoutError);
    await engine.close();
  });
});
