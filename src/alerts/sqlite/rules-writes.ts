import type Database from 'better-sqlite3';
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
import { enqueue } from './outbox-writes.js';
import { claimJob } from './scan-writes.js';

export function thresholdsInForce(db: Database.Database): ThresholdsInForce {
  const row = db.prepare('SELECT * FROM zone_thresholds WHERE id = 1').get() as ThresholdRow | undefined;
  return toThresholdsInForce(row, DEFAULT_ZONE_THRESHOLDS);
}

/** Records a change and its one-line notice in one IMMEDIATE transaction (two processes serialise on the lock). */
export function changeThresholds(db: Database.Database, request: ThresholdChangeRequest): ThresholdChangeResult {
  return db
    .transaction((): ThresholdChangeResult => {
      if (db.prepare('SELECT 1 FROM threshold_changes WHERE request_key = ?').get(request.requestKey) !== undefined) {
        return { kind: 'replayed' };
      }
      const inForce = thresholdsInForce(db);
      if (sameThresholds(inForce.thresholds, request.thresholds)) return { kind: 'unchanged' };
      const after = JSON.stringify(request.thresholds);
      db.prepare(
        `INSERT INTO zone_thresholds (id, thresholds, changed_by, changed_at, version) VALUES (1, ?, ?, ?, 1)
         ON CONFLICT (id) DO UPDATE SET thresholds = excluded.thresholds, changed_by = excluded.changed_by,
           changed_at = excluded.changed_at, version = zone_thresholds.version + 1`,
      ).run(after, request.actor, request.now);
      const inserted = db
        .prepare(
          `INSERT INTO threshold_changes (changed_by, changed_at, old_thresholds, new_thresholds, request_key)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(request.actor, request.now, JSON.stringify(inForce.thresholds), after, request.requestKey);
      enqueue(db, request.notice(inForce.thresholds, request.thresholds), request.now);
      const change: ThresholdChange = {
        id: Number(inserted.lastInsertRowid),
        changedBy: request.actor,
        changedAt: request.now,
        before: inForce.thresholds,
        after: request.thresholds,
      };
      return { kind: 'changed', change };
    })
    .immediate();
}

export function thresholdChangesSince(db: Database.Database, sinceMs: number): ThresholdChange[] {
  const rows = db
    .prepare('SELECT * FROM threshold_changes WHERE changed_at >= ? ORDER BY changed_at, id')
    .all(sinceMs) as ThresholdChangeRow[];
  return rows.map(toThresholdChange);
}

export function healthProblems(db: Database.Database): HealthProblemState[] {
  const rows = db.prepare('SELECT * FROM health_problems ORDER BY problem').all() as HealthProblemRow[];
  return rows.map(toHealthProblem);
}

/** Claims (health job, period), then writes every problem's state and the notices together. */
export function applyHealth(db: Database.Database, request: HealthRequest) {
  return db
    .transaction(() => {
      if (!claimJob(db, request.job, request.period, request.now)) return null;
      const { plan, entries } = request.plan(healthProblems(db));
      const upsert = db.prepare(
        `INSERT INTO health_problems (problem, active, since, detail, notified, last_notice_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (problem) DO UPDATE SET active = excluded.active, since = excluded.since,
           detail = excluded.detail, notified = excluded.notified, last_notice_at = excluded.last_notice_at`,
      );
      for (const s of plan.states) {
        upsert.run(s.problem, s.active ? 1 : 0, s.since, s.detail, s.notified ? 1 : 0, s.lastNoticeAt);
      }
      let enqueued = 0;
      for (const entry of entries) if (enqueue(db, entry, request.now)) enqueued++;
      return { plan, enqueued };
    })
    .immediate();
}

export function deliveryStats(db: Database.Database, sinceMs: number): DeliveryStats {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS created,
         SUM(CASE WHEN last_error IS NOT NULL OR dead = 1 THEN 1 ELSE 0 END) AS failed,
         SUM(dead) AS dead
       FROM outbox WHERE created_at >= ?`,
    )
    .get(sinceMs) as { created: number; failed: number | null; dead: number | null };
  return { created: row.created, failed: row.failed ?? 0, dead: row.dead ?? 0 };
}
