import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { tempDir } from '../helpers/temp-dir.js';
import { customer, HOUR, T0 } from './alert-fixtures.js';
import { scan } from './scan-helpers.js';

describe('alerts/sqlite state file', () => {
  it('creates the state DB and its WAL files readable by the owner only (0600)', async () => {
    const path = join(tempDir(), 'state', 'state.sqlite');
    const store = SqliteAlertStore.open(path, T0);
    await scan(store, [customer('r@x.com', 'red', { rank: 1 })], T0);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
  });

  it('opens a dry-run copy of an existing WAL-mode state (local `radar scan` with a state DB beside it)', async () => {
    const path = join(tempDir(), 'state.sqlite');
    const real = SqliteAlertStore.open(path, T0);
    await scan(real, [customer('k@x.com', 'green')], T0 - HOUR);
    await scan(real, [customer('k@x.com', 'green'), customer('r@x.com', 'red', { rank: 1 })], T0);
    const before = await real.activeAlerts();
    expect(before).toHaveLength(1);

    const dry = SqliteAlertStore.openDryRun(path, T0 + HOUR);
    expect(await dry.activeAlerts()).toEqual(before);
    await scan(dry, [customer('k@x.com', 'red'), customer('r@x.com', 'red', { rank: 1 })], T0 + HOUR);
    expect(await dry.activeAlerts()).toHaveLength(2);
    expect(await real.activeAlerts()).toEqual(before);
    await dry.close();
    await real.close();
  });
});
