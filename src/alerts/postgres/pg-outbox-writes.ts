import { type OutboxRow, toOutboxEntry } from '../alert-rows.js';
import type { Alert } from '../alert-types.js';
import type { DeliveryReceipt, NewOutboxEntry, OutboxEntry, OutboxMessage } from '../outbox-types.js';
import type { Tx } from './pg-client.js';

/** Adds an entry unless one with the same dedupe key exists; returns whether it was added. */
export async function enqueue(tx: Tx, entry: NewOutboxEntry, now: number): Promise<boolean> {
  const result = await tx.query(
    'INSERT INTO outbox (dedupe_key, payload, created_at) VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING',
    [entry.dedupeKey, JSON.stringify(entry.message), now],
  );
  return result.rowCount === 1;
}

/** Same keys as the SQLite store: one refresh per alert version, one per summary and transaction. */
export function enqueueRefresh(tx: Tx, alert: Alert, now: number): Promise<boolean> {
  const dedupeKey =
    alert.summaryId === null
      ? `alert-refresh:${alert.id}:v${alert.version}`
      : `summary-refresh:${alert.summaryId}:t${now}`;
  const message: OutboxMessage = { type: 'alert-refresh', alertId: alert.id };
  return enqueue(tx, { dedupeKey, message }, now);
}

type ClaimedRow = OutboxRow & { readonly uncertain_since: number | null };

/**
 * Leases the oldest pending entries: rows another instance is leasing right now are skipped (SKIP LOCKED), rows
 * whose lease expired are taken over. An entry whose previous attempt never reported back (the instance died, or
 * the call timed out) carries `uncertainSince`, the start of that attempt, so the transport can look before posting.
 */
export async function claimOutbox(tx: Tx, now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
  const { rows } = await tx.query<ClaimedRow>(
    `WITH picked AS (
       SELECT id, attempt_started_at AS previous_start, outcome_unknown AS previous_unknown FROM outbox
       WHERE delivered_at IS NULL AND dead = 0 AND (claimed_until IS NULL OR claimed_until <= $1)
       ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
     UPDATE outbox o SET claimed_until = $1 + $3, attempts = o.attempts + 1, outcome_unknown = 1,
       attempt_started_at = CASE WHEN p.previous_unknown = 1 AND p.previous_start IS NOT NULL
                                 THEN p.previous_start ELSE $1 END
     FROM picked p WHERE o.id = p.id
     RETURNING o.id, o.dedupe_key, o.payload, o.created_at, o.attempts,
       CASE WHEN p.previous_unknown = 1 THEN p.previous_start END AS uncertain_since`,
    [now, limit, leaseMs],
  );
  return rows
    .sort((a, b) => a.id - b.id)
    .map((row) => ({ ...toOutboxEntry(row), uncertainSince: row.uncertain_since ?? null }));
}

/** Marks delivered and records where the post landed on its alert or summary, in the caller's transaction. */
export async function completeOutbox(tx: Tx, id: number, receipt: DeliveryReceipt | null, now: number): Promise<void> {
  const { rows } = await tx.query<{ payload: string }>(
    `UPDATE outbox SET delivered_at = COALESCE(delivered_at, $2), result_channel = $3, result_ts = $4,
       claimed_until = NULL, last_error = NULL, outcome_unknown = 0
     WHERE id = $1 RETURNING payload`,
    [id, now, receipt?.channel ?? null, receipt?.ts ?? null],
  );
  const row = rows[0];
  if (row === undefined || receipt === null) return;
  const message = JSON.parse(row.payload) as OutboxMessage;
  if (message.type === 'alert-post') {
    await tx.query('UPDATE alerts SET channel = $1, message_ts = $2 WHERE id = $3', [
      receipt.channel,
      receipt.ts,
      message.alertId,
    ]);
  } else if (message.type === 'summary-post') {
    await tx.query('UPDATE summaries SET channel = $1, message_ts = $2 WHERE id = $3', [
      receipt.channel,
      receipt.ts,
      message.summaryId,
    ]);
    await tx.query('UPDATE alerts SET channel = $1, message_ts = $2 WHERE summary_id = $3', [
      receipt.channel,
      receipt.ts,
      message.summaryId,
    ]);
  }
}

export async function failOutbox(
  tx: Tx,
  id: number,
  error: string,
  retryAt: number | null,
  outcomeUnknown: boolean,
): Promise<void> {
  await tx.query(
    `UPDATE outbox SET last_error = $1, claimed_until = $2, dead = $3, outcome_unknown = $4
     WHERE id = $5 AND delivered_at IS NULL`,
    [error.slice(0, 1000), retryAt, retryAt === null ? 1 : 0, outcomeUnknown ? 1 : 0, id],
  );
}

export async function outboxCounts(tx: Tx): Promise<{ pending: number; dead: number; delivered: number }> {
  const { rows } = await tx.query<{ pending: number | null; dead: number | null; delivered: number | null }>(
    `SELECT
       SUM(CASE WHEN delivered_at IS NULL AND dead = 0 THEN 1 ELSE 0 END) AS pending,
       SUM(dead) AS dead,
       SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered
     FROM outbox`,
  );
  const row = rows[0];
  return { pending: row?.pending ?? 0, dead: row?.dead ?? 0, delivered: row?.delivered ?? 0 };
}
