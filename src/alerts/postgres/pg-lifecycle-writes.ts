import type { LifecycleRequest, LifecycleResult } from '../alert-store.js';
import type { Alert } from '../alert-types.js';
import type { Tx } from './pg-client.js';
import { enqueue, enqueueRefresh } from './pg-outbox-writes.js';
import { loadAlert } from './pg-scan-writes.js';

/**
 * Button actions as compare-and-set updates (READ COMMITTED is enough): the UPDATE names the state it expects and
 * takes the row lock, and a second click on another instance waits for the first, re-reads the row and finds the
 * condition false, so exactly one of them changes it and enqueues the refresh.
 */
async function compareAndSet(
  tx: Tx,
  request: LifecycleRequest,
  sql: string,
  params: readonly unknown[],
  unchangedWhy: (alert: Alert) => string,
  afterChange?: (alert: Alert) => Promise<void>,
): Promise<LifecycleResult> {
  const changed = await tx.query(sql, [...params]);
  const alert = await loadAlert(tx, request.alertId);
  if (alert === null) return { kind: 'not-found' };
  if (changed.rowCount !== 1) return { kind: 'unchanged', alert, why: unchangedWhy(alert) };
  await enqueueRefresh(tx, alert, request.now);
  await afterChange?.(alert);
  return { kind: 'changed', alert };
}

function resolvedOr(alert: Alert, otherwise: string): string {
  return alert.state === 'resolved' ? 'the alert is already resolved' : otherwise;
}

export function acknowledge(tx: Tx, request: LifecycleRequest): Promise<LifecycleResult> {
  return compareAndSet(
    tx,
    request,
    `UPDATE alerts SET acknowledged_by = $1, acknowledged_at = $2, version = version + 1,
       state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
     WHERE id = $3 AND state <> 'resolved' AND acknowledged_at IS NULL`,
    [request.actor, request.now, request.alertId],
    (alert) => resolvedOr(alert, `already acknowledged by <@${alert.acknowledgedBy ?? 'someone'}>`),
  );
}

export function assign(tx: Tx, request: LifecycleRequest & { readonly assignee: string }): Promise<LifecycleResult> {
  return compareAndSet(
    tx,
    request,
    `UPDATE alerts SET assignee = $1, assigned_by = $2, assigned_at = $3, version = version + 1,
       acknowledged_by = COALESCE(acknowledged_by, $2), acknowledged_at = COALESCE(acknowledged_at, $3),
       state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
     WHERE id = $4 AND state <> 'resolved' AND (assignee IS NULL OR assignee <> $1)`,
    [request.assignee, request.actor, request.now, request.alertId],
    (alert) => resolvedOr(alert, `already assigned to <@${request.assignee}>`),
    async (alert) => {
      await enqueue(
        tx,
        {
          dedupeKey: `assigned-dm:${alert.id}:v${alert.version}`,
          message: { type: 'assigned-dm', alertId: alert.id, assignee: request.assignee, by: request.actor },
        },
        request.now,
      );
    },
  );
}

export function snooze(tx: Tx, request: LifecycleRequest & { readonly untilMs: number }): Promise<LifecycleResult> {
  return compareAndSet(
    tx,
    request,
    `UPDATE alerts SET state = 'snoozed', snoozed_by = $1, snoozed_until = $2, sla_shift_ms = sla_shift_ms + $3,
       version = version + 1
     WHERE id = $4 AND state IN ('open', 'acknowledged')`,
    [request.actor, request.untilMs, Math.max(0, request.untilMs - request.now), request.alertId],
    (alert) => resolvedOr(alert, 'already snoozed'),
  );
}

/** The note once per request key (a unique key, so a resubmit on another instance waits and then does nothing). */
export async function logIntervention(
  tx: Tx,
  request: LifecycleRequest & { readonly note: string; readonly requestKey: string },
): Promise<LifecycleResult> {
  const before = await loadAlert(tx, request.alertId);
  if (before === null) return { kind: 'not-found' };
  const inserted = await tx.query(
    `INSERT INTO interventions (alert_id, customer_key, logged_by, logged_at, note, request_key)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (request_key) DO NOTHING`,
    [request.alertId, before.customer.key, request.actor, request.now, request.note, request.requestKey],
  );
  if (inserted.rowCount !== 1) return { kind: 'unchanged', alert: before, why: 'this note was already logged' };
  await tx.query(
    `UPDATE alerts SET intervention_at = COALESCE(intervention_at, $1), version = version + 1,
       acknowledged_by = COALESCE(acknowledged_by, $2), acknowledged_at = COALESCE(acknowledged_at, $1),
       state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
     WHERE id = $3`,
    [request.now, request.actor, request.alertId],
  );
  const alert = await loadAlert(tx, request.alertId);
  if (alert === null) return { kind: 'not-found' };
  await enqueueRefresh(tx, alert, request.now);
  return { kind: 'changed', alert };
}
