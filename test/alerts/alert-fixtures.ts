import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import type { Alert, ScannedCustomer } from '../../src/alerts/alert-types.js';
import { PostgresAlertStore } from '../../src/alerts/postgres/postgres-alert-store.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';
import { createLogger } from '../../src/logging.js';
import { createTestDatabase } from '../helpers/postgres-database.js';

export const HOUR = 3_600_000;

/** Monday 2026-11-23 10:00 UTC: the reference "now" of the alert tests. */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);

/** A scanned customer with a zone; `rank` is the §4 priority rank (1 = first). */
export function customer(
  key: string,
  zone: ScannedCustomer['zone'],
  options: { rank?: number | null; score?: number | null; organization?: string } = {},
): ScannedCustomer {
  const score = options.score === undefined ? (zone === 'red' ? 40 : zone === 'yellow' ? 60 : 85) : options.score;
  return {
    key,
    organization: options.organization ?? `Org ${key}`,
    zone,
    method: 'activity',
    score,
    rule: zone === 'red' ? 'score-below-red' : zone === 'yellow' ? 'score-in-yellow' : 'score-above-green',
    reason: `Zone score ${score} (fixture).`,
    parts: { velocity: 'Declining', riskLevel: 'High' },
    figures: {
      tier: 'Gold',
      stage: 'Retention',
      ltv: 12_000,
      health: 40,
      churn: 0.6,
      priority: options.rank === null || options.rank === undefined ? null : 1 - options.rank / 100,
      priorityRank: options.rank ?? null,
      rankedOf: 100,
    },
  };
}

/** A stored alert on `customer`, open and untouched unless `overrides` say otherwise. */
export function alertRecord(scanned: ScannedCustomer, overrides: Partial<Alert> = {}): Alert {
  return {
    id: 1,
    customer: scanned,
    delivery: 'individual',
    summaryId: null,
    scanPeriod: 'p',
    detectedAt: 0,
    state: 'open',
    acknowledgedBy: null,
    acknowledgedAt: null,
    assignee: null,
    assignedBy: null,
    assignedAt: null,
    snoozedBy: null,
    snoozedUntil: null,
    slaShiftMs: 0,
    interventionAt: null,
    interventionCount: 0,
    reminderAt: null,
    escalatedAt: null,
    resolvedAt: null,
    resolvedReason: null,
    resolvedDetail: null,
    channel: null,
    messageTs: null,
    version: 1,
    ...overrides,
  };
}

/** A store on a fresh file in a temp directory; `cleanup` closes it and removes the directory. */
export function tempStore(now = T0): { store: SqliteAlertStore; path: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'radar-alerts-'));
  const path = join(dir, 'state.sqlite');
  const store = SqliteAlertStore.open(path, now);
  return {
    store,
    path,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The two AlertStore implementations: every store test runs on both with the same expectations. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A fresh store of that kind (a temp SQLite file, or a new database on the run's Postgres). */
export async function openStore(
  kind: StoreKind,
  now = T0,
): Promise<{ store: AlertStore; url: string; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const t = tempStore(now);
    return { store: t.store, url: t.path, cleanup: t.cleanup };
  }
  const database = await createTestDatabase();
  const store = await PostgresAlertStore.open(database.url, now, createLogger({ level: 'silent' }));
  return {
    store,
    url: database.url,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}
