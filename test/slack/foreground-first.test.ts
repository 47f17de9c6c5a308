import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertRuntime } from '../../src/alerts/alert-runtime.js';
import { startSchedules } from '../../src/alerts/scheduler.js';
import { DEFAULT_SCAN_CRON } from '../../src/alerts/schedules.js';
import { createCommandPool } from '../../src/commands/command-pool.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { keepSnapshotCacheFresh } from '../../src/data/snapshot-cache/snapshot-cache-keeper.js';
import { createLogger } from '../../src/logging.js';
import { ForegroundFirst } from '../../src/workers/foreground-first.js';
import { FAKE_CHANNELS, FAKE_USERS } from '../helpers/fake-slack/index.js';
import { sendSlashCommand } from '../helpers/slack-requests.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTinyRadar, type TinyRadar } from './tiny-radar.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A promise the test resolves when it chooses. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Lets every already-settled promise callback run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('interactive commands come before background work', () => {
  it('idle() waits for the warm-up, then for every interactive request in flight', async () => {
    const warm = gate();
    const foreground = new ForegroundFirst(warm.promise);
    const order: string[] = [];
    const endFirst = foreground.begin();
    const endSecond = foreground.begin();
    const idle = foreground.idle().then(() => order.push('background'));
    await flush();
    warm.open();
    await flush();
    order.push('first answered');
    endFirst();
    await flush();
    order.push('second answered');
    endSecond();
    endSecond(); // a second call is harmless
    await idle;
    expect(order).toEqual(['first answered', 'second answered', 'background']);
    expect(foreground.active).toBe(0);
  });

  it('counts a Slack command as interactive from its ack until its answer is delivered', async () => {
    const foreground = new ForegroundFirst();
    const r: TinyRadar = await startTinyRadar({ foreground });
    closers.push(() => r.stop());
    let backgroundStartedWhileAnswering = false;
    await sendSlashCommand(r.target, {
      command: '/tiny',
      userId: FAKE_USERS.newYork,
      channelId: FAKE_CHANNELS.publicMember,
    });
    backgroundStartedWhileAnswering = foreground.active > 0;
    const idle = foreground.idle();
    await r.settle();
    await idle;
    expect(backgroundStartedWhileAnswering).toBe(true);
    expect(foreground.active).toBe(0);
    expect(r.fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
  });

  it('starts the catch-up scan only after its gate opens', async () => {
    const calls: string[] = [];
    const runtime = {
      scan: async () => {
        calls.push('scan');
        return { scan: { period: 'p', ran: true }, delivered: { delivered: 0 } };
      },
      digest: async () => calls.push('digest'),
      drain: async () => calls.push('drain'),
      checkSla: async () => calls.push('sla'),
    } as unknown as AlertRuntime;
    const open = gate();
    const schedules = startSchedules(runtime, DEFAULT_SCAN_CRON, createLogger({ level: 'silent' }), () => open.promise);
    closers.push(() => schedules.stop());
    await flush();
    expect(calls).toEqual([]);
    open.open();
    await schedules.caughtUp;
    expect(calls).toEqual(['scan', 'digest', 'drain']);
  });

  it('starts the snapshot-cache build only after its gate opens', async () => {
    const warehousePath = join(tempDir(), 'export.sqlite');
    copyFileSync(ensureDemoWarehouse('full'), warehousePath);
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    const open = gate();
    const keeper = keepSnapshotCacheFresh({
      warehousePath,
      cacheRoot: tempDir(),
      logger,
      checkEveryMs: 0,
      startAfter: open.promise,
    });
    closers.push(() => keeper.close());
    await flush();
    expect(lines.filter((l) => l.includes('preparing the snapshot cache'))).toEqual([]);
    open.open();
    await flush();
    expect(lines.filter((l) => l.includes('preparing the snapshot cache'))).toHaveLength(1);
    expect((await keeper.refresh())?.built ?? true).toBe(true);
  });

  it('warms the command workers: they start and open the warehouse before the first command', async () => {
    const pool = createCommandPool({ warehousePath: ensureDemoWarehouse('full'), size: 1 });
    closers.push(() => pool.close());
    await pool.warm?.();
    const radar = COMMANDS.find((c) => c.slash === '/priority');
    if (!radar) throw new Error('no /priority');
    const outcome = await pool.run(radar, 'top 3', {
      warehouse: () => undefined as never,
      now: () => new Date(),
      locale: 'en',
    });
    expect(outcome.kind).toBe('answer');
  });
});
