import { ALERT_SELECT, type AlertRow, toAlert } from '../alert-rows.js';
import type { ScanOutcome, ScanRequest, SlaOutcome, SlaRequest } from '../alert-store.js';
import type { Alert, AlertDelivery, ScannedCustomer } from '../alert-types.js';
import type { Tx } from './pg-client.js';
import { enqueue, enqueueRefresh } from './pg-outbox-writes.js';

/**
 * Scans and SLA checks of every instance queue on this transaction-level advisory lock, so one decides on the state
 * the previous one left (as SQLite's single writer does); the (job, period) key then decides whether there is
 * anything to do. Released at COMMIT or ROLLBACK, so a dead instance never holds it.
 */
const ALERT_JOBS_LOCK = 7_261_202_617_002;

export async function lockAlertJobs(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ALERT_JOBS_LOCK]);
}

/** Inserts the (job, period) run; false when it is already there (another instance, or an earlier run, did it). */
export async function claimJob(tx: Tx, job: string, period: string, now: number): Promise<boolean> {
  const result = await tx.query(
    'INSERT INTO job_runs (job, period, started_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [job, period, now],
  );
  return result.rowCount === 1;
}

export async function loadActive(tx: Tx): Promise<Alert[]> {
  return (await tx.query<AlertRow>(`${ALERT_SELECT} WHERE a.state <> 'resolved' ORDER BY a.id`)).rows.map(toAlert);
}

export async function loadAlert(tx: Tx, id: number): Promise<Alert | null> {
  const row = (await tx.query<AlertRow>(`${ALERT_SELECT} WHERE a.id = $1`, [id])).rows[0];
  return row === undefined ? null : toAlert(row);
}

async function insertAlert(
  tx: Tx,
  customer: ScannedCustomer,
  delivery: AlertDelivery,
  summaryId: number | null,
  period: string,
  now: number,
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO alerts (customer_key, customer, zone_method, zone_score, reason, delivery, summary_id, scan_period,
       detected_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open') RETURNING id`,
    [
      customer.key,
      JSON.stringify(customer),
      customer.method,
      customer.score,
      customer.reason,
      delivery,
      summaryId,
      period,
      now,
    ],
  );
  return returnedId(rows, 'alerts');
}

async function insertSummary(tx: Tx, kind: string, period: string, reason: string | null, now: number) {
  const { rows } = await tx.query<{ id: number }>(
    'INSERT INTO summaries (kind, scan_period, created_at, reason) VALUES ($1, $2, $3, $4) RETURNING id',
    [kind, period, now, reason],
  );
  return returnedId(rows, 'summaries');
}

/** Lock, claim, read, decide (the request's pure plan), write and enqueue: one transaction. */
export async function applyScan(tx: Tx, request: ScanRequest): Promise<ScanOutcome | null> {
  const { now, period } = request;
  await lockAlertJobs(tx);
  if (!(await claimJob(tx, request.job, period, now))) return null;
  const active = await loadActive(tx);
  const known = await tx.query<{ customer_key: string }>('SELECT customer_key FROM known_customers');
  const knownKeys = new Set(known.rows.map((r) => r.customer_key));
  const plan = request.plan({ customers: request.customers, active, knownKeys });
  let enqueued = 0;

  for (const resolution of plan.resolutions) {
    const changed = await tx.query(
      `UPDATE alerts SET state = 'resolved', resolved_at = $1, resolved_reason = $2, resolved_detail = $3,
         snoozed_until = NULL, version = version + 1 WHERE id = $4 AND state <> 'resolved'`,
      [now, resolution.reason, resolution.detail, resolution.alertId],
    );
    const alert = changed.rowCount === 1 ? await loadAlert(tx, resolution.alertId) : null;
    if (alert !== null && (await enqueueRefresh(tx, alert, now))) enqueued++;
  }

  const summaryFor = new Map<AlertDelivery, number>();
  if (plan.newAlerts.some((a) => a.delivery === 'baseline')) {
    summaryFor.set('baseline', await insertSummary(tx, 'baseline', period, plan.baseline, now));
  }
  if (plan.newAlerts.some((a) => a.delivery === 'overflow')) {
    summaryFor.set('overflow', await insertSummary(tx, 'overflow', period, null, now));
  }
  const created: Alert[] = [];
  for (const planned of plan.newAlerts) {
    const summaryId = summaryFor.get(planned.delivery) ?? null;
    const id = await insertAlert(tx, planned.customer, planned.delivery, summaryId, period, now);
    if (planned.delivery === 'individual') {
      const entry = { dedupeKey: `alert-post:${id}`, message: { type: 'alert-post', alertId: id } } as const;
      if (await enqueue(tx, entry, now)) enqueued++;
    }
    const alert = await loadAlert(tx, id);
    if (alert !== null) created.push(alert);
  }
  const summaryIds: number[] = [];
  for (const summaryId of summaryFor.values()) {
    summaryIds.push(summaryId);
    const message = { type: 'summary-post', summaryId } as const;
    if (await enqueue(tx, { dedupeKey: `summary-post:${summaryId}`, message }, now)) enqueued++;
  }

  await tx.query('DELETE FROM known_customers');
  const keys = request.customers.map((c) => c.key);
  const zones = request.customers.map((c) => c.zone);
  // One statement for every customer (a million at the largest warehouse), not a round trip each.
  await tx.query(
    `INSERT INTO known_customers (customer_key, zone, last_seen_at)
     SELECT k, z, $3 FROM unnest($1::text[], $2::text[]) AS t(k, z) ON CONFLICT (customer_key) DO NOTHING`,
    [keys, zones, now],
  );
  return { plan, created, summaryIds, enqueued };
}

/** Lock, claim, wake snoozes, record reminders and escalations, enqueue them with the card refreshes. */
export async function applySla(tx: Tx, request: SlaRequest): Promise<SlaOutcome | null> {
  const { now, period } = request;
  await lockAlertJobs(tx);
  if (!(await claimJob(tx, request.job, period, now))) return null;
  const plan = request.plan(await loadActive(tx), now);
  const touched = new Set<number>();
  let enqueued = 0;
  for (const id of plan.wake) {
    const woke = await tx.query(
      `UPDATE alerts SET state = CASE WHEN acknowledged_at IS NULL THEN 'open' ELSE 'acknowledged' END,
         version = version + 1 WHERE id = $1 AND state = 'snoozed'`,
      [id],
    );
    if (woke.rowCount === 1) touched.add(id);
  }

  const remind = (id: number) =>
    tx.query('UPDATE alerts SET reminder_at = $1, version = version + 1 WHERE id = $2 AND reminder_at IS NULL', [
      now,
      id,
    ]);
  for (const group of plan.reminders) {
    const ids: number[] = [];
    for (const id of group) if ((await remind(id)).rowCount === 1) ids.push(id);
    if (ids.length === 0) continue;
    for (const id of ids) touched.add(id);
    const message = { type: 'reminder', alertIds: ids } as const;
    if (await enqueue(tx, { dedupeKey: `reminder:${ids.join(',')}`, message }, now)) enqueued++;
  }

  const escalated: number[] = [];
  for (const id of plan.escalations) {
    const changed = await tx.query(
      'UPDATE alerts SET escalated_at = $1, version = version + 1 WHERE id = $2 AND escalated_at IS NULL',
      [now, id],
    );
    if (changed.rowCount === 1) escalated.push(id);
  }
  if (escalated.length > 0) {
    for (const id of escalated) touched.add(id);
    const message = { type: 'escalation', alertIds: escalated } as const;
    if (await enqueue(tx, { dedupeKey: `escalation:${escalated.join(',')}`, message }, now)) enqueued++;
  }

  for (const id of touched) {
    const alert = await loadAlert(tx, id);
    if (alert !== null && (await enqueueRefresh(tx, alert, now))) enqueued++;
  }
  return { plan, enqueued };
}

/** INSERT … RETURNING id always returns the row; a missing id would link alerts to a summary that does not exist. */
function returnedId(rows: readonly { id: number }[], table: string): number {
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`INSERT INTO ${table} … RETURNING id returned no row`);
  return Number(id);
}
