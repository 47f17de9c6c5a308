import { afterEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../src/alerts/deliver-outbox.js';
import { PgDatabase } from '../../src/alerts/postgres/pg-client.js';
import { migratePg, PG_MIGRATIONS } from '../../src/alerts/postgres/pg-migrations.js';
import { PostgresAlertStore } from '../../src/alerts/postgres/postgres-alert-store.js';
import { createLogger } from '../../src/logging.js';
import { createTestDatabase, queryDatabase } from '../helpers/postgres-database.js';
import { TcpProxy } from '../helpers/tcp-proxy.js';
import { customer, HOUR, T0 } from './alert-fixtures.js';
import { scan } from './scan-helpers.js';

const silent = createLogger({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<string> {
  const db = await createTestDatabase();
  cleanups.push(db.drop);
  return db.url;
}

/** Two instances' stores on one database (two pools, as two processes have). */
async function twoInstances(url: string, now = T0) {
  const a = await PostgresAlertStore.open(url, now, silent);
  const b = await PostgresAlertStore.open(url, now, silent);
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  return { a, b };
}

const reds = (n: number) => Array.from({ length: n }, (_, i) => customer(`r${i}@x.com`, 'red', { rank: i + 1 }));

describe('alerts/Postgres store across instances', () => {
  it('migrates once when two instances start at once', async () => {
    const url = await database();
    const dbs = [new PgDatabase(url, silent), new PgDatabase(url, silent)];
    cleanups.push(async () => {
      for (const db of dbs) await db.close();
    });
    const applied = await Promise.all(dbs.map((db) => db.withClient('migrate', (c) => migratePg(c, T0))));
    const all = PG_MIGRATIONS.map((m) => m.version);
    expect([...applied].sort((x, y) => y.length - x.length)).toEqual([all, []]);
    const rows = await queryDatabase<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY 1');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('runs a scan period once when both instances scan it at the same moment', async () => {
    const { a, b } = await twoInstances(await database());
    const outcomes = await Promise.all([scan(a, reds(3), T0), scan(b, reds(3), T0)]);
    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
    expect(await a.activeAlerts()).toHaveLength(3);
    expect(await b.outboxCounts()).toEqual({ pending: 1, dead: 0, delivered: 0 });
  });

  it('leases each outbox entry to one instance (SKIP LOCKED), and hands a dead instance’s lease over on expiry', async () => {
    const { a, b } = await twoInstances(await database(), T0 - HOUR);
    const greens = reds(8).map((c) => customer(c.key, 'green'));
    await scan(a, [customer('k@x.com', 'green'), ...greens], T0 - HOUR);
    await scan(a, [customer('k@x.com', 'green'), ...reds(8)], T0);
    const [fromA, fromB] = await Promise.all([a.claimOutbox(T0, LEASE_MS, 5), b.claimOutbox(T0, LEASE_MS, 5)]);
    const ids = [...(fromA ?? []), ...(fromB ?? [])].map((e) => e.id);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    // Nobody completes: before the lease ends nothing is handed out again, after it B takes all eight over.
    expect(await b.claimOutbox(T0 + LEASE_MS - 1, LEASE_MS, 20)).toEqual([]);
    const takenOver = await b.claimOutbox(T0 + LEASE_MS, LEASE_MS, 20);
    expect(takenOver.map((e) => e.id).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    expect(takenOver.every((e) => e.attempts === 2 && e.uncertainSince === T0)).toBe(true);
  });

  it('changes an alert once when the same button press reaches both instances', async () => {
    const url = await database();
    const { a, b } = await twoInstances(url, T0 - HOUR);
    await scan(a, [customer('k@x.com', 'green')], T0 - HOUR);
    const created = await scan(a, [customer('k@x.com', 'green'), ...reds(1)], T0);
    const alertId = created?.created[0]?.id ?? -1;
    const press = { alertId, actor: 'U1', now: T0 + HOUR };
    const acks = await Promise.all([a.acknowledge(press), b.acknowledge(press)]);
    expect(acks.map((r) => r.kind).sort()).toEqual(['changed', 'unchanged']);
    const note = { ...press, note: 'Called', requestKey: 'V1' };
    const notes = await Promise.all([a.logIntervention(note), b.logIntervention(note)]);
    expect(notes.map((r) => r.kind).sort()).toEqual(['changed', 'unchanged']);
    const assign = { ...press, assignee: 'U7' };
    const assigns = await Promise.all([a.assign(assign), b.assign(assign)]);
    expect(assigns.map((r) => r.kind).sort()).toEqual(['changed', 'unchanged']);
    expect(await b.interventionsSince(T0)).toHaveLength(1);
    const dms = await queryDatabase<{ dedupe_key: string }>(
      url,
      "SELECT dedupe_key FROM outbox WHERE dedupe_key LIKE 'assigned-dm:%'",
    );
    expect(dms).toHaveLength(1);
  });

  it('survives losing the connection (a Postgres restart): logs it, retries with backoff, then succeeds', async () => {
    const url = new URL(await database());
    const proxy = await TcpProxy.start(Number(url.port));
    cleanups.push(() => proxy.stop());
    const lines: string[] = [];
    let onLine: (() => void) | undefined;
    const logger = createLogger({
      level: 'warn',
      destination: {
        write(line: string) {
          lines.push(line);
          onLine?.();
        },
      },
    });
    url.port = String(proxy.port);
    const store = await PostgresAlertStore.open(url.toString(), T0, logger);
    cleanups.push(() => store.close());
    expect(await scan(store, reds(2), T0)).not.toBeNull();

    await proxy.cut();
    const retried = new Promise<void>((resolve) => {
      onLine = resolve;
    });
    const pending = store.activeAlerts();
    await retried; // the first failure was logged: Postgres is "back" now
    await proxy.restore();
    expect(await pending).toHaveLength(2);
    expect(lines.join('')).toMatch(/Postgres unavailable \(connection lost, restarting\).*retrying with backoff/);
  });
});
