import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert-types.js';
import { buildDigest } from '../../src/alerts/digest/build-digest.js';
import { digestDueAt, isoWeekKey, nextDigestAt } from '../../src/alerts/digest/digest-time.js';
import { runDigestJob } from '../../src/alerts/digest/run-digest.js';
import { loadScanInputs, type ScanInputs } from '../../src/alerts/scan-inputs.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { alertRecord, customer, HOUR, tempStore } from './alert-fixtures.js';

const NEW_YORK = 'U0ALICE0001';
const SHANGHAI = 'U0WEI000001';
const ZONES: Record<string, string> = { [NEW_YORK]: 'America/New_York', [SHANGHAI]: 'Asia/Shanghai' };
const at = (iso: string) => Date.parse(iso);

describe('alerts/digest time (DST)', () => {
  it('puts 09:00 New York at 14:00 UTC before the March 2027 change and 13:00 UTC after it', () => {
    // US DST starts Sunday 14 March 2027.
    expect(new Date(digestDueAt(at('2027-03-10T12:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2027-03-08T14:00:00.000Z',
    );
    expect(new Date(digestDueAt(at('2027-03-17T12:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2027-03-15T13:00:00.000Z',
    );
    expect(new Date(nextDigestAt(at('2027-03-08T15:00:00Z'), 'America/New_York')).toISOString()).toBe(
      '2027-03-15T13:00:00.000Z',
    );
  });

  it('puts 09:00 Shanghai (no DST) at 01:00 UTC on both Mondays', () => {
    expect(new Date(digestDueAt(at('2027-03-08T05:00:00Z'), 'Asia/Shanghai')).toISOString()).toBe(
      '2027-03-08T01:00:00.000Z',
    );
    expect(new Date(digestDueAt(at('2027-03-15T05:00:00Z'), 'Asia/Shanghai')).toISOString()).toBe(
      '2027-03-15T01:00:00.000Z',
    );
  });

  it('keys the week in the recipient’s zone', () => {
    // Sunday 7 March 2027 20:00 in New York is already Monday in Shanghai.
    expect(isoWeekKey(at('2027-03-08T01:00:00Z'), 'America/New_York')).toBe('2027-W09');
    expect(isoWeekKey(at('2027-03-08T01:00:00Z'), 'Asia/Shanghai')).toBe('2027-W10');
  });
});

describe('alerts/digest job', () => {
  const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
  const state = tempStore();
  const context: CommandContext = { warehouse: provider.get, now: () => new Date(), locale: 'en' };
  afterAll(async () => {
    provider.close();
    await state.cleanup();
  });

  const check = (now: number) =>
    runDigestJob({
      store: state.store,
      context,
      now,
      managers: [NEW_YORK, SHANGHAI],
      timeZoneOf: async (user) => ZONES[user] ?? 'UTC',
    });
  const statusOf = (runs: Awaited<ReturnType<typeof check>>, user: string) =>
    runs.find((r) => r.to.kind === 'manager' && r.to.userId === user)?.status;

  it('sends each manager one digest at 09:00 local on the Mondays before and after the DST change', async () => {
    let runs = await check(at('2027-03-08T00:59:00Z'));
    expect([statusOf(runs, SHANGHAI), statusOf(runs, NEW_YORK)]).toEqual(['not-due', 'missed']);
    runs = await check(at('2027-03-08T01:00:00Z'));
    expect(statusOf(runs, SHANGHAI)).toBe('sent');
    runs = await check(at('2027-03-08T13:59:00Z'));
    expect([statusOf(runs, SHANGHAI), statusOf(runs, NEW_YORK)]).toEqual(['already-sent', 'not-due']);
    runs = await check(at('2027-03-08T14:00:00Z'));
    expect(statusOf(runs, NEW_YORK)).toBe('sent');
    runs = await check(at('2027-03-08T14:15:00Z'));
    expect([statusOf(runs, SHANGHAI), statusOf(runs, NEW_YORK)]).toEqual(['already-sent', 'already-sent']);

    // After the change: New York's 09:00 is now 13:00 UTC.
    runs = await check(at('2027-03-15T01:00:00Z'));
    expect(statusOf(runs, SHANGHAI)).toBe('sent');
    runs = await check(at('2027-03-15T12:59:00Z'));
    expect(statusOf(runs, NEW_YORK)).toBe('not-due');
    runs = await check(at('2027-03-15T13:00:00Z'));
    const sent = runs.find((r) => r.status === 'sent');
    expect(sent?.to).toEqual({ kind: 'manager', userId: NEW_YORK });
    expect(sent?.status === 'sent' && sent.digest.dueLocal).toBe('Mon 15 Mar 2027, 09:00 EDT');
    expect(sent?.status === 'sent' && sent.digest.change?.sinceWeek).toBe('2027-W10');
  }, 60_000);
});

describe('alerts/digest content', () => {
  let scan: ScanInputs;
  const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
  beforeAll(() => {
    scan = loadScanInputs(provider.get());
  });
  afterAll(() => provider.close());

  function alertOf(key: string, overrides: Partial<Alert>): Alert {
    return alertRecord(customer(key, 'red'), overrides);
  }

  it('reports zones with the change since the last digest, top 10, overdue alerts, interventions and 14-day recoveries', () => {
    const now = at('2026-11-23T14:00:00Z');
    const red = scan.customers.filter((c) => c.zone === 'red').map((c) => c.key);
    const [stillRed = '', newRed = ''] = red;
    const digest = buildDigest({
      isoWeek: '2026-W48',
      now,
      timeZone: 'America/New_York',
      dueLocal: 'Mon 23 Nov 2026, 09:00 EST',
      scan,
      segmentLine: '12 of 300 customers retain far from their segment.',
      facts: {
        active: [alertOf(stillRed, { id: 7, detectedAt: now - 50 * HOUR })],
        interventions: [
          { customerKey: 'gone@x.com', loggedAt: now - 20 * 24 * HOUR },
          { customerKey: 'slow@x.com', loggedAt: now - 2 * 24 * HOUR },
        ],
        resolved: [
          alertOf('gone@x.com', { state: 'resolved', resolvedReason: 'recovered', resolvedAt: now - 10 * 24 * HOUR }),
        ],
        previous: {
          isoWeek: '2026-W47',
          redKeys: [...red.filter((k) => k !== newRed), 'left@x.com'],
          counts: { red: red.length, yellow: 0, green: 0 },
        },
      },
    });
    expect(digest.zones.counts).toEqual(scan.zones.counts);
    expect(digest.change?.newRed.map((c) => c.key)).toEqual([newRed].sort());
    expect(digest.change?.recovered.map((c) => c.key)).toEqual(['left@x.com']);
    expect(digest.topPriority).toHaveLength(10);
    expect(digest.topPriority[0]?.rank).toBe(1);
    expect(digest.alerts).toMatchObject({ open: 1, overdue: 1, overdueList: [{ alertId: 7, key: stillRed }] });
    expect(digest.interventions).toEqual({
      loggedThisWeek: 1,
      customersThisWeek: 1,
      customersLast28Days: 2,
      leftRedWithin14Days: 1,
    });
    expect(digest.charts.map((c) => c.id)).toEqual(['zone-distribution', 'priority-top']);
    expect(digest.segmentAnomalies).toContain('retain');
  });
});
