import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Numbered schema steps, applied in order, each in its own transaction together with its `schema_migrations` row.
 * Never edit a released step; add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'alerts, summaries, interventions',
    sql: `
      CREATE TABLE summaries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('baseline', 'overflow')),
        scan_period TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        reason TEXT,
        channel TEXT,
        message_ts TEXT
      );
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        customer_key TEXT NOT NULL,
        customer TEXT NOT NULL,            -- JSON: zone, method, score, parts, rule, reason, figures at detection
        zone_method TEXT NOT NULL,
        zone_score REAL,
        reason TEXT NOT NULL,
        delivery TEXT NOT NULL CHECK (delivery IN ('individual', 'overflow', 'baseline')),
        summary_id INTEGER REFERENCES summaries(id),
        scan_period TEXT NOT NULL,
        detected_at INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'acknowledged', 'snoozed', 'resolved')),
        acknowledged_by TEXT,
        acknowledged_at INTEGER,
        assignee TEXT,
        assigned_by TEXT,
        assigned_at INTEGER,
        snoozed_by TEXT,
        snoozed_until INTEGER,
        sla_shift_ms INTEGER NOT NULL DEFAULT 0,
        intervention_at INTEGER,
        reminder_at INTEGER,
        escalated_at INTEGER,
        resolved_at INTEGER,
        resolved_reason TEXT,
        resolved_detail TEXT,
        channel TEXT,
        message_ts TEXT,
        version INTEGER NOT NULL DEFAULT 1
      );
      -- One alert per customer while it is open, acknowledged or snoozed.
      CREATE UNIQUE INDEX alerts_one_active_per_customer ON alerts(customer_key) WHERE state <> 'resolved';
      CREATE INDEX alerts_by_summary ON alerts(summary_id);
      CREATE TABLE interventions (
        id INTEGER PRIMARY KEY,
        alert_id INTEGER NOT NULL REFERENCES alerts(id),
        customer_key TEXT NOT NULL,
        logged_by TEXT NOT NULL,
        logged_at INTEGER NOT NULL,
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
        id INTEGER PRIMARY KEY,
        dedupe_key TEXT NOT NULL UNIQUE,
        payload TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        claimed_until INTEGER,
        delivered_at INTEGER,
        result_channel TEXT,
        result_ts TEXT,
        last_error TEXT,
        dead INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL AND dead = 0;
      CREATE TABLE job_runs (
        job TEXT NOT NULL,
        period TEXT NOT NULL,
        started_at INTEGER NOT NULL,
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
        sent_at INTEGER NOT NULL,
        red_keys TEXT NOT NULL,
        zone_counts TEXT NOT NULL,
        PRIMARY KEY (recipient, iso_week)
      );
      -- The customers the last scan saw: a scan whose customers are mostly unknown is a new warehouse (baseline).
      CREATE TABLE known_customers (
        customer_key TEXT PRIMARY KEY,
        zone TEXT,
        last_seen_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'outbox attempts with an unknown outcome',
    sql: `
      -- Start of the earliest attempt whose outcome is unknown (the transport reads Slack back from there).
      ALTER TABLE outbox ADD COLUMN attempt_started_at INTEGER;
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
        changed_at INTEGER NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE threshold_changes (
        id INTEGER PRIMARY KEY,
        changed_by TEXT NOT NULL,
        changed_at INTEGER NOT NULL,
        old_thresholds TEXT NOT NULL,
        new_thresholds TEXT NOT NULL,
        request_key TEXT NOT NULL UNIQUE
      );
      -- Self-health: one row per problem Radar has ever seen, whether it is active and whether admins were told.
      CREATE TABLE health_problems (
        problem TEXT PRIMARY KEY,
        active INTEGER NOT NULL,
        since INTEGER,
        detail TEXT NOT NULL,
        notified INTEGER NOT NULL DEFAULT 0,
        last_notice_at INTEGER
      );
    `,
  },
];
/** Applies the steps not applied yet; returns the versions applied now. */
export function migrate(db: Database.Database, now: number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const done: number[] = [];
  for (const step of MIGRATIONS) {
    if (applied.has(step.version)) continue;
    db.transaction(() => {
      // Another process may have applied it between our read and this write lock.
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(step.version);
      if (again !== undefined) return;
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        step.version,
        step.name,
        now,
      );
      done.push(step.version);
    }).immediate();
  }
  return done;
}
