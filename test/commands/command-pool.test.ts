import { afterAll, describe, expect, it } from 'vitest';
import { accountListLength } from '../../src/commands/account-list.js';
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

  it("sends only what a message shows for parts 'shown': the list's count and columns, not its rows or data", async () => {
    const inProcess = await inProcessCommandExecutor.run(command('/priority'), 'route=manual', context);
    const shown = await pool.run(command('/priority'), 'route=manual', context, { parts: 'shown' });
    if (inProcess.kind !== 'answer' || shown.kind !== 'answer') throw new Error('expected answers');
    const whole = inProcess.answer.lead?.list;
    const sent = shown.answer.lead?.list;
    if (whole === undefined || sent === undefined) throw new Error('expected a list');
    // The demo has 25 manual-route accounts (the Slack button says "List all 25").
    expect(accountListLength(sent)).toBe(25);
    expect(whole.rows).toHaveLength(25);
    expect(sent.columns).toEqual(whole.columns);
    expect(() => sent.rows).toThrow(/stayed in the command worker/);
    expect(shown.answer.data).toBeNull();
    // Everything else is the whole answer's.
    const { list: _sentList, ...shownLead } = shown.answer.lead ?? {};
    const { list: _wholeList, ...wholeLead } = inProcess.answer.lead ?? {};
    expect(shownLead).toEqual(JSON.parse(JSON.stringify(wholeLead)));
    const { lead: _l1, data: _d1, ...shownRest } = shown.answer;
    const { lead: _l2, data: _d2, ...wholeRest } = inProcess.answer;
    expect(shownRest).toEqual(JSON.parse(JSON.stringify(wholeRest)));
  });

  it("sends the list's rows for parts 'shown' when the command asks for them (`list`)", async () => {
    const inProcess = await inProcessCommandExecutor.run(command('/priority'), 'route=manual list', context);
    const shown = await pool.run(command('/priority'), 'route=manual list', context, { parts: 'shown' });
    if (inProcess.kind !== 'answer' || shown.kind !== 'answer') throw new Error('expected answers');
    expect(shown.answer.lead?.list?.rows).toEqual(inProcess.answer.lead?.list?.rows);
    expect(shown.answer.lead?.list?.rows).toHaveLength(25);
  });
});
