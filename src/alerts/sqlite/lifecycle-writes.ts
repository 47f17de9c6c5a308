import type Database from 'better-sqlite3';
import type { LifecycleRequest, LifecycleResult } from '../alert-store.js';
import type { Alert } from '../alert-types.js';
import { enqueue, enqueueRefresh } from './outbox-writes.js';
import { loadAlert } from './scan-writes.js';

/**
 * Button actions as compare-and-set updates: each UPDATE names the state it expects, so of two identical clicks
 * (or two instances handling one replayed request) exactly one changes the row and enqueues the card refresh.
 */
function compareAndSet(
  db: Database.Database,
  request: LifecycleRequest,
  sql: string,
  params: readonly unknown[],
  unchangedWhy: (alert: Alert) => string,
  afterChange?: (alert: Alert) => void,
): LifecycleResult {
  return db
    .transaction((): LifecycleResult => {
      const changed = db.prepare(sql).run(...params);
      const alert = loadAlert(db, request.alertId);
      if (alert === null) return { kind: 'not-found' };
      if (changed.changes !== 1) return { kind: 'unchanged', alert, why: unchangedWhy(alert) };
      enqueueRefresh(db, alert, request.now);
      afterChange?.(alert);
      return { kind: 'changed', alert };
    })
    .immediate();
}

function resolvedOr(alert: Alert, otherwise: string): string {
  return alert.state === 'resolved' ? 'the alert is already resolved' : otherwise;
}

export function acknowledge(db: Database.Database, request: LifecycleRequest): LifecycleResult {
  return compareAndSet(
    db,
    request,
    `UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ?, version = version + 1,
       state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
     WHERE id = ? AND state <> 'resolved' AND acknowledged_at IS NULL`,
    [request.actor, request.now, request.alertId],
    (alert) => resolvedOr(alert, `already acknowledged by <@${alert.acknowledgedBy ?? 'someone'}>`),
  );
}

/** Assigning also acknowledges (someone has looked at it); the assignee gets a DM through the outbox. */
export function assign(
  db: Database.Database,
  request: LifecycleRequest & { readonly assignee: string },
): LifecycleResult {
  return compareAndSet(
    db,
    request,
    `UPDATE alerts SET assignee = ?, assigned_by = ?, assigned_at = ?, version = version + 1,
       acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?),
       state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
     WHERE id = ? AND state <> 'resolved' AND (assignee IS NULL OR assignee <> ?)`,
    [request.assignee, request.actor, request.now, request.actor, request.now, request.alertId, request.assignee],
    (alert) => resolvedOr(alert, `already assigned to <@${request.assignee}>`),
    (alert) => {
      enqueue(
        db,
        {
          dedupeKey: `assigned-dm:${alert.id}:v${alert.version}`,
          message: { type: 'assigned-dm', alertId: alert.id, assignee: request.assignee, by: request.actor },
        },
        request.now,
      );
    },
  );
}

/** Snooze stops the SLA clock until `untilMs`: the time is added to both deadlines. A snoozed alert cannot re-snooze. */
export function snooze(
  db: Database.Database,
  request: LifecycleRequest & { readonly untilMs: number },
): LifecycleResult {
  return compareAndSet(
    db,
    request,
    `UPDATE alerts SET state = 'snoozed', snoozed_by = ?, snoozed_until = ?, sla_shift_ms = sla_shift_ms + ?,
       version = version + 1
     WHERE id = ? AND state IN ('open', 'acknowledged')`,
    [request.actor, request.untilMs, Math.max(0, request.untilMs - request.now), request.alertId],
    (alert) => resolvedOr(alert, 'already snoozed'),
  );
}

/** Records the note (once per request key) and, on the first one, meets the SLA; logging also acknowledges. */
export function logIntervention(
  db: Database.Database,
  request: LifecycleRequest & { readonly note: string; readonly requestKey: string },
): LifecycleResult {
  return db
    .transaction((): LifecycleResult => {
      const before = loadAlert(db, request.alertId);
      if (before === null) return { kind: 'not-found' };
      const inserted = db
        .prepare(
          `INSERT INTO interventions (alert_id, customer_key, logged_by, logged_at, note, request_key)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_key) DO NOTHING`,
        )
        .run(request.alertId, before.customer.key, request.actor, request.now, request.note, request.requestKey);
      if (inserted.changes !== 1) return { kind: 'unchanged', alert: before, why: 'this note was already logged' };
      db.prepare(
        `UPDATE alerts SET intervention_at = COALESCE(intervention_at, ?), version = version + 1,
           acknowledged_by = COALESCE(acknowledged_by, ?), acknowledged_at = COALESCE(acknowledged_at, ?),
           state = CASE state WHEN 'open' THEN 'acknowledged' ELSE state END
         WHERE id = ?`,
      ).run(request.now, request.actor, request.now, request.alertId);
      const alert = loadAlert(db, request.alertId);
      if (alert === null) return { kind: 'not-found' };
      enqueueRefresh(db, alert, request.now);
      return { kind: 'changed', alert };
    })
    .immediate();
}
