import { DEFAULT_ZONE_THRESHOLDS, sameThresholds } from '../../analysis/zones/zone-thresholds.js';
import {
  type DeliveryStats,
  type HealthProblemRow,
  type HealthProblemState,
  type HealthRequest,
  toHealthProblem,
} from '../health/health-types.js';
import {
  type ThresholdChange,
  type ThresholdChangeRequest,
  type ThresholdChangeResult,
  type ThresholdChangeRow,
  type ThresholdRow,
  type ThresholdsInForce,
  toThresholdChange,
  toThresholdsInForce,
} from '../rules/rules-state.js';
import type { Tx } from './pg-client.js';
import { enqueue } from './pg-outbox-writes.js';
import { claimJob } from './pg-scan-writes.js';

/** Threshold changes of all instances queue on this transaction-level lock ("radar-thresholds", fixed forever). */
const THRESHOLDS_LOCK = 7_261_202_617_005;

export async function thresholdsInForce(tx: Tx): Promise<ThresholdsInForce> {
  const rows = (await tx.query<ThresholdRow>('SELECT * FROM zone_thresholds WHERE id = 1')).rows;
  return toThresholdsInForce(rows[0], DEFAULT_ZONE_THRESHOLDS);
}

/** Same rules as the SQLite store; the advisory lock makes "read old, write new" one step across instances. */
export async function changeThresholds(tx: Tx, request: ThresholdChangeRequest): Promise<ThresholdChangeResult> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [THRESHOLDS_LOCK]);
  const seen = await tx.query('SELECT 1 FROM threshold_changes WHERE request_key = $1', [request.requestKey]);
  if ((seen.rowCount ?? 0) > 0) return { kind: 'replayed' };
  const inForce = await thresholdsInForce(tx);
  if (sameThresholds(inForce.thresholds, request.thresholds)) return { kind: 'unchanged' };
  const after = JSON.stringify(request.thresholds);
  await tx.query(
    `INSERT INTO zone_thresholds (id, thresholds, changed_by, changed_at, version) VALUES (1, $1, $2, $3, 1)
     ON CONFLICT (id) DO UPDATE SET thresholds = excluded.thresholds, changed_by = excluded.changed_by,
       changed_at = excluded.changed_at, version = zone_thresholds.version + 1`,
    [after, request.actor, request.now],
  );
  const inserted = await tx.query<{ id: number }>(
    `INSERT INTO threshold_changes (changed_by, changed_at, old_thresholds, new_thresholds, request_key)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [request.actor, request.now, JSON.stringify(inForce.thresholds), after, request.requestKey],
  );
  const id = inserted.rows[0]?.id;
  if (id === undefined) throw new Error('threshold_changes INSERT … RETURNING gave no row');
  await enqueue(tx, request.notice(inForce.thresholds, request.thresholds), request.now);
  const change: ThresholdChange = {
    id: Number(id),
    changedBy: request.actor,
    changedAt: request.now,
    before: inForce.thresholds,
    after: request.thresholds,
  };
  return { kind: 'changed', change };
}

export async function thresholdChangesSince(tx: Tx, sinceMs: number): Promise<ThresholdChange[]> {
  const sql = 'SELECT * FROM threshold_changes WHERE changed_at >= $1 ORDER BY changed_at, id';
  return (await tx.query<ThresholdChangeRow>(sql, [sinceMs])).rows.map(toThresholdChange);
}

export async function healthProblems(tx: Tx): Promise<HealthProblemState[]> {
  return (await tx.query<HealthProblemRow>('SELECT * FROM health_problems ORDER BY problem')).rows.map(toHealthProblem);
}

/** Claims (health job, period): a second instance's claim waits for the first to commit, then finds the key taken. */
export async function applyHealth(tx: Tx, request: HealthRequest) {
  if (!(await claimJob(tx, request.job, request.period, request.now))) return null;
  const { plan, entries } = request.plan(await healthProblems(tx));
  for (const s of plan.states) {
    await tx.query(
      `INSERT INTO health_problems (problem, active, since, detail, notified, last_notice_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (problem) DO UPDATE SET active = excluded.active, since = excluded.since,
         detail = excluded.detail, notified = excluded.notified, last_notice_at = excluded.last_notice_at`,
      [s.problem, s.active ? 1 : 0, s.since, s.detail, s.notified ? 1 : 0, s.lastNoticeAt],
    );
  }
  let enqueued = 0;
  for (const entry of entries) if (await enqueue(tx, entry, request.now)) enqueued++;
  return { plan, enqueued };
}

export async function deliveryStats(tx: Tx, sinceMs: number): Promise<DeliveryStats> {
  const rows = await tx.query<{ created: number; failed: number | null; dead: number | null }>(
    `SELECT COUNT(*)::bigint AS created,
       SUM(CASE WHEN last_error IS NOT NULL OR dead = 1 THEN 1 ELSE 0 END)::bigint AS failed,
       SUM(dead)::bigint AS dead
     FROM outbox WHERE created_at >= $1`,
    [sinceMs],
  );
  const row = rows.rows[0];
  return { created: Number(row?.created ?? 0), failed: Number(row?.failed ?? 0), dead: Number(row?.dead ?? 0) };
}
