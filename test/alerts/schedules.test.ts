import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { currentPeriod, latestSlot, periodKey } from '../../src/alerts/job-period.js';
import {
  DEFAULT_SCAN_CRON,
  DIGEST_CHECK_CRON,
  isValidSchedule,
  OUTBOX_DRAIN_CRON,
  SLA_CHECK_CRON,
} from '../../src/alerts/schedules.js';
import { loadConfig } from '../../src/config.js';

describe('alerts/schedules', () => {
  it('validates every schedule constant with cron.validate', () => {
    for (const expression of [DEFAULT_SCAN_CRON, SLA_CHECK_CRON, DIGEST_CHECK_CRON, OUTBOX_DRAIN_CRON]) {
      expect(cron.validate(expression)).toBe(true);
      expect(isValidSchedule(expression)).toBe(true);
    }
    expect(isValidSchedule('0 0 * * * *')).toBe(false); // a seconds field: periods are minute slots
  });

  it('names a run by the latest slot of its schedule, so every caller in that slot shares one period', () => {
    const now = Date.parse('2026-11-23T10:59:59Z');
    expect(periodKey(latestSlot(DEFAULT_SCAN_CRON, now) ?? 0)).toBe('2026-11-23T10:00Z');
    expect(currentPeriod(DEFAULT_SCAN_CRON, Date.parse('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00Z');
    expect(currentPeriod(SLA_CHECK_CRON, Date.parse('2026-11-23T10:19:00Z'))).toBe('2026-11-23T10:10Z');
    expect(currentPeriod('30 9 * * 1', Date.parse('2026-11-25T12:00:00Z'))).toBe('2026-11-23T09:30Z');
  });
});

describe('config for alerts', () => {
  it('reads channels, managers and the scan schedule, defaulting to hourly', () => {
    const config = loadConfig({
      RADAR_ALERT_CHANNEL: 'C0ALERTS01',
      RADAR_ESCALATION_CHANNEL: 'G0LEADS001',
      RADAR_MANAGERS: 'U0ALICE0001, W0WEI00001',
      RADAR_DIGEST_CHANNEL: '',
    });
    expect(config).toMatchObject({
      RADAR_ALERT_CHANNEL: 'C0ALERTS01',
      RADAR_ESCALATION_CHANNEL: 'G0LEADS001',
      RADAR_MANAGERS: ['U0ALICE0001', 'W0WEI00001'],
      RADAR_SCAN_CRON: DEFAULT_SCAN_CRON,
    });
    expect(config.RADAR_DIGEST_CHANNEL).toBeUndefined();
  });

  it.each([
    [{ RADAR_SCAN_CRON: 'hourly' }, /RADAR_SCAN_CRON must be a five-field cron expression such as "0 \* \* \* \*"/],
    [{ RADAR_MANAGERS: 'alice,bob' }, /RADAR_MANAGERS must list Slack user ids separated by commas/],
    [{ RADAR_ALERT_CHANNEL: '#cs-alerts' }, /RADAR_ALERT_CHANNEL must be a Slack channel id such as C0123ABCD/],
  ])('names the variable and the fix for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
