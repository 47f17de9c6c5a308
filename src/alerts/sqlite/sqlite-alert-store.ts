import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  ALERT_SELECT,
  type AlertRow,
  type InterventionRow,
  type SummaryRow,
  toAlert,
  toIntervention,
  toSummary,
} from '../alert-rows.js';
import type {
  AlertStore,
  DigestRecordRequest,
  LifecycleRequest,
  LifecycleResult,
  PreviousDigest,
  ScanOutcome,
  ScanRequest,
  SlaOutcome,
  SlaRequest,
} from '../alert-store.js';
import type { Alert, AlertSummary, Intervention } from '../alert-types.js';
import type { DeliveryStats, HealthPlan, HealthProblemState, HealthRequest } from '../health/health-types.js';
import type { DeliveryReceipt, OutboxEntry } from '../outbox-types.js';
import type {
  ThresholdChange,
  ThresholdChangeRequest,
  ThresholdChangeResult,
  ThresholdsInForce,
} from '../rules/rules-state.js';
import * as lifecycle from './lifecycle-writes.js';
import { migrate } from './migrations.js';
import * as outbox from './outbox-writes.js';
import * as rules from './rules-writes.js';
import { applyScan, applySla, claimJob, loadActive, loadAlert } from './scan-writes.js';

/** Where the state lives unless RADAR_STATE_DB says otherwise (relative to the working directory). */
export const DEFAULT_STATE_DB = '.radar/state.sqlite';

/** How long a writer waits for another process's write lock before failing (two instances on one file). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * The AlertStore on one SQLite file: WAL (readers never block the writer), a busy timeout for a second process,
 * foreign keys on, numbered migrations at open, and every write in an IMMEDIATE transaction so two processes
 * serialise on the write lock instead of deadlocking on a read-to-write upgrade.
 */
export class SqliteAlertStore implements AlertStore {
  readonly #db: Database.Database;

  private constructor(db: Database.Database) {
    this.#db = db;
  }

  static open(path: string, now: number): SqliteAlertStore {
    if (path !== ':memory:') createPrivateFile(path);
    const db = new Database(path);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, now);
    return new SqliteAlertStore(db);
  }

  /**
   * An in-memory copy of the state at `path` (or a fresh state when there is none): local mode runs the real jobs
   * on it to print what would be posted, and the real file is never written.
   */
  static openDryRun(path: string, now: number): SqliteAlertStore {
    let db: Database.Database;
    if (existsSync(path)) {
      const source = new Database(path, { readonly: true, fileMustExist: true });
      try {
        db = new Database(asRollbackJournal(source.serialize()));
      } finally {
        source.close();
      }
    } else {
      db = new Database(':memory:');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, now);
    return new SqliteAlertStore(db);
  }

  async applyScan(request: ScanRequest): Promise<ScanOutcome | null> {
    return applyScan(this.#db, request);
  }

  async applySla(request: SlaRequest): Promise<SlaOutcome | null> {
    return applySla(this.#db, request);
  }

  async acknowledge(request: LifecycleRequest): Promise<LifecycleResult> {
    return lifecycle.acknowledge(this.#db, request);
  }

  async assign(request: LifecycleRequest & { readonly assignee: string }): Promise<LifecycleResult> {
    return lifecycle.assign(this.#db, request);
  }

  async snooze(request: LifecycleRequest & { readonly untilMs: number }): Promise<LifecycleResult> {
    return lifecycle.snooze(this.#db, request);
  }

  async logIntervention(
    request: LifecycleRequest & { readonly note: string; readonly requestKey: string },
  ): Promise<LifecycleResult> {
    return lifecycle.logIntervention(this.#db, request);
  }

  async getAlert(id: number): Promise<Alert | null> {
    return loadAlert(this.#db, id);
  }

  async getAlerts(ids: readonly number[]): Promise<Alert[]> {
    if (ids.length === 0) return [];
    const rows = this.#db
      .prepare(`${ALERT_SELECT} WHERE a.id IN (${ids.map(() => '?').join(',')}) ORDER BY a.id`)
      .all(...ids) as AlertRow[];
    return rows.map(toAlert);
  }

  async getSummary(id: number): Promise<AlertSummary | null> {
    const row = this.#db.prepare('SELECT * FROM summaries WHERE id = ?').get(id) as SummaryRow | undefined;
    return row === undefined ? null : toSummary(row);
  }

  async alertsOfSummary(summaryId: number): Promise<Alert[]> {
    const rows = this.#db.prepare(`${ALERT_SELECT} WHERE a.summary_id = ? ORDER BY a.id`).all(summaryId) as AlertRow[];
    return rows.map(toAlert);
  }

  async activeAlerts(): Promise<Alert[]> {
    return loadActive(this.#db);
  }

  async interventionsSince(sinceMs: number): Promise<Intervention[]> {
    const rows = this.#db
      .prepare('SELECT * FROM interventions WHERE logged_at >= ? ORDER BY logged_at, id')
      .all(sinceMs) as InterventionRow[];
    return rows.map(toIntervention);
  }

  async resolvedSince(sinceMs: number): Promise<Alert[]> {
    const rows = this.#db
      .prepare(`${ALERT_SELECT} WHERE a.state = 'resolved' AND a.resolved_at >= ? ORDER BY a.resolved_at`)
      .all(sinceMs) as AlertRow[];
    return rows.map(toAlert);
  }

  async recordDigest(request: DigestRecordRequest): Promise<boolean> {
    const db = this.#db;
    return db
      .transaction((): boolean => {
        if (!claimJob(db, request.job, request.period, request.now)) return false;
        db.prepare(
          `INSERT INTO digests_sent (recipient, iso_week, sent_at, red_keys, zone_counts) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING`,
        ).run(
          request.recipient,
          request.period,
          request.now,
          JSON.stringify(request.redKeys),
          JSON.stringify(request.counts),
        );
        for (const entry of request.entries) outbox.enqueue(db, entry, request.now);
        return true;
      })
      .immediate();
  }

  async previousDigest(recipient: string, isoWeek: string): Promise<PreviousDigest | null> {
    const row = this.#db
      .prepare(
        `SELECT iso_week, red_keys, zone_counts FROM digests_sent WHERE recipient = ? AND iso_week < ?
         ORDER BY iso_week DESC LIMIT 1`,
      )
      .get(recipient, isoWeek) as { iso_week: string; red_keys: string; zone_counts: string } | undefined;
    if (row === undefined) return null;
    return {
      isoWeek: row.iso_week,
      redKeys: JSON.parse(row.red_keys) as string[],
      counts: JSON.parse(row.zone_counts) as Record<string, number>,
    };
  }

  async hasJobRun(job: string, period: string): Promise<boolean> {
    return this.#db.prepare('SELECT 1 FROM job_runs WHERE job = ? AND period = ?').get(job, period) !== undefined;
  }

  async lastJobPeriod(job: string): Promise<string | null> {
    const row = this.#db.prepare('SELECT MAX(period) AS period FROM job_runs WHERE job = ?').get(job) as {
      period: string | null;
    };
    return row.period;
  }

  async claimOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
    return outbox.claimOutbox(this.#db, now, leaseMs, limit);
  }

  async completeOutbox(id: number, receipt: DeliveryReceipt | null, now: number): Promise<void> {
    outbox.completeOutbox(this.#db, id, receipt, now);
  }

  async failOutbox(id: number, error: string, retryAt: number | null, outcomeUnknown = false): Promise<void> {
    outbox.failOutbox(this.#db, id, error, retryAt, outcomeUnknown);
  }

  async outboxCounts(): Promise<{ pending: number; dead: number; delivered: number }> {
    return outbox.outboxCounts(this.#db);
  }

  async deliveryStats(sinceMs: number): Promise<DeliveryStats> {
    return rules.deliveryStats(this.#db, sinceMs);
  }

  async thresholdsInForce(): Promise<ThresholdsInForce> {
    return rules.thresholdsInForce(this.#db);
  }

  async changeThresholds(request: ThresholdChangeRequest): Promise<ThresholdChangeResult> {
    return rules.changeThresholds(this.#db, request);
  }

  async thresholdChangesSince(sinceMs: number): Promise<ThresholdChange[]> {
    return rules.thresholdChangesSince(this.#db, sinceMs);
  }

  async applyHealth(request: HealthRequest): Promise<{ plan: HealthPlan; enqueued: number } | null> {
    return rules.applyHealth(this.#db, request);
  }

  async healthProblems(): Promise<HealthProblemState[]> {
    return rules.healthProblems(this.#db);
  }

  async close(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

/**
 * The state holds customer emails and intervention notes: only the owner may read it. SQLite creates the -wal
 * and -shm files with the database file's mode, so creating that file 0600 first covers all three; an older
 * file created 0644 is narrowed too.
 */
function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/**
 * A serialised WAL database says "WAL" in its header (bytes 18 and 19 = 2), and an in-memory database cannot
 * open in WAL mode ("unable to open database file"): mark the copy as a rollback-journal database (1, 1).
 */
function asRollbackJournal(image: Buffer): Buffer {
  if (image.length >= 20 && image[18] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return image;
}
