import { afterEach, describe, expect, it } from 'vitest';
import { customer, HOUR, openStore, STORE_KINDS, type StoreKind, T0 } from './alert-fixtures.js';
import { RecordingTransport } from './recording-transport.js';
import { drain, scan } from './scan-helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(kind: StoreKind) {
  const t = await openStore(kind);
  cleanups.push(t.cleanup);
  return { store: t.store, transport: new RecordingTransport() };
}

const population = (reds: number, others = 40) => [
  ...Array.from({ length: reds }, (_, i) => customer(`red${String(i).padStart(2, '0')}@x.com`, 'red', { rank: i + 1 })),
  ...Array.from({ length: others }, (_, i) => customer(`ok${i}@x.com`, i % 2 ? 'green' : 'yellow')),
];

describe.each(STORE_KINDS)('alerts/scan (%s store)', (kind) => {
  it('posts one baseline summary on the first scan and tracks every customer already red', async () => {
    const { store, transport } = await setup(kind);
    const outcome = await scan(store, population(30), T0);
    expect(outcome?.plan.baseline).toMatch(/first scan/);
    expect(outcome?.created).toHaveLength(30);
    expect(outcome?.created.every((a) => a.delivery === 'baseline' && a.state === 'open')).toBe(true);
    await drain(store, transport, T0);
    expect(transport.sent.map((m) => m.type)).toEqual(['summary-post']);
    const [summaryId] = outcome?.summaryIds ?? [];
    const tracked = await store.alertsOfSummary(summaryId ?? -1);
    expect(tracked).toHaveLength(30);
    expect(tracked.every((a) => a.messageTs !== null && a.channel === 'C0ALERTS01')).toBe(true);
  });

  it('caps a later scan at 20 individual alerts, highest priority first, plus one overflow summary', async () => {
    const { store, transport } = await setup(kind);
    await scan(store, population(0), T0);
    await drain(store, transport, T0);
    const reds = Array.from({ length: 25 }, (_, i) =>
      customer(`new${String(i).padStart(2, '0')}@x.com`, 'red', { rank: 25 - i }),
    );
    const outcome = await scan(store, [...population(0), ...reds], T0 + HOUR);
    expect(outcome?.plan.baseline).toBeNull();
    const individual = outcome?.created.filter((a) => a.delivery === 'individual') ?? [];
    const overflow = outcome?.created.filter((a) => a.delivery === 'overflow') ?? [];
    expect(individual).toHaveLength(20);
    expect(overflow).toHaveLength(5);
    expect(individual.map((a) => a.customer.figures.priorityRank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(overflow.map((a) => a.customer.figures.priorityRank)).toEqual([21, 22, 23, 24, 25]);
    await drain(store, transport, T0 + HOUR);
    expect(transport.ofType('alert-post')).toHaveLength(20);
    expect(transport.ofType('summary-post')).toHaveLength(1);
    expect((await store.activeAlerts()).every((a) => a.messageTs !== null)).toBe(true);
  });

  it('keeps one alert per customer while it is open or snoozed', async () => {
    const { store } = await setup(kind);
    await scan(store, population(0), T0);
    const red = customer('a@x.com', 'red', { rank: 1 });
    const first = await scan(store, [...population(0), red], T0 + HOUR);
    expect(first?.created).toHaveLength(1);
    const id = first?.created[0]?.id ?? -1;
    await store.snooze({ alertId: id, actor: 'U1', now: T0 + HOUR, untilMs: T0 + 25 * HOUR });
    const again = await scan(store, [...population(0), red], T0 + 2 * HOUR);
    expect(again?.created).toHaveLength(0);
    expect(await store.activeAlerts()).toHaveLength(1);
  });

  it('resolves an alert as recovered when the customer leaves red, and opens a new one when it comes back', async () => {
    const { store, transport } = await setup(kind);
    await scan(store, population(0), T0);
    const first = await scan(store, [...population(0), customer('a@x.com', 'red', { rank: 1 })], T0 + HOUR);
    await drain(store, transport, T0 + HOUR);
    const id = first?.created[0]?.id ?? -1;
    transport.clear();

    const recovered = await scan(
      store,
      [...population(0), customer('a@x.com', 'yellow', { rank: 1, score: 55.1 })],
      T0 + 2 * HOUR,
    );
    expect(recovered?.plan.resolutions).toEqual([
      { alertId: id, reason: 'recovered', detail: 'now yellow (zone score 55.1)' },
    ]);
    const alert = await store.getAlert(id);
    expect(alert).toMatchObject({ state: 'resolved', resolvedReason: 'recovered', resolvedAt: T0 + 2 * HOUR });
    await drain(store, transport, T0 + 2 * HOUR);
    expect(transport.sent).toEqual([{ type: 'alert-refresh', alertId: id }]);

    const back = await scan(store, [...population(0), customer('a@x.com', 'red', { rank: 1 })], T0 + 3 * HOUR);
    expect(back?.created).toHaveLength(1);
    expect(back?.created[0]?.id).not.toBe(id);
    expect(back?.created[0]?.delivery).toBe('individual');
  });

  it('keeps the alert of a customer who has no zone this time (missing inputs are not a recovery)', async () => {
    const { store } = await setup(kind);
    await scan(store, population(0), T0);
    await scan(store, [...population(0), customer('a@x.com', 'red')], T0 + HOUR);
    const outcome = await scan(store, [...population(0), customer('a@x.com', null, { score: null })], T0 + 2 * HOUR);
    expect(outcome?.plan.resolutions).toEqual([]);
  });

  it('runs two scans for the same period once', async () => {
    const { store } = await setup(kind);
    const first = await scan(store, population(3), T0);
    const second = await scan(store, population(3), T0 + 59 * 60_000);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(await store.activeAlerts()).toHaveLength(3);
    expect(await store.outboxCounts()).toEqual({ pending: 1, dead: 0, delivered: 0 });
  });

  it('treats a warehouse whose customers are mostly unknown as new: baseline again, old alerts closed', async () => {
    const { store, transport } = await setup(kind);
    await scan(store, population(2), T0);
    const other = [customer('z1@y.com', 'red', { rank: 1 }), customer('z2@y.com', 'green')];
    const outcome = await scan(store, other, T0 + HOUR);
    expect(outcome?.plan.baseline).toMatch(/new warehouse/);
    expect(outcome?.created.map((a) => [a.customer.key, a.delivery])).toEqual([['z1@y.com', 'baseline']]);
    expect(outcome?.plan.resolutions.map((r) => r.reason)).toEqual(['warehouse-replaced', 'warehouse-replaced']);
    await drain(store, transport, T0 + HOUR);
    expect(transport.ofType('alert-post')).toHaveLength(0);
  });
});
