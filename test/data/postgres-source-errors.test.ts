import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSource } from '../../src/data/engines/open-source.js';
import { parsePostgresUrl } from '../../src/data/engines/postgres-engine.js';
import { translatePostgresError } from '../../src/data/engines/postgres-errors.js';
import { recogniseSource } from '../../src/data/engines/source-kind.js';
import {
  UnsupportedSourceError,
  WarehouseAuthError,
  WarehouseDatabaseNotFoundError,
  WarehousePermissionError,
  WarehouseSchemaNotFoundError,
  WarehouseTimeoutError,
  WarehouseUnreachableError,
} from '../../src/data/warehouse-source-errors.js';
import { getFreePort } from '../helpers/free-port.js';
import { createPartialSource, type PartialSource, withDatabase } from '../helpers/partial-postgres-source.js';
import { queryDatabase } from '../helpers/postgres-database.js';

/**
 * What a person is told when a Postgres source cannot be read (server down, wrong password, unknown database or
 * schema, missing grants, timeout) and when RADAR_WAREHOUSE names something Radar does not read: one message saying
 * what is wrong and what to do, never the password.
 */

const suffix = Math.random().toString(16).slice(2, 8);
const roles = { noSelect: `radar_nosel_${suffix}`, noUsage: `radar_nousage_${suffix}` };
let partial: PartialSource;
let database: PartialSource['database'];
let sourceUrl: string;
let cacheRoot: string;
let fixturePath: string;
let dir: { path: string };

beforeAll(async () => {
  partial = await createPartialSource('radar-pg-errors-');
  ({ database, sourceUrl, cacheRoot, fixturePath } = partial);
  dir = { path: partial.dir };
  const dbName = new URL(database.url).pathname.slice(1);
  await queryDatabase(database.url, `CREATE ROLE ${roles.noSelect} LOGIN`);
  await queryDatabase(database.url, `CREATE ROLE ${roles.noUsage} LOGIN`);
  await queryDatabase(database.url, `GRANT CONNECT ON DATABASE ${dbName} TO ${roles.noSelect}, ${roles.noUsage}`);
  await queryDatabase(database.url, `GRANT USAGE ON SCHEMA partial TO ${roles.noSelect}`);
});

afterAll(async () => {
  const adminUrl = database.url.replace(/\/[^/?]+(\?|$)/, '/postgres$1');
  await partial.cleanup();
  await queryDatabase(adminUrl, `DROP ROLE IF EXISTS ${roles.noSelect}, ${roles.noUsage}`);
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
