import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestClockReport } from '../../src/slack/test-clock.js';
import { T0 } from '../alerts/alert-fixtures.js';

const repo = resolve(import.meta.dirname, '../..');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

function radarServe(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), 'serve'], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-never-used',
      SLACK_SIGNING_SECRET: 'never-used',
      // Nothing may reach Slack in these tests: a refused port.
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      ...env,
    },
  });
  return { code: result.status, stderr: result.stderr };
}

describe('RADAR_TEST_CLOCK (radar serve driven by its parent process)', () => {
  it('refuses to start with RADAR_TEST_CLOCK=ipc but no IPC channel, saying what to do', () => {
    const { code, stderr } = radarServe({ RADAR_TEST_CLOCK: 'ipc' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/RADAR_TEST_CLOCK=ipc needs a parent process holding an IPC channel/);
    expect(stderr).toMatch(/unset RADAR_TEST_CLOCK to run on the wall clock/);
    noStackTrace(stderr);
  });

  it('names a bad RADAR_TEST_CLOCK or SLACK_TIMEOUT_MS and exits 2', () => {
    const clock = radarServe({ RADAR_TEST_CLOCK: 'file' });
    expect(clock.code).toBe(2);
    expect(clock.stderr).toMatch(/RADAR_TEST_CLOCK must be 'ipc' \(tests only/);
    const timeout = radarServe({ SLACK_TIMEOUT_MS: '50' });
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toMatch(/SLACK_TIMEOUT_MS must be at least 100 \(milliseconds\)/);
    noStackTrace(clock.stderr + timeout.stderr);
  });

  it('asks for the time, then steps forward firing the due ticks, refusing steps back and malformed messages', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'test/slack/test-clock-child.ts')], {
      cwd: repo,
      env: { PATH: process.env.PATH ?? '', RADAR_TEST_CLOCK: 'ipc' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Reports in arrival order; next() takes the oldest not taken yet, waiting for it if need be.
    const reports: TestClockReport[] = [];
    let taken = 0;
    let wake: (() => void) | undefined;
    child.on('message', (report: TestClockReport) => {
      reports.push(report);
      wake?.();
    });
    const next = async (): Promise<TestClockReport> => {
      while (reports.length <= taken) await new Promise<void>((done) => (wake = done));
      return reports[taken++] as TestClockReport;
    };
    try {
      expect(await next()).toEqual({ type: 'clock-wanted' });
      child.send({ type: 'clock', now: T0 });
      expect(await next()).toEqual({ type: 'clock', now: T0, fired: [] });
      expect(await next()).toEqual({ type: 'listening' });
      child.send({ type: 'clock', now: T0 - 1 });
      expect(await next()).toEqual({
        type: 'refused',
        reason: 'the clock cannot go back, from 2026-11-23T10:00:00.000Z to 2026-11-23T09:59:59.999Z',
      });
      child.send({ type: 'tick' });
      expect(await next()).toEqual({
        type: 'refused',
        reason: `expected { type: 'clock', now: <epoch ms> }, got {"type":"tick"}`,
      });
      // 10:00 → 10:00:59: no new minute; → 10:01: the every-minute job.
      child.send({ type: 'clock', now: T0 + 59_000 });
      expect(await next()).toEqual({ type: 'clock', now: T0 + 59_000, fired: [] });
      child.send({ type: 'clock', now: T0 + 60_000 });
      expect(await next()).toEqual({ type: 'clock', now: T0 + 60_000, fired: ['every-minute'] });
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
