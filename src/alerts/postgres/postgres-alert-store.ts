import type { Logger } from '../../logging.js';
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
import { PgDatabase } from './pg-client.js';
import * as lifecycle from './pg-lifecycle-writes.js';
import { migratePg } from './pg-migrations.js';
import * as outbox from './pg-outbox-writes.js';
import * as rules from './pg-rules-writes.js';
import { applyScan, applySla, claimJob, loadActive, loadAlert } from './pg-scan-writes.js';

/**
 * The AlertStore on Postgres (RADAR_STATE_URL), for several instances on one state. Isolation per method:
 *
 * - applyScan, applySla: READ COMMITTED under a transaction-level advisory lock, so scans and SLA checks of all
 *   instances run one after another on the state the previous one committed; the (job, period) primary key makes
 *   the second claimant of a period do nothing.
 * - acknowledge, assign, snooze, logIntervention: READ COMMITTED compare-and-set updates (row lock + re-checked
 *   WHERE) and unique request keys: a click handled twice, on one instance or two, changes the alert once.
 * - recordDigest: READ COMMITTED; the (digest job, period) key decides, the insert waits for a concurrent claimant.
 * - claimOutbox: READ COMMITTED, `FOR UPDATE SKIP LOCKED` with a lease (`claimed_until`): instances never lease the
 *   same entry at once, and an expired lease (a dead instance) is taken over.
 * - completeOutbox, failOutbox: READ COMMITTED single-row updates.
 * - changeThresholds: READ COMMITTED under a transaction-level advisory lock (old → new is read and written as one
 *   step across instances); the unique request key makes a resubmitted modal record once.
 * - applyHealth: READ COMMITTED; the (health job, period) key decides, like the scan.
 * - reads: one READ COMMITTED statement each.
 *
 * Every call is retried with backoff when the connection drops (see pg-client.ts), and every write is safe to run
 * twice, so a COMMIT whose answer was lost is harmless.
 */
export class PostgresAlertStore implements AlertStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects (retrying while Postgres starts) and applies the migrations not applied yet. */
  static async open(
    url: string,
    now: number,
    logger: Logger,
    options: { readonly poolSize?: number } = {},
  ): Promise<PostgresAlertStore> {
    const db = new PgDatabase(url, logger, options.poolSize === undefined ? {} : { max: options.poolSize });
    try {
      const applied = await db.withClient('migrate', (client) => migratePg(client, now));
      if (applied.length > 0) logger.info({ store: 'postgres', applied }, 'state schema migrated');
    } catch (error) {
      await db.close();
      throw error;
    }
    return new PostgresAlertStore(db);
  }

  /** The migration versions recorded in the database (for tests and `radar doctor`-style checks). */
  async migrationVersions(): Promise<number[]> {
    const rows = await this.#db.query<{ version: number }>('versions', 'SELECT version FROM schema_migrations');
    return rows.map((r) => r.version).sort((a, b) => a - b);
  }

  applyScan(request: ScanRequest): Promise<ScanOutcome | null> {
    return this.#db.transaction('applyScan', 'READ COMMITTED', (tx) => applyScan(tx, request));
  }

  applySla(request: SlaRequest): Promise<SlaOutcome | null> {
    return this.#db.transaction('applySla', 'READ COMMITTED', (tx) => applySla(tx, request));
  }

  acknowledge(request: LifecycleRequest): Promise<LifecycleResult> {
    return this.#db.transaction('acknowledge', 'READ COMMITTED', (tx) => lifecycle.acknowledge(tx, request));
  }

  assign(request: LifecycleRequest & { readonly assignee: string }): Promise<LifecycleResult> {
    return this.#db.transaction('assign', 'READ COMMITTED', (tx) => lifecycle.assign(tx, request));
  }

  snooze(request: LifecycleRequest & { readonly untilMs: number }): Promise<LifecycleResult> {
    return this.#db.transaction('snooze', 'READ COMMITTED', (tx) => lifecycle.snooze(tx, request));
  }

  logIntervention(
    request: LifecycleRequest & { readonly note: string; readonly requestKey: string },
  ): Promise<LifecycleResult> {
    return this.#db.transaction('logIntervention', 'READ COMMITTED', (tx) => lifecycle.logIntervention(tx, request));
  }

  getAlert(id: number): Promise<Alert | null> {
    return this.#db.transaction('getAlert', 'READ COMMITTED', (tx) => loadAlert(tx, id));
  }

  async getAlerts(ids: readonly number[]): Promise<Alert[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db.query<AlertRow>('getAlerts', `${ALERT_SELECT} WHERE a.id = ANY($1) ORDER BY a.id`, [
      [...ids],
    ]);
    return rows.map(toAlert);
  }

  async getSummary(id: number): Promise<AlertSummary | null> {
    const rows = await this.#db.query<SummaryRow>('getSummary', 'SELECT * FROM summaries WHERE id = $1', [id]);
    return rows[0] === undefined ? null : toSummary(rows[0]);
  }

  async alertsOfSummary(summaryId: number): Promise<Alert[]> {
    const sql = `${ALERT_SELECT} WHERE a.summary_id = $1 ORDER BY a.id`;
    return (await this.#db.query<AlertRow>('alertsOfSummary', sql, [summaryId])).map(toAlert);
  }

  activeAlerts(): Promise<Alert[]> {
    return this.#db.transaction('activeAlerts', 'READ COMMITTED', (tx) => loadActive(tx));
  }

  async interventionsSince(sinceMs: number): Promise<Intervention[]> {
    const sql = 'SELECT * FROM interventions WHERE logged_at >= $1 ORDER BY logged_at, id';
    return (await this.#db.query<InterventionRow>('interventionsSince', sql, [sinceMs])).map(toIntervention);
  }

  async resolvedSince(sinceMs: number): Promise<Alert[]> {
    const sql = `${ALERT_SELECT} WHERE a.state = 'resolved' AND a.resolved_at >= $1 ORDER BY a.resolved_at`;
    return (await this.#db.query<AlertRow>('resolvedSince', sql, [sinceMs])).map(toAlert);
  }

  recordDigest(request: DigestRecordRequest): Promise<boolean> {
    return this.#db.transaction('recordDigest', 'READ COMMITTED', async (tx) => {
      if (!(await claimJob(tx, request.job, request.period, request.now))) return false;
      await tx.query(
        `INSERT INTO digests_sent (recipient, iso_week, sent_at, red_keys, zone_counts) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [
          request.recipient,
          request.period,
          request.now,
          JSON.stringify(request.redKeys),
          JSON.stringify(request.counts),
        ],
      );
      for (const entry of request.entries) await outbox.enqueue(tx, entry, request.now);
      return true;
    });
  }

  async previousDigest(recipient: string, isoWeek: string): Promise<PreviousDigest | null> {
    const rows = await this.#db.query<{ iso_week: string; red_keys: string; zone_counts: string }>(
      'previousDigest',
      `SELECT iso_week, red_keys, zone_counts FROM digests_sent WHERE recipient = $1 AND iso_week < $2
       ORDER BY iso_week DESC LIMIT 1`,
      [recipient, isoWeek],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      isoWeek: row.iso_week,
      redKeys: JSON.parse(row.red_keys) as string[],
      counts: JSON.parse(row.zone_counts) as Record<string, number>,
    };
  }

  async hasJobRun(job: string, period: string): Promise<boolean> {
    const sql = 'SELECT 1 FROM job_runs WHERE job = $1 AND period = $2';
    return (await this.#db.query('hasJobRun', sql, [job, period])).length > 0;
  }

  async lastJobPeriod(job: string): Promise<string | null> {
    const sql = 'SELECT MAX(period) AS period FROM job_runs WHERE job = $1';
    const rows = await this.#db.query<{ period: string | null }>('lastJobPeriod', sql, [job]);
    return rows[0]?.period ?? null;
  }

  claimOutbox(now: number, leaseMs: number, limit: number): Promise<OutboxEntry[]> {
    return this.#db.transaction('claimOutbox', 'READ COMMITTED', (tx) => outbox.claimOutbox(tx, now, leaseMs, limit));
  }

  completeOutbox(id: number, receipt: DeliveryReceipt | null, now: number): Promise<void> {
    return this.#db.transaction('completeOutbox', 'READ COMMITTED', (tx) =>
      outbox.completeOutbox(tx, id, receipt, now),
    );
  }

  failOutbox(id: number, error: string, retryAt: number | null, outcomeUnknown = false): Promise<void> {
    return this.#db.transaction('failOutbox', 'READ COMMITTED', (tx) =>
      outbox.failOutbox(tx, id, error, retryAt, outcomeUnknown),
    );
  }

  outboxCounts(): Promise<{ pending: number; dead: number; delivered: number }> {
    return this.#db.transaction('outboxCounts', 'READ COMMITTED', (tx) => outbox.outboxCounts(tx));
  }

  deliveryStats(sinceMs: number): Promise<DeliveryStats> {
    return this.#db.transaction('deliveryStats', 'READ COMMITTED', (tx) => rules.deliveryStats(tx, sinceMs));
  }

  thresholdsInForce(): Promise<ThresholdsInForce> {
    return this.#db.transaction('thresholdsInForce', 'READ COMMITTED', (tx) => rules.thresholdsInForce(tx));
  }

  changeThresholds(request: ThresholdChangeRequest): Promise<ThresholdChangeResult> {
    return this.#db.transaction('changeThresholds', 'READ COMMITTED', (tx) => rules.changeThresholds(tx, request));
  }

  thresholdChangesSince(sinceMs: number): Promise<ThresholdChange[]> {
    return this.#db.transaction('thresholdChangesSince', 'READ COMMITTED', (tx) =>
      rules.thresholdChangesSince(tx, sinceMs),
    );
  }

  applyHealth(request: HealthRequest): Promise<{ plan: HealthPlan; enqueued: number } | null> {
    return this.#db.transaction('applyHealth', 'READ COMMITTED', (tx) => rules.applyHealth(tx, request));
  }

  healthProblems(): Promise<HealthProblemState[]> {
    return this.#db.transaction('healthProblems', 'READ COMMITTED', (tx) => rules.healthProblems(tx));
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}
