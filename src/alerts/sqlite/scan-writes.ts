import type Database from 'better-sqlite3';
import { ALERT_SELECT, type AlertRow, toAlert } from '../alert-rows.js';
import type { ScanOutcome, ScanRequest, SlaOutcome, SlaRequest } from '../alert-store.js';
import type { Alert, AlertDelivery, ScannedCustomer } from '../alert-types.js';
import { enqueue, enqueueRefresh } from './outbox-writes.js';

/** Inserts the (job, period) run; false when it is already there. Call inside a transaction. */
export function claimJob(db: Database.Database, job: string, period: string, now: number): boolean {
  const result = db
    .prepare('INSERT INTO job_runs (job, period, started_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    .run(job, period, now);
  return result.changes === 1;
}

export function loadActive(db: Database.Database): Alert[] {
  return (db.prepare(`${ALERT_SELECT} WHERE a.state <> 'resolved' ORDER BY a.id`).all() as AlertRow[]).map(toAlert);
}

export function loadAlert(db: Database.Database, id: number): Alert | null {
  const row = db.prepare(`${ALERT_SELECT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row === undefined ? null : toAlert(row);
}

function insertAlert(
  db: Database.Database,
  customer: ScannedCustomer,
  delivery: AlertDelivery,
  summaryId: number | null,
  period: string,
  now: number,
): number {
  const result = db
    .prepare(
      `INSERT INTO alerts (customer_key, customer, zone_method, zone_score, reason, delivery, summary_id, scan_period,
        detected_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
    )
    .run(
      customer.key,
      JSON.stringify(customer),
      customer.method,
      customer.score,
      customer.reason,
      delivery,
      summaryId,
      period,
      now,
    );
  return Number(result.lastInsertRowid);
}

function insertSummary(
  db: Database.Database,
  kind: string,
  period: string,
  reason: string | null,
  now: number,
): number {
  const result = db
    .prepare('INSERT INTO summaries (kind, scan_period, created_at, reason) VALUES (?, ?, ?, ?)')
    .run(kind, period, now, reason);
  return Number(result.lastInsertRowid);
}

/** Claim, read, decide (the request's pure plan), write and enqueue: one immediate transaction. */
export function applyScan(db: Database.Database, request: ScanRequest): ScanOutcome | null {
  const { now, period } = request;
  return db
    .transaction((): ScanOutcome | null => {
      if (!claimJob(db, request.job, period, now)) return null;
      const active = loadActive(db);
      const knownKeys = new Set(
        (db.prepare('SELECT customer_key FROM known_customers').all() as { customer_key: string }[]).map(
          (r) => r.customer_key,
        ),
      );
      const plan = request.plan({ customers: request.customers, active, knownKeys });
      let enqueued = 0;

      for (const resolution of plan.resolutions) {
        const changed = db
          .prepare(
            `UPDATE alerts SET state = 'resolved', resolved_at = ?, resolved_reason = ?, resolved_detail = ?,
              snoozed_until = NULL, version = version + 1 WHERE id = ? AND state <> 'resolved'`,
          )
          .run(now, resolution.reason, resolution.detail, resolution.alertId);
        const alert = changed.changes === 1 ? loadAlert(db, resolution.alertId) : null;
        if (alert !== null && enqueueRefresh(db, alert, now)) enqueued++;
      }

      const summaryIds: number[] = [];
      const summaryFor = new Map<AlertDelivery, number>();
      if (plan.newAlerts.some((a) => a.delivery === 'baseline')) {
        summaryFor.set('baseline', insertSummary(db, 'baseline', period, plan.baseline, now));
      }
      if (plan.newAlerts.some((a) => a.delivery === 'overflow')) {
        summaryFor.set('overflow', insertSummary(db, 'overflow', period, null, now));
      }
      const created: Alert[] = [];
      for (const planned of plan.newAlerts) {
        const summaryId = summaryFor.get(planned.delivery) ?? null;
        const id = insertAlert(db, planned.customer, planned.delivery, summaryId, period, now);
        if (planned.delivery === 'individual') {
          if (enqueue(db, { dedupeKey: `alert-post:${id}`, message: { type: 'alert-post', alertId: id } }, now)) {
            enqueued++;
          }
        }
        const alert = loadAlert(db, id);
        if (alert !== null) created.push(alert);
      }
      for (const summaryId of summaryFor.values()) {
        summaryIds.push(summaryId);
        const message = { type: 'summary-post', summaryId } as const;
        if (enqueue(db, { dedupeKey: `summary-post:${summaryId}`, message }, now)) enqueued++;
      }

      db.prepare('DELETE FROM known_customers').run();
      const known = db.prepare('INSERT INTO known_customers (customer_key, zone, last_seen_at) VALUES (?, ?, ?)');
      for (const customer of request.customers) known.run(customer.key, customer.zone, now);
      return { plan, created, summaryIds, enqueued };
    })
    .immediate();
}

/** Claim, wake snoozes, record reminders and escalations, enqueue them with the card refreshes: one transaction. */
export function applySla(db: Database.Database, request: SlaRequest): SlaOutcome | null {
  const { now, period } = request;
  return db
    .transaction((): SlaOutcome | null => {
      if (!claimJob(db, request.job, period, now)) return null;
      const plan = request.plan(loadActive(db), now);
      const touched = new Set<number>();
      let enqueued = 0;
      const wake = db.prepare(
        `UPDATE alerts SET state = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END,
          version = version + 1 WHERE id = ? AND state = 'snoozed'`,
      );
      for (const id of plan.wake) if (wake.run(id).changes === 1) touched.add(id);

      const remind = db.prepare(
        `UPDATE alerts SET reminder_at = ?, version = version + 1 WHERE id = ? AND reminder_at IS NULL`,
      );
      for (const group of plan.reminders) {
        const ids = group.filter((id) => remind.run(now, id).changes === 1);
        if (ids.length === 0) continue;
        for (const id of ids) touched.add(id);
        const message = { type: 'reminder', alertIds: ids } as const;
        if (enqueue(db, { dedupeKey: `reminder:${ids.join(',')}`, message }, now)) enqueued++;
      }

      const escalate = db.prepare(
        `UPDATE alerts SET escalated_at = ?, version = version + 1 WHERE id = ? AND escalated_at IS NULL`,
      );
      const escalated = plan.escalations.filter((id) => escalate.run(now, id).changes === 1);
      if (escalated.length > 0) {
        for (const id of escalated) touched.add(id);
        const message = { type: 'escalation', alertIds: escalated } as const;
        if (enqueue(db, { dedupeKey: `escalation:${escalated.join(',')}`, message }, now)) enqueued++;
      }

      for (const id of touched) {
        const alert = loadAlert(db, id);
        if (alert !== null && enqueueRefresh(db, alert, now)) enqueued++;
      }
      return { plan, enqueued };
    })
    .immediate();
}
