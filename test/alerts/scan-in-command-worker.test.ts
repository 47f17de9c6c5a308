import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScanJob } from '../../src/alerts/alert-jobs.js';
import { PostgresAlertStore } from '../../src/alerts/postgres/postgres-alert-store.js';
import { DEFAULT_SCAN_CRON } from '../../src/alerts/schedules.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { createCommandPool } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import { createTestDatabase } from '../helpers/postgres-database.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('alerts: the scan in a command worker', () => {
  it('runs the scan job in a command worker with the same outcome as in-process, on the shared state file', async () => {
    const dir = tempDir();
    const warehousePath = ensureDemoWarehouse('full');
    const provider = createWarehouseProvider(warehousePath);
    const inProcessStore = SqliteAlertStore.open(join(dir, 'in-process.sqlite'), NOW);
    const scanner = createCommandPool({
      warehousePath,
      size: 1,
      scan: { stateDbPath: join(dir, 'worker.sqlite'), scanCron: DEFAULT_SCAN_CRON },
    });
    try {
      const expected = await runScanJob({
        store: inProcessStore,
        warehouse: provider.get,
        scanCron: DEFAULT_SCAN_CRON,
        now: NOW,
      });
      // A command first, as in `radar serve`: the scan then reads the structures /priority built in the same worker.
      const priority = COMMANDS.find((c) => c.slash === '/priority');
      if (priority === undefined) throw new Error('no /priority');
      await scanner.run(priority, '', { warehouse: provider.get, now: () => new Date(NOW), locale: 'en' });
      const inWorker = await scanner.runScan(NOW);
      expect(inWorker).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(inWorker.ran && inWorker.outcome.plan.baseline).toMatch(/^first scan/);

      // What the worker wrote is visible to the main thread's own connection, which drains the outbox.
      const mainStore = SqliteAlertStore.open(join(dir, 'worker.sqlite'), NOW);
      expect((await mainStore.activeAlerts()).length).toBe((await inProcessStore.activeAlerts()).length);
      // The same period never runs twice, whichever thread asks.
      expect(await scanner.runScan(NOW + 60_000)).toMatchObject({ ran: false });
      await mainStore.close();
    } finally {
      await scanner.close();
      await inProcessStore.close();
      provider.close();
    }
  });

  it('runs the scan job in a command worker on the Postgres state (RADAR_STATE_URL), visible to the main thread', async () => {
    const dir = tempDir();
    const database = await createTestDatabase();
    const warehousePath = ensureDemoWarehouse('full');
    const scanner = createCommandPool({
      warehousePath,
      size: 1,
      scan: { stateDbPath: join(dir, 'unused.sqlite'), stateUrl: database.url, scanCron: DEFAULT_SCAN_CRON },
    });
    const mainStore = await PostgresAlertStore.open(database.url, NOW, createLogger({ level: 'silent' }));
    try {
      const inWorker = await scanner.runScan(NOW);
      expect(inWorker.ran && inWorker.outcome.plan.baseline).toMatch(/^first scan/);
      const created = inWorker.ran ? inWorker.outcome.created.length : -1;
      expect((await mainStore.activeAlerts()).length).toBe(created);
      expect(await mainStore.outboxCounts()).toEqual({ pending: 1, dead: 0, delivered: 0 });
      expect(await scanner.runScan(NOW + 60_000)).toMatchObject({ ran: false });
    } finally {
      await scanner.close();
      await mainStore.close();
      await database.drop();
    }
  });
});
