import type Database from 'better-sqlite3';
import { type OutboxRow, toOutboxEntry } from '../alert-rows.js';
import type { Alert } from '../alert-types.js';
import type { DeliveryReceipt, NewOutboxEntry, OutboxEntry, OutboxMessage } from '../outbox-types.js';

/** Adds an entry unless one with the same dedupe key exists; returns whether it was added. Call inside a transaction. */
export function enqueue(db: Database.Database, entry: NewOutboxEntry, now: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO outbox (dedupe_key, payload, created_at) VALUES (?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING`,
    )
    .run(entry.dedupeKey, JSON.stringify(entry.message), now);
  return result.changes === 1;
}

/**
 * Enqueues the refresh of the message showing `alert` after a change. Keyed by the alert's version, so replaying
 * the same change enqueues nothing; alerts shown in a summary share one refresh per summary and transaction.
 */
export function enqueueRefresh(db: Database.Database, alert: Alert, now: number): boolean {
  const dedupeKey =
    alert.summaryId === null
      ? `alert-refresh:${alert.id}:v${alert.version}`
      : `summary-refresh:${alert.summaryId}:t${now}`;
  const message: OutboxMessage = { type: 'alert-refresh', alertId: alert.id };
  return enqueue(db, { dedupeKey, message }, now);
}

/** Leases the oldest pending entries; see pg-outbox-writes.ts for `uncertainSince` (same rules). */
export function claimOutbox(db: Database.Database, now: number, leaseMs: number, limit: number): OutboxEntry[] {
  return db
    .transaction(() => {
      const rows = db
        .prepare(
          `SELECT id, dedupe_key, payload, created_at, attempts, attempt_started_at, outcome_unknown FROM outbox
           WHERE delivered_at IS NULL AND dead = 0 AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY id LIMIT ?`,
        )
        .all(now, limit) as (OutboxRow & { attempt_started_at: number | null; outcome_unknown: number })[];
      const lease = db.prepare(
        `UPDATE outbox SET claimed_until = ?, attempts = attempts + 1, outcome_unknown = 1, attempt_started_at = ?
         WHERE id = ?`,
      );
      return rows.map((row) => {
        const uncertainSince = row.outcome_unknown === 1 ? row.attempt_started_at : null;
        lease.run(now + leaseMs, uncertainSince ?? now, row.id);
        return { ...toOutboxEntry({ ...row, attempts: row.attempts + 1 }), uncertainSince };
      });
    })
    .immediate();
}

export function completeOutbox(db: Database.Database, id: number, receipt: DeliveryReceipt | null, now: number): void {
  db.transaction(() => {
    const row = db.prepare('SELECT payload FROM outbox WHERE id = ?').get(id) as { payload: string } | undefined;
    if (row === undefined) return;
    db.prepare(
      `UPDATE outbox SET delivered_at = ?, result_channel = ?, result_ts = ?, claimed_until = NULL, last_error = NULL,
         outcome_unknown = 0 WHERE id = ?`,
    ).run(now, receipt?.channel ?? null, receipt?.ts ?? null, id);
    if (receipt === null) return;
    const message = JSON.parse(row.payload) as OutboxMessage;
    if (message.type === 'alert-post') {
      db.prepare('UPDATE alerts SET channel = ?, message_ts = ? WHERE id = ?').run(
        receipt.channel,
        receipt.ts,
        message.alertId,
      );
    } else if (message.type === 'summary-post') {
      db.prepare('UPDATE summaries SET channel = ?, message_ts = ? WHERE id = ?').run(
        receipt.channel,
        receipt.ts,
        message.summaryId,
      );
      db.prepare('UPDATE alerts SET channel = ?, message_ts = ? WHERE summary_id = ?').run(
        receipt.channel,
        receipt.ts,
        message.summaryId,
      );
    }
  }).immediate();
}

export function failOutbox(
  db: Database.Database,
  id: number,
  error: string,
  retryAt: number | null,
  outcomeUnknown = false,
): void {
  db.prepare(
    `UPDATE outbox SET last_error = ?, claimed_until = ?, dead = ?, outcome_unknown = ?
     WHERE id = ? AND delivered_at IS NULL`,
  ).run(error.slice(0, 1000), retryAt, retryAt === null ? 1 : 0, outcomeUnknown ? 1 : 0, id);
}

export function outboxCounts(db: Database.Database): { pending: number; dead: number; delivered: number } {
  const row = db
    .prepare(
      `SELECT
        SUM(CASE WHEN delivered_at IS NULL AND dead = 0 THEN 1 ELSE 0 END) AS pending,
        SUM(dead) AS dead,
        SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered
       FROM outbox`,
    )
    .get() as { pending: number | null; dead: number | null; delivered: number | null };
  return { pending: row.pending ?? 0, dead: row.dead ?? 0, delivered: row.delivered ?? 0 };
}
