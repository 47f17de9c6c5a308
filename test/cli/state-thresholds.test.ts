import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { DEFAULT_ZONE_THRESHOLDS } from '../../src/analysis/zones/zone-thresholds.js';
import { thresholdsFromState } from '../../src/cli/state-thresholds.js';
import { loadConfig } from '../../src/config.js';

const T0 = Date.parse('2026-11-23T09:00:00Z');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-state-thresholds-'));
  dirs.push(dir);
  return dir;
}

describe('cli/thresholds from state (radar ask and the local prompt)', () => {
  it('reads the thresholds an admin saved in the SQLite state, without writing the file', async () => {
    const path = join(tempDir(), 'state.sqlite');
    const store = SqliteAlertStore.open(path, T0);
    const tuned = { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 };
    await store.changeThresholds({
      actor: 'U0ADMIN01',
      now: T0,
      thresholds: tuned,
      requestKey: 'V1',
      notice: () => ({ dedupeKey: 'rules:V1', message: { type: 'radar-notice', to: 'alert', text: 'x' } }) as never,
    });
    await store.close();
    const before = readFileSync(path);
    expect(await thresholdsFromState(loadConfig({ RADAR_STATE_DB: path }), T0)).toEqual(tuned);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('gives nothing (the defaults hold) when there is no state, and creates no file', async () => {
    const path = join(tempDir(), 'absent.sqlite');
    expect(await thresholdsFromState(loadConfig({ RADAR_STATE_DB: path }), T0)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });
});
