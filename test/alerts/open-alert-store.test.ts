import { describe, expect, inject, it } from 'vitest';
import { openAlertStore, stateLocation } from '../../src/alerts/open-alert-store.js';
import { ConfigError } from '../../src/errors.js';
import { createLogger } from '../../src/logging.js';
import { T0 } from './alert-fixtures.js';

describe('alerts/openAlertStore', () => {
  it('refuses a Postgres URL it cannot log in to with a message naming RADAR_STATE_URL, without the password', async () => {
    const url = inject('pgAdminUrl').replace('radar_test@', 'nobody:s3cret@');
    const opening = openAlertStore({ RADAR_STATE_URL: url }, T0, createLogger({ level: 'silent' }));
    await expect(opening).rejects.toBeInstanceOf(ConfigError);
    await expect(opening).rejects.toThrow(
      /cannot open its state in Postgres at postgres:\/\/nobody:\*\*\*@.*Check RADAR_STATE_URL/,
    );
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('names the SQLite file when RADAR_STATE_URL is unset', () => {
    expect(stateLocation({ RADAR_STATE_DB: '/var/radar/state.sqlite' })).toBe('/var/radar/state.sqlite');
    expect(stateLocation({})).toBe('.radar/state.sqlite');
  });
});
