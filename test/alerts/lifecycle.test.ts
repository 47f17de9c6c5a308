import { afterEach, describe, expect, it } from 'vitest';
import { runSlaJob } from '../../src/alerts/alert-jobs.js';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import { SNOOZE_MS, slaStatus } from '../../src/alerts/sla.js';
import { customer, HOUR, openStore, STORE_KINDS, type StoreKind, T0 } from './alert-fixtures.js';
import { RecordingTransport } from './recording-transport.js';
import { drain, scan } from './scan-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store with one individual alert detected at T0 (after a quiet first scan), delivered. */
async function oneAlert(kind: StoreKind): Promise<{ store: AlertStore; transport: RecordingTransport; id: number }> {
  const t = await openStore(kind, T0 - HOUR);
  cleanups.push(t.cleanup);
  const transport = new RecordingTransport();
  await scan(t.store, [customer('k@x.com', 'green')], T0 - HOUR);
  const outcome = await scan(t.store, [customer('k@x.com', 'green'), customer('r@x.com', 'red', { rank: 1 })], T0);
  await drain(t.store, transport, T0);
  transport.clear();
  return { store: t.store, transport, id: outcome?.created[0]?.id ?? -1 };
}

/** Delivers what earlier actions enqueued, runs the SLA check at `at`; returns the message types it sent. */
async function slaAt(store: AlertStore, transport: RecordingTransport, at: number): Promise<string[]> {
  await drain(store, transport, at);
  transport.clear();
  await runSlaJob(store, at);
  await drain(store, transport, at);
  return transport.sent.map((m) => m.type);
}

describe.each(STORE_KINDS)('alerts/lifecycle and SLA (%s store)', (kind) => {
  it('reminds at 24 h when nobody acknowledged, once', async () => {
    const { store, transport, id } = await oneAlert(kind);
    expect(await slaAt(store, transport, T0 + 23 * HOUR + 50 * 60_000)).toEqual([]);
    expect(await slaAt(store, transport, T0 + 24 * HOUR)).toEqual(['reminder', 'alert-refresh']);
    expect(transport.ofType('reminder')).toEqual([{ type: 'reminder', alertIds: [id] }]);
    expect(await slaAt(store, transport, T0 + 25 * HOUR)).toEqual([]);
    expect((await store.getAlert(id))?.reminderAt).toBe(T0 + 24 * HOUR);
  });

  it('sends no reminder once acknowledged, but still escalates at 48 h without an intervention', async () => {
    const { store, transport, id } = await oneAlert(kind);
    const ack = await store.acknowledge({ alertId: id, actor: 'U0ALICE0001', now: T0 + HOUR });
    expect(ack).toMatchObject({ kind: 'changed', alert: { state: 'acknowledged', acknowledgedBy: 'U0ALICE0001' } });
    expect(await slaAt(store, transport, T0 + 24 * HOUR)).toEqual([]);
    expect(await slaAt(store, transport, T0 + 48 * HOUR)).toEqual(['escalation', 'alert-refresh']);
    expect(transport.ofType('escalation')).toEqual([{ type: 'escalation', alertIds: [id] }]);
    expect(await slaAt(store, transport, T0 + 49 * HOUR)).toEqual([]);
    const alert = await store.getAlert(id);
    expect(alert && slaStatus(alert, T0 + 49 * HOUR)).toMatchObject({ kind: 'overdue', escalatedAt: T0 + 48 * HOUR });
  });

  it('meets the SLA with an intervention: no escalation, the clock shows it met', async () => {
    const { store, transport, id } = await oneAlert(kind);
    const logged = await store.logIntervention({
      alertId: id,
      actor: 'U0WEI000001',
      now: T0 + 30 * HOUR,
      note: 'Called the CFO',
      requestKey: 'V1',
    });
    expect(logged).toMatchObject({ kind: 'changed', alert: { interventionAt: T0 + 30 * HOUR, state: 'acknowledged' } });
    expect(await slaAt(store, transport, T0 + 48 * HOUR)).toEqual([]);
    const alert = await store.getAlert(id);
    expect(alert && slaStatus(alert, T0 + 48 * HOUR)).toEqual({ kind: 'met', at: T0 + 30 * HOUR });
    expect(await store.interventionsSince(T0)).toMatchObject([{ note: 'Called the CFO', loggedBy: 'U0WEI000001' }]);
  });

  it('pauses the reminder and the escalation for 24 h on snooze, and wakes the alert after', async () => {
    const { store, transport, id } = await oneAlert(kind);
    const snoozed = await store.snooze({
      alertId: id,
      actor: 'U0OMAR00001',
      now: T0 + 2 * HOUR,
      untilMs: T0 + 2 * HOUR + SNOOZE_MS,
    });
    expect(snoozed).toMatchObject({ kind: 'changed', alert: { state: 'snoozed', slaShiftMs: SNOOZE_MS } });
    expect(await slaAt(store, transport, T0 + 24 * HOUR)).toEqual([]);
    // Snooze over at 26 h: the alert wakes (card refreshed), the reminder now falls due at 48 h.
    expect(await slaAt(store, transport, T0 + 26 * HOUR)).toEqual(['alert-refresh']);
    expect((await store.getAlert(id))?.state).toBe('open');
    expect(await slaAt(store, transport, T0 + 47 * HOUR)).toEqual([]);
    expect(await slaAt(store, transport, T0 + 48 * HOUR)).toEqual(['reminder', 'alert-refresh']);
    expect(await slaAt(store, transport, T0 + 71 * HOUR)).toEqual([]);
    expect(await slaAt(store, transport, T0 + 72 * HOUR)).toEqual(['escalation', 'alert-refresh']);
  });

  it('acts once on a double click of every button', async () => {
    const { store, id } = await oneAlert(kind);
    const at = T0 + HOUR;
    expect((await store.acknowledge({ alertId: id, actor: 'U1', now: at })).kind).toBe('changed');
    expect(await store.acknowledge({ alertId: id, actor: 'U2', now: at })).toMatchObject({
      kind: 'unchanged',
      why: 'already acknowledged by <@U1>',
    });
    expect((await store.assign({ alertId: id, actor: 'U1', assignee: 'U3', now: at })).kind).toBe('changed');
    expect((await store.assign({ alertId: id, actor: 'U1', assignee: 'U3', now: at })).kind).toBe('unchanged');
    expect((await store.snooze({ alertId: id, actor: 'U1', now: at, untilMs: at + SNOOZE_MS })).kind).toBe('changed');
    expect((await store.snooze({ alertId: id, actor: 'U1', now: at, untilMs: at + SNOOZE_MS })).kind).toBe('unchanged');
    const note = { alertId: id, actor: 'U1', now: at, note: 'Emailed', requestKey: 'V9' };
    expect((await store.logIntervention(note)).kind).toBe('changed');
    expect((await store.logIntervention(note)).kind).toBe('unchanged');
    expect((await store.getAlert(id))?.slaShiftMs).toBe(SNOOZE_MS);
    expect(await store.interventionsSince(T0)).toHaveLength(1);
  });

  it('DMs the assignee once per assignment', async () => {
    const { store, transport, id } = await oneAlert(kind);
    await store.assign({ alertId: id, actor: 'U1', assignee: 'U3', now: T0 + HOUR });
    await store.assign({ alertId: id, actor: 'U1', assignee: 'U3', now: T0 + HOUR });
    await drain(store, transport, T0 + HOUR);
    expect(transport.ofType('assigned-dm')).toEqual([{ type: 'assigned-dm', alertId: id, assignee: 'U3', by: 'U1' }]);
    expect(transport.ofType('alert-refresh')).toHaveLength(1);
  });

  it('recovers while snoozed: resolved, no reminder or escalation later', async () => {
    const { store, transport, id } = await oneAlert(kind);
    await store.snooze({ alertId: id, actor: 'U1', now: T0 + HOUR, untilMs: T0 + HOUR + SNOOZE_MS });
    await scan(store, [customer('k@x.com', 'green'), customer('r@x.com', 'yellow', { rank: 1 })], T0 + 3 * HOUR);
    expect((await store.getAlert(id))?.state).toBe('resolved');
    expect(await slaAt(store, transport, T0 + 80 * HOUR)).toEqual([]);
    expect(await store.acknowledge({ alertId: id, actor: 'U1', now: T0 + 80 * HOUR })).toMatchObject({
      kind: 'unchanged',
      why: 'the alert is already resolved',
    });
  });

  it('runs the SLA check once per period', async () => {
    const { store } = await oneAlert(kind);
    expect((await runSlaJob(store, T0 + 24 * HOUR)).ran).toBe(true);
    expect((await runSlaJob(store, T0 + 24 * HOUR + 5 * 60_000)).ran).toBe(false);
    expect((await runSlaJob(store, T0 + 24 * HOUR + 10 * 60_000)).ran).toBe(true);
  });
});
