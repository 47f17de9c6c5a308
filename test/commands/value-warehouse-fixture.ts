import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';

/** Value-table columns the /priority, /value-segments and /customer fixtures fill; TEXT like real exports. */
export const VALUE_FIXTURE_COLUMNS = [
  'primary_email',
  'analysis_timestamp',
  'primary_organization',
  'customer_tier',
  'portfolio_contribution_pct',
  'lifecycle_stage',
  'recency_score',
  'frequency_score',
  'monetary_score',
  'customer_health_score',
  'churn_probability',
  'estimated_customer_ltv',
  'expected_annual_revenue',
  'account_age_days',
  'days_since_last_activity',
  'rfm_segment',
  'recommended_engagement_model',
  'zendesk_user_id',
  'marketo_lead_id',
  'stripe_customer_id',
] as const;

export type FixtureValue = string | number | null;
export type ValueFixtureRow = Partial<Record<(typeof VALUE_FIXTURE_COLUMNS)[number], FixtureValue>>;

export interface FixtureTables {
  readonly value?: readonly ValueFixtureRow[];
  /** Extra tables as raw SQL (CREATE + INSERT). */
  readonly sql?: string;
  /** Leave these value columns out of the table (missing-column tests). */
  readonly dropValueColumns?: readonly string[];
}

export interface FixtureWarehouse {
  readonly warehouse: Warehouse;
  readonly context: CommandContext;
  cleanup(): void;
}

/** A tiny warehouse file; rows get rowids in the order given. */
export function valueWarehouse(tables: FixtureTables): FixtureWarehouse {
  const dir = mkdtempSync(join(tmpdir(), 'radar-value-'));
  const path = join(dir, 'w.sqlite');
  const db = new Database(path);
  const columns = VALUE_FIXTURE_COLUMNS.filter((c) => !tables.dropValueColumns?.includes(c));
  db.exec(`CREATE TABLE customer360__customer_value_analysis (${columns.map((c) => `${c} TEXT`).join(', ')})`);
  const insert = db.prepare(
    `INSERT INTO customer360__customer_value_analysis (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of tables.value ?? []) insert.run(...columns.map((c) => row[c] ?? null));
  if (tables.sql) db.exec(tables.sql);
  db.close();
  const warehouse = openWarehouse(path);
  return {
    warehouse,
    context: { warehouse: () => warehouse, now: () => new Date('2026-11-23T00:00:00Z') },
    cleanup: () => {
      warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A value row with the score inputs; every other column NULL unless given. */
export function scored(
  email: string,
  tier: string,
  pct: number,
  r: number,
  f: number,
  m: number,
  health: number,
  churn: number,
  extra: ValueFixtureRow = {},
): ValueFixtureRow {
  return {
    primary_email: email,
    analysis_timestamp: '2026-11-01 00:00:00',
    customer_tier: tier,
    portfolio_contribution_pct: pct,
    recency_score: r,
    frequency_score: f,
    monetary_score: m,
    customer_health_score: health,
    churn_probability: churn,
    ...extra,
  };
}
