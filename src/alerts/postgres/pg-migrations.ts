import type pg from 'pg';

export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The Postgres schema, step for step the same versions as the SQLite store's (src/alerts/sqlite/migrations.ts) so
 * both stores stay comparable; add a feature's tables as the next version in both lists. Never edit a released step.
 * Times are epoch milliseconds (BIGINT), JSON is kept as text exactly as in SQLite so the row mappers are shared.
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'alerts, summaries, interventions',
    sql: `
      CREATE TABLE summaries (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('baseline', 'overflow')),
        scan_period TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        reason TEXT,
        channel TEXT,
        message_ts TEXT
      );
      CREATE TABLE alerts (
        id BIGSERIAL PRIMARY KEY,
        customer_key TEXT NOT NULL,
        customer TEXT NOT NULL,
        zone_method TEXT NOT NULL,
        zone_score DOUBLE PRECISION,
        reason TEXT NOT NULL,
        delivery TEXT NOT NULL CHECK (delivery IN ('individual', 'overflow', 'baseline')),
        summary_id BIGINT REFERENCES summaries(id),
        scan_period TEXT NOT NULL,
        detected_at BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'snoozed', 'resolved')),
        acknowledged_by TEXT,
        acknowledged_at BIGINT,
        assignee TEXT,
        assigned_by TEXT,
        assigned_at BIGINT,
        snoozed_by TEXT,
        snoozed_until BIGINT,
        sla_shift_ms BIGINT NOT NULL DEFAULT 0,
        intervention_at BIGINT,
        reminder_at BIGINT,
        escalated_at BIGINT,
        resolved_at BIGINT,
        resolved_reason TEXT,
        resolved_detail TEXT,
        channel TEXT,
        message_ts TEXT,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX alerts_one_active_per_customer ON alerts(customer_key) WHERE state <> 'resolved';
      CREATE INDEX alerts_by_summary ON alerts(summary_id);
      CREATE TABLE interventions (
        id BIGSERIAL PRIMARY KEY,
        alert_id BIGINT NOT NULL REFERENCES alerts(id),
        customer_key TEXT NOT NULL,
        logged_by TEXT NOT NULL,
        logged_at BIGINT NOT NULL,
        note TEXT NOT NULL,
        request_key TEXT NOT NULL UNIQUE
      );
    `,
  },
  {
    version: 2,
    name: 'outbox and job runs',
    sql: `
      CREATE TABLE outbox (
        id BIGSERIAL PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_until BIGINT,
        delivered_at BIGINT,
        result_channel TEXT,
        result_ts TEXT,
        last_error TEXT,
        dead INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL AND dead = 0;
      CREATE TABLE job_runs (
        job TEXT NOT NULL,
        period TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        detail TEXT,
        PRIMARY KEY (job, period)
      );
    `,
  },
  {
    version: 3,
    name: 'digests and warehouse identity',
    sql: `
      CREATE TABLE digests_sent (
        recipient TEXT NOT NULL,
        iso_week TEXT NOT NULL,
        sent_at BIGINT NOT NULL,
        red_keys TEXT NOT NULL,
        zone_counts TEXT NOT NULL,
        PRIMARY KEY (recipient, iso_week)
      );
      CREATE TABLE known_customers (
        customer_key TEXT PRIMARY KEY,
        zone TEXT,
        last_seen_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'outbox attempts with an unknown outcome',
    sql: `
      ALTER TABLE outbox ADD COLUMN attempt_started_at BIGINT;
      ALTER TABLE outbox ADD COLUMN outcome_unknown INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 5,
    name: 'zone thresholds, their changes, self-health problems',
    sql: `
      -- The thresholds in force (one row; none = the defaults) and every change, who and when, old and new.
      CREATE TABLE zone_thresholds (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        thresholds TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        changed_at BIGINT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE threshold_changes (
        id BIGSERIAL PRIMARY KEY,
        changed_by TEXT NOT NULL,
        changed_at BIGINT NOT NULL,
        old_thresholds TEXT NOT NULL,
        new_thresholds TEXT NOT NULL,
        request_key TEXT NOT NULL UNIQUE
      );
      -- Self-health: one row per problem Radar has ever seen, whether it is active and whether admins were told.
      CREATE TABLE health_problems (
        problem TEXT PRIMARY KEY,
        active INTEGER NOT NULL,
        since BIGINT,
        detail TEXT NOT NULL,
        notified INTEGER NOT NULL DEFAULT 0,
        last_notice_at BIGINT
      );
    `,
  },
];
/** Any 64-bit number only Radar's migrator takes: "radar-migrations" hashed, fixed forever. */
const MIGRATION_LOCK = 7_261_202_617_001;

/**
 * Applies the steps not applied yet; returns the versions applied by this call. Instances starting at once queue on
 * a session-level advisory lock, so exactly one of them migrates and the others find every step applied. Each step
 * commits with its `schema_migrations` row.
 */
export async function migratePg(client: pg.PoolClient, now: number): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
    const applied = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    );
    const done: number[] = [];
    for (const step of PG_MIGRATIONS) {
      if (applied.has(step.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          step.version,
          step.name,
          now,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      done.push(step.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
