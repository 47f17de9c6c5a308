import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { formatAnswerText } from '../../src/commands/present-text.js';
import { resolveInvocation, runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { COLUMNS_READ } from '../../src/data/queries/columns-read.js';
import { loadSalesByEmail, reduceSalesByEmail } from '../../src/data/queries/customer-sales.js';
import { loadZoneInputs } from '../../src/data/queries/zone-inputs.js';
import { readTable, type SnapshotMode } from '../../src/data/read-table.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { openSnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { snapshotCacheDirectory, sourceIdentity } from '../../src/data/snapshot-cache/snapshot-cache-location.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-snapshot-cache-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The demo export opened twice: once reading SQLite only, once through a freshly built snapshot cache. */
function demoPair(): { plain: Warehouse; cached: Warehouse; root: string } {
  const path = ensureDemoWarehouse('full');
  const root = tempDir();
  const cached = openTestWarehouse(path);
  cached.snapshotCache = buildSnapshotCache(cached, root).cache;
  return { plain: openTestWarehouse(path), cached, root };
}

function modesOf(tableId: TableId): SnapshotMode[] {
  return 'snapshot' in WAREHOUSE_TABLES[tableId] ? ['latest', 'previous'] : ['all'];
}

const NOW = new Date('2026-11-23T10:00:00Z');

describe('data/snapshot-cache', () => {
  it('returns exactly the rows and read report SQLite returns, for every table, column and mode a query reads', () => {
    const { plain, cached } = demoPair();
    for (const [tableId, columns] of Object.entries(COLUMNS_READ) as [TableId, string[]][]) {
      for (const mode of modesOf(tableId)) {
        const options = { neededFor: 'the test', snapshot: mode };
        const fromSql = readTable(plain, tableId, columns as never[], options);
        const fromCache = readTable(cached, tableId, columns as never[], options);
        expect(fromCache.rows.length, `${tableId} ${mode}`).toBe(fromSql.rows.length);
        expect(fromCache, `${tableId} ${mode}`).toEqual(fromSql);
      }
    }
    expect(cached.snapshotCache?.misses).toBe(0);
  });

  it('keeps the messy cases: whitespace and case in emails, text numbers, unparseable timestamps, ties', () => {
    const dir = tempDir();
    const path = join(dir, 'messy.sqlite');
    const db = new Database(path);
    db.exec(`CREATE TABLE customer360__customer_value_analysis (
        primary_email TEXT, analysis_timestamp TEXT, churn_probability TEXT, customer_tier TEXT, recency_score REAL);
      INSERT INTO customer360__customer_value_analysis VALUES
        ('Jane@Acme.com',  '2024-05-01 10:00:00',  'n/a', 'Gold', 1),
        (' jane@acme.com ', '2024-05-01T10:00:00Z', '0.2', 'Gold', 2),
        ('jane@acme.com',  '2024-04-30 23:59:59',  '0.3', 'Gold', 3),
        ('bob@acme.com',   'not a date',           '0.4', ' Basic ', 4),
        ('bob@acme.com',   '2024-01-01',           '1e-1', NULL, NULL),
        (NULL,             '2024-01-01',           '0.9', 'Gold', 6),
        ('   ',            '2024-01-01',           '0.9', 'Gold', 7);`);
    db.close();
    const plain = openTestWarehouse(path);
    const cached = openTestWarehouse(path);
    cached.snapshotCache = buildSnapshotCache(cached, tempDir()).cache;
    const columns = ['primary_email', 'churn_probability', 'customer_tier', 'recency_score'] as const;
    for (const snapshot of ['latest', 'previous'] as const) {
      const fromSql = readTable(plain, 'value', columns, { neededFor: 'the test', snapshot });
      expect(readTable(cached, 'value', columns, { neededFor: 'the test', snapshot })).toEqual(fromSql);
    }
    const latest = readTable(cached, 'value', columns, { neededFor: 'the test' });
    // Worked by hand: jane's rows 1 and 2 tie on the instant, rowid 2 wins; bob's parsed 2024-01-01 beats 'not a date'.
    expect(latest.rows.map((r) => [r.rowid, r.primary_email, r.churn_probability])).toEqual([
      [2, 'jane@acme.com', 0.2],
      [5, 'bob@acme.com', 0.1],
    ]);
    // Row 1's 'n/a' is jane's second-latest row: counted in `previous` reads only.
    expect(latest.report.unreadableValues).toEqual({});
    const previous = readTable(cached, 'value', columns, { neededFor: 'x', snapshot: 'previous' });
    expect(previous.report.unreadableValues).toEqual({ churn_probability: 1 });
  });

  it('answers every command and the red-zone scan with the same text as SQLite, without falling back', async () => {
    const { plain, cached } = demoPair();
    const email = readTable(plain, 'value', ['primary_email'], { neededFor: 'the test' }).rows[0]?.primary_email;
    const invocations = [
      '/priority top 10',
      '/segment-anomalies',
      '/value-segments',
      `/customer ${email}`,
      '/conversion-cohort',
      '/investment-mismatch',
    ];
    for (const input of invocations) {
      const { command, text } = resolveInvocation(input, COMMANDS);
      const answers = [];
      for (const warehouse of [plain, cached]) {
        const outcome = await runCommand(command, text, { warehouse: () => warehouse, now: () => NOW, locale: 'en' });
        if (outcome.kind !== 'answer') throw new Error(`${input} answered with help`);
        answers.push({ text: formatAnswerText(outcome.answer), charts: outcome.answer.charts.map((c) => c.spec) });
      }
      expect(answers[1], input).toEqual(answers[0]);
    }
    expect(loadZoneInputs(cached, 'the scan')).toEqual(loadZoneInputs(plain, 'the scan'));
    expect(cached.snapshotCache?.salesByEmail()).toEqual(reduceSalesByEmail(plain));
    expect(loadSalesByEmail(cached).sales.size).toBeGreaterThan(1000);
    expect(cached.snapshotCache?.misses).toBe(0);
  });

  it('is built once per export: reused while the file is unchanged, rebuilt (old one removed) when it changes', () => {
    const dir = tempDir();
    const path = join(dir, 'w.sqlite');
    const db = new Database(path);
    db.exec(`CREATE TABLE customer360__customer_value_analysis (primary_email TEXT, analysis_timestamp TEXT, customer_tier TEXT);
      INSERT INTO customer360__customer_value_analysis VALUES ('a@x.com', '2024-05-01', 'Gold');`);
    db.close();
    const root = tempDir();
    const first = buildSnapshotCache(openTestWarehouse(path), root);
    expect(first.built).toBe(true);
    expect(buildSnapshotCache(openTestWarehouse(path), root).built).toBe(false);

    utimesSync(path, new Date('2026-01-01'), new Date('2026-01-02'));
    const second = buildSnapshotCache(openTestWarehouse(path), root);
    expect(second.built).toBe(true);
    expect(second.cache.directory).not.toBe(first.cache.directory);
    expect(openSnapshotCache(first.cache.directory, first.cache.manifest.source)).toBeUndefined();
    // A cache is only ever used for the exact file it was built from.
    expect(openSnapshotCache(second.cache.directory, { ...sourceIdentity(path), mtimeMs: 1 })).toBeUndefined();
  });

  it('falls back to SQLite, with the same numbers, when the cache lacks a column or its files are gone', () => {
    const { plain, cached } = demoPair();
    const cache = cached.snapshotCache;
    const notCached = Object.keys(WAREHOUSE_TABLES.value.columns).find((c) => !COLUMNS_READ.value?.includes(c));
    if (!notCached) throw new Error('every value column is cached; pick another table for this test');
    const columns = ['primary_email', notCached] as never[];
    expect(readTable(cached, 'value', columns, { neededFor: 'x' })).toEqual(
      readTable(plain, 'value', columns, { neededFor: 'x' }),
    );
    expect(cache?.misses).toBe(1);

    rmSync(join(cache?.directory ?? '', 'activity'), { recursive: true, force: true });
    const activity = (COLUMNS_READ.activity ?? []).slice(0, 3) as never[];
    expect(readTable(cached, 'activity', activity, { neededFor: 'x' })).toEqual(
      readTable(plain, 'activity', activity, { neededFor: 'x' }),
    );
    expect(cached.snapshotCache).toBeUndefined();
  });

  it('is picked up by the warehouse provider once a build has finished', () => {
    const path = ensureDemoWarehouse('full');
    const root = tempDir();
    let clock = 0;
    const provider = createWarehouseProvider(path, { cacheRoot: root, nowMs: () => clock });
    cleanups.push(() => provider.close());
    expect(provider.get().snapshotCache).toBeUndefined();
    buildSnapshotCache(openTestWarehouse(path), root);
    clock += 1_000;
    expect(provider.get().snapshotCache, 'checks again at most every 2 s').toBeUndefined();
    clock += 1_000;
    expect(provider.get().snapshotCache?.directory).toBe(snapshotCacheDirectory(root, sourceIdentity(path)));
  });
});
