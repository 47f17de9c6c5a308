import { afterAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { createCommandPool, inProcessCommandExecutor } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { isRadarError } from '../../src/errors.js';

const warehousePath = ensureDemoWarehouse('full');
const provider = createWarehouseProvider(warehousePath);
const now = new Date('2026-11-23T09:00:00Z');
const context: CommandContext = { warehouse: provider.get, now: () => now, locale: 'en' };
const pool = createCommandPool({ warehousePath, size: 1 });

afterAll(async () => {
  await pool.close();
  provider.close();
});

const command = (slash: string) => {
  const found = COMMANDS.find((c) => c.slash === slash);
  if (!found) throw new Error(`no ${slash}`);
  return found;
};

describe('commands/command-pool', () => {
  it.each([
    ['/segment-anomalies', 'all'],
    ['/priority', 'top 5 segment=HV'],
    ['/conversion-cohort', 'zones'],
    ['/customer', 'Hooli'],
    ['/radar', 'doctor'],
    ['/investment-mismatch', ''],
    ['/value-segments', ''],
  ])('answers %s %s in a worker exactly as in-process', async (slash, text) => {
    const inWorker = await pool.run(command(slash), text, context);
    const inProcess = await inProcessCommandExecutor.run(command(slash), text, context);
    expect(inWorker).toEqual(JSON.parse(JSON.stringify(inProcess)));
  });

  it('rebuilds usage and warehouse errors thrown in the worker as RadarErrors with their code and message', async () => {
    const usage = await pool.run(command('/priority'), 'colour=red', context).catch((e: unknown) => e);
    expect(isRadarError(usage)).toBe(true);
    expect(usage).toMatchObject({ code: 'usage', exitCode: 2 });
    expect((usage as Error).message).toMatch(/Unknown option `colour`/);

    const missing = createCommandPool({ warehousePath: '/nonexistent/w.sqlite', size: 1 });
    try {
      const error = await missing.run(command('/priority'), '', context).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'warehouse_not_found' });
      expect((error as Error).message).toMatch(/No warehouse file at \/nonexistent\/w\.sqlite/);
    } finally {
      await missing.close();
    }
  });

  it('passes the open alerts to /customer in the worker', async () => {
    const withAlerts = createCommandPool({
      warehousePath,
      size: 1,
      openAlerts: () => [
        {
          customerKey: 'arjun_lopez3839@hotmail.com',
          state: 'open',
          detectedAt: '2026-11-22T10:00:00.000Z',
          assignee: null,
        },
      ],
    });
    try {
      const outcome = await withAlerts.run(command('/customer'), 'arjun_lopez3839@hotmail.com', context);
      expect(JSON.stringify(outcome)).toMatch(/2026-11-22/);
    } finally {
      await withAlerts.close();
    }
  });
});
