import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScannedCustomer } from '../../src/alerts/alert-types.js';
import { SqliteAlertStore } from '../../src/alerts/sqlite/sqlite-alert-store.js';

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
