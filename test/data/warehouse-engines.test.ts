import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { ensureDemoWarehouse } from '../../src/data/demo/index.js';
import { openSource } from '../../src/data/engines/open-source.js';
import { inspectWarehouse } from '../../src/data/inspect-warehouse.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { readTable } from '../../src/data/read-table.js';
import { type ColumnOf, TABLE_IDS, type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { loadIntoDuckdb } from '../helpers/load-into-duckdb.js';
import { loadIntoPostgres } from '../helpers/load-into-postgres.js';
import { createTestDatabase } from '../helpers/postgres-database.js';
import { createTempDir } from '../helpers/temp-dir.js';

/**
 * Issue 20's "Done when": the demo export (and its empty-funnel variant) loaded into each engine, messy values kept,
 * answers every command with the same figures as the SQLite export, and reads every table with the same read report
 * and the same cleaned rows.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const VARIANTS = ['full', 'empty-activity-funnel'] as const;
type Variant = (typeof VARIANTS)[number];

const INPUTS = [
  '/priority',
  '/priority top 20',
  '/priority zone=red',
  '/priority route=manual',
  '/priority segment=HV list',
  '/investment-mismatch',
  '/conversion-cohort',
  '/conversion-cohort zones',
  '/segment-anomalies',
  '/segment-anomalies all',
  '/value-segments',
  '/customer Hooli Group',
  '/radar',
  '/radar doctor',
];

interface EngineCase {
  readonly name: string;
  /** Loads the SQLite export into the engine and returns what RADAR_WAREHOUSE would say. */
  readonly load: (sqlitePath: string, variant: Variant) => Promise<string>;
}

const dir = createTempDir('radar-engines-');
let postgres: { url: string; drop: () => Promise<void> } | undefined;

const ENGINES: readonly EngineCase[] = [
  {
    name: 'postgres',
    load: async (sqlitePath, variant) => {
      postgres ??= await createTestDatabase();
      const schema = variant === 'full' ? 'marts' : 'marts_empty_funnel';
      await loadIntoPostgres(sqlitePath, postgres.url, schema);
      return `${postgres.url}?schema=${schema}`;
    },
  },
  {
    name: 'duckdb',
    load: async (sqlitePath, variant) => {
      const path = join(dir.path, `${variant}.duckdb`);
      await loadIntoDuckdb(sqlitePath, path);
      return path;
    },
  },
];

const opened: Warehouse[] = [];
/** What RADAR_WAREHOUSE says for each engine's copy of the full demo, for the CLI test. */
const fullDemoLocations = new Map<string, string>();
afterAll(async () => {
  for (const w of opened) w.close();
  await postgres?.drop();
  dir.cleanup();
});

function contextOf(warehouse: Warehouse): CommandContext {
  return { warehouse: () => warehouse, now: () => NOW, locale: 'en' };
}

/** What may differ between sources: where the data came from, never a figure. */
function withoutSource(json: Record<string, unknown>): Record<string, unknown> {
  if (json.command !== '/radar doctor') return json;
  const result = json.result as { health: Record<string, unknown> };
  const { path: _path, source: _source, sizeBytes: _size, ...health } = result.health;
  const sections = (json.sections as { title: string }[]).filter((s) => s.title !== 'Source');
  return { ...json, title: undefined, sections, result: { ...result, health } };
}

describe.each(ENGINES)('the $name engine', (engine) => {
  describe.each(VARIANTS)('on the %s demo', (variant) => {
    let fromSqlite: Warehouse;
    let fromEngine: Warehouse;

    beforeAll(async () => {
      const sqlitePath = ensureDemoWarehouse(variant);
      fromSqlite = openWarehouse(sqlitePath);
      const location = await engine.load(sqlitePath, variant);
      if (variant === 'full') fullDemoLocations.set(engine.name, location);
      const source = await openSource(location, { cacheRoot: join(dir.path, 'cache') });
      fromEngine = openWarehouse(source.path);
      opened.push(fromSqlite, fromEngine);
    });

    it('names the source, not the replica', () => {
      expect(fromEngine.source.kind).toBe(engine.name);
      expect(fromEngine.source.label).not.toContain('replica');
      expect(fromEngine.source.replica?.session).not.toBe('');
    });

    it.each(INPUTS)('%s answers with the same figures', async (input) => {
      const expected = JSON.parse((await ask(input, contextOf(fromSqlite), { json: true })).output);
      const actual = JSON.parse((await ask(input, contextOf(fromEngine), { json: true })).output);
      expect(withoutSource(actual)).toEqual(withoutSource(expected));
    });

    it.each(TABLE_IDS)('reads %s with the same report and the same cleaned rows', (tableId: TableId) => {
      const columns = Object.keys(WAREHOUSE_TABLES[tableId].columns).filter((c) =>
        fromSqlite.schema.tables.get(tableId)?.columns.has(c),
      ) as ColumnOf<TableId>[];
      for (const snapshot of ['latest', 'all'] as const) {
        const expected = readTable(fromSqlite, tableId, columns, { neededFor: 'the test', snapshot });
        const actual = readTable(fromEngine, tableId, columns, { neededFor: 'the test', snapshot });
        expect(actual.report).toEqual(expected.report);
        expect(actual.rows).toEqual(expected.rows);
      }
    });

    it('reports every table as the export does', () => {
      const { path: _a, source: _b, sizeBytes: _c, ...expected } = inspectWarehouse(fromSqlite);
      const { path: _d, source: _e, sizeBytes: _f, ...actual } = inspectWarehouse(fromEngine);
      expect(actual).toEqual(expected);
    });
  });
});

const repo = resolve(import.meta.dirname, '../..');

/** The real CLI entry point, as a user runs it. */
function radar(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      RADAR_WAREHOUSE: '',
      RADAR_CACHE_DIR: join(dir.path, 'cli-cache'),
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.each(ENGINES)('the CLI on the $name engine', (engine) => {
  it('runs radar prepare, radar doctor and /priority top 20 with --warehouse', () => {
    const location = fullDemoLocations.get(engine.name) as string;
    const prepare = radar('prepare', '--warehouse', location);
    expect(prepare.stderr).toBe('');
    expect(prepare.code).toBe(0);
    expect(prepare.stdout).toMatch(/into a private local replica|local replica of .* is up to date/);
    expect(prepare.stdout).toMatch(/Built the snapshot cache of /);
    const doctor = radar('doctor', '--warehouse', location);
    expect(doctor.stderr).toBe('');
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain('7 of 7 tables present');
    expect(doctor.stdout).toContain('read-only session');
    expect(doctor.stdout).toContain('Snapshot cache: ready');
    expect(doctor.stdout).not.toContain(join(dir.path, 'cli-cache'));
    const priority = radar('ask', '--warehouse', location, '/priority top 20');
    expect(priority.stderr).toBe('');
    expect(priority.code).toBe(0);
    expect(priority.stdout.split('\n')[0]).toMatch(/[.:!]$/);
    // The same leader and population as the export (the figures themselves are compared in-process above).
    expect(priority.stdout).toContain(' 1. Hooli Group — arjun_lopez3839@hotmail.com · priority 0.75');
    expect(priority.stdout).toContain('4,734 ranked customers');
  });
});
