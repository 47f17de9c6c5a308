/**
 * Child process for the crash test: decides (scan + enqueue, committed), then dies by SIGKILL inside the delivery
 * step, before (`before-post`) or after (`after-post`) the post "reaches Slack" (appended to a file).
 * Usage: node --import tsx crash-child.ts <state db> <posts file> <before-post|after-post> <now ms>
 */
import { appendFileSync } from 'node:fs';
import type { OutboxTransport } from '../../src/alerts/deliver-outbox.js';
import { drainOutbox } from '../../src/alerts/deliver-outbox.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { customer } from './alert-fixtures.js';
import { scan, silentLogger } from './scan-helpers.js';

const [statePath, postsFile, mode, nowText] = process.argv.slice(2);
if (statePath === undefined || postsFile === undefined || nowText === undefined) throw new Error('usage: see header');
const now = Number(nowText);
const store = SqliteAlertStore.open(statePath, now);
await scan(store, [customer('known@x.com', 'green')], now - 3_600_000);
await scan(store, [customer('known@x.com', 'green'), customer('crash@x.com', 'red', { rank: 1 })], now);

const dying: OutboxTransport = {
  async deliver(entry) {
    if (mode === 'after-post') appendFileSync(postsFile, `${entry.dedupeKey}\n`);
    process.kill(process.pid, 'SIGKILL');
    return null;
  },
};
await drainOutbox(store, dying, () => now, silentLogger);
