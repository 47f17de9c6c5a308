import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LEASE_MS } from '../../src/alerts/deliver-outbox.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { customer, HOUR, T0, tempStore } from './alert-fixtures.js';
import { RecordingTransport } from './recording-transport.js';
import { drain, scan } from './scan-helpers.js';

const repo = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runChild(statePath: string, postsFile: string, mode: 'before-post' | 'after-post') {
  return new Promise<NodeJS.Signals | null>((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repo, 'test/alerts/crash-child.ts'), statePath, postsFile, mode, String(T0)],
      { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => (signal === null && code !== 0 ? fail(new Error(stderr)) : done(signal)));
  });
}

function paths() {
  const dir = mkdtempSync(join(tmpdir(), 'radar-crash-'));
  dirs.push(dir);
  return { state: join(dir, 'state.sqlite'), posts: join(dir, 'posts.txt') };
}

describe('alerts/outbox across crashes', () => {
  it('posts exactly once after the process dies between deciding and posting', async () => {
    const { state, posts } = paths();
    expect(await runChild(state, posts, 'before-post')).toBe('SIGKILL');
    expect(existsSync(posts)).toBe(false);

    const restarted = SqliteAlertStore.open(state, T0 + LEASE_MS);
    const transport = new RecordingTransport();
    try {
      // The dead process's lease expires, then the next drain (on start, or the minute tick) delivers it once.
      await drain(restarted, transport, T0 + LEASE_MS);
      await drain(restarted, transport, T0 + LEASE_MS + 60_000);
      // A scan for the same period (the catch-up on start) decides nothing again.
      expect(await scan(restarted, [customer('crash@x.com', 'red', { rank: 1 })], T0)).toBeNull();
      await drain(restarted, transport, T0 + LEASE_MS + 120_000);
    } finally {
      await restarted.close();
    }
    expect(transport.sent.map((m) => m.type)).toEqual(['alert-post']);
  }, 30_000);

  it('hands a post whose receipt was not recorded to the transport again, marked uncertain since the attempt', async () => {
    const { state, posts } = paths();
    expect(await runChild(state, posts, 'after-post')).toBe('SIGKILL');
    expect(readFileSync(posts, 'utf8').trim().split('\n')).toHaveLength(1);
    const restarted = SqliteAlertStore.open(state, T0 + LEASE_MS);
    const transport = new RecordingTransport();
    try {
      await drain(restarted, transport, T0 + LEASE_MS);
    } finally {
      await restarted.close();
    }
    expect(transport.ofType('alert-post')).toHaveLength(1);
    // The Slack transport reads the channel back from here before posting (test/slack/alerts-delivery.test.ts).
    expect(transport.entries[0]).toMatchObject({ attempts: 2, uncertainSince: T0 });
  }, 30_000);

  it('keeps an entry pending when delivery throws, then sends it once on the retry', async () => {
    const { store, cleanup } = tempStore();
    try {
      await scan(store, [customer('k@x.com', 'green')], T0 - HOUR);
      const transport = new RecordingTransport();
      await drain(store, transport, T0 - HOUR);
      transport.clear();
      await scan(store, [customer('k@x.com', 'green'), customer('r@x.com', 'red', { rank: 1 })], T0);
      transport.failNext = new Error('socket hang up');
      const first = await drain(store, transport, T0);
      expect(first).toEqual({ delivered: 0, deferred: 0, failed: 1, dead: [] });
      expect(await drain(store, transport, T0 + 10_000)).toEqual({ delivered: 0, deferred: 0, failed: 0, dead: [] });
      expect(await drain(store, transport, T0 + 60_000)).toEqual({ delivered: 1, deferred: 0, failed: 0, dead: [] });
      expect(await drain(store, transport, T0 + 120_000)).toEqual({ delivered: 0, deferred: 0, failed: 0, dead: [] });
      expect(transport.ofType('alert-post')).toHaveLength(1);
    } finally {
      await cleanup();
    }
  });
});
