import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoWarehouse } from '../../../src/data/demo/generate-demo-warehouse.js';
import { TABLE_IDS, WAREHOUSE_TABLES } from '../../../src/data/warehouse-schema.js';
import { createTempDir, type TempDir } from '../../helpers/temp-dir.js';

const ACTIVITY = WAREHOUSE_TABLES.activity.name;
const FUNNEL = WAREHOUSE_TABLES.funnel.name;
const VALUE = WAREHOUSE_TABLES.value.name;
const NETSUITE = WAREHOUSE_TABLES.netsuite.name;

/** Trimmed (spaces and tabs) and lower-cased, as every analysis cleans emails. */
const CLEAN_EMAIL = 'lower(trim(primary_email, char(32, 9)))';

/** Latest snapshot per cleaned email: parsed instant desc (unparseable last), then rowid desc. */
function latest(table: string, timestamp: string): string {
  const instant = `julianday(trim(${timestamp}))`;
  return `(SELECT * FROM (SELECT t.*, ${CLEAN_EMAIL} AS email_key, ROW_NUMBER() OVER (
    PARTITION BY ${CLEAN_EMAIL} ORDER BY ${instant} IS NULL, ${instant} DESC, rowid DESC) AS rn FROM "${table}" t) WHERE rn = 1)`;
}

describe('data/demo/generate-demo-warehouse', () => {
  let dir: TempDir;
  let db: Database.Database;

  const one = <T>(sql: string): T => db.prepare(sql).get() as T;
  const value = (sql: string): unknown => db.prepare(sql).pluck().get();

  beforeAll(() => {
    dir = createTempDir();
    const path = join(dir.path, 'demo.sqlite');
    generateDemoWarehouse(path);
    db = new Database(path, { readonly: true });
  });

  afterAll(() => {
    db?.close();
    dir?.cleanup();
  });

  it('populates all seven tables', () => {
    for (const id of TABLE_IDS) {
      const n = value(`SELECT COUNT(*) FROM "${WAREHOUSE_TABLES[id].name}"`) as number;
      expect(n, id).toBeGreaterThan(100);
    }
  });

  it('has 5,001 value rows over 4,734 cleaned emails, 111 of them repeated and one 24 times', () => {
    expect(value(`SELECT COUNT(*) FROM "${VALUE}"`)).toBe(5_001);
    expect(value(`SELECT COUNT(DISTINCT ${CLEAN_EMAIL}) FROM "${VALUE}"`)).toBe(4_734);
    const repeats = one<{ emails: number; most: number }>(
      `SELECT COUNT(*) AS emails, MAX(n) AS most FROM (SELECT COUNT(*) AS n FROM "${VALUE}" GROUP BY ${CLEAN_EMAIL} HAVING n > 1)`,
    );
    expect(repeats).toEqual({ emails: 111, most: 24 });
    expect(value(`SELECT COUNT(*) FROM "${VALUE}" WHERE primary_email IS NULL`)).toBe(0);
  });

  it('spells some emails differently only by case or whitespace', () => {
    const raw = value(`SELECT COUNT(DISTINCT primary_email) FROM "${VALUE}"`) as number;
    expect(raw).toBeGreaterThan(4_734);
    expect(
      value(`SELECT COUNT(*) FROM "${VALUE}" WHERE primary_email <> trim(primary_email, char(32, 9))`),
    ).toBeGreaterThan(0);
  });

  it('uses exactly ten email domains', () => {
    const domains = value(
      `SELECT COUNT(DISTINCT substr(${CLEAN_EMAIL}, instr(${CLEAN_EMAIL}, '@') + 1)) FROM "${VALUE}"`,
    );
    expect(domains).toBe(10);
  });

  it('keeps the portfolio share a fraction with max 0.5, and every row above 0.05 Gold or Platinum', () => {
    const pct = one<{ max: number; mean: number; lowTierAbove: number }>(
      `SELECT MAX(portfolio_contribution_pct) AS max, AVG(portfolio_contribution_pct) AS mean,
        SUM(portfolio_contribution_pct > 0.05 AND customer_tier NOT IN ('Gold', 'Platinum')) AS lowTierAbove FROM "${VALUE}"`,
    );
    expect(pct.max).toBe(0.5);
    expect(pct.mean).toBeGreaterThan(0.007);
    expect(pct.mean).toBeLessThan(0.011);
    expect(pct.lowTierAbove).toBe(0);
  });

  it('splits latest value rows into HV, SMB and Other in the DB-056 proportions', () => {
    const groups = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT CASE WHEN customer_tier IN ('Gold', 'Platinum') AND portfolio_contribution_pct > 0.05 THEN 'hv'
              WHEN customer_tier IN ('Basic', 'Bronze', 'Silver') AND portfolio_contribution_pct <= 0.05 THEN 'smb'
              ELSE 'other' END AS g, COUNT(*) AS n, AVG(CAST(churn_probability AS REAL)) AS churn, AVG(customer_health_score) AS health
            FROM ${latest(VALUE, 'analysis_timestamp')} GROUP BY g`,
          )
          .all() as { g: string; n: number; churn: number; health: number }[]
      ).map((r) => [r.g, r]),
    );
    expect(groups.hv?.n).toBeGreaterThan(85);
    expect(groups.hv?.n).toBeLessThan(115);
    expect(groups.other?.n).toBeGreaterThan(10);
    expect(groups.smb?.n).toBeGreaterThan(4_550);
    expect(groups.smb?.churn).toBeCloseTo(0.76, 1);
    expect(groups.hv?.churn).toBeCloseTo(0.41, 1);
    expect(groups.hv?.health).toBeGreaterThan(2.7);
    expect(groups.smb?.health).toBeLessThan(1.9);
  });

  it('stores rfm_avg_score as exactly the mean of integer R, F and M in 1–5', () => {
    const check = one<{ off: number; outOfRange: number }>(
      `SELECT SUM(rfm_avg_score <> (recency_score + frequency_score + monetary_score) / 3.0) AS off,
        SUM(recency_score NOT IN (1, 2, 3, 4, 5) OR frequency_score NOT IN (1, 2, 3, 4, 5) OR monetary_score NOT IN (1, 2, 3, 4, 5)) AS outOfRange
       FROM "${VALUE}"`,
    );
    expect(check).toEqual({ off: 0, outOfRange: 0 });
  });

  it('declares some numeric columns TEXT and leaves a little non-numeric junk in team_size', () => {
    const declared = db.prepare(`SELECT name, type FROM pragma_table_info('${VALUE}')`).all() as {
      name: string;
      type: string;
    }[];
    expect(declared.find((c) => c.name === 'churn_probability')?.type).toBe('TEXT');
    expect(declared.find((c) => c.name === 'customer_health_score')?.type).toBe('REAL');
    expect(value(`SELECT typeof(composite_engagement_score) FROM "${ACTIVITY}" LIMIT 1`)).toBe('text');
    const junk = value(`SELECT COUNT(*) FROM "${VALUE}" WHERE team_size IS NOT NULL AND team_size GLOB '*[a-zA-Z/-]*'`);
    expect(junk).toBeGreaterThan(0);
    expect(junk).toBeLessThan(30);
  });

  it('writes activity timestamps in both formats, with exact ties and some unparseable values', () => {
    const formats = one<{ iso: number; space: number; unparseable: number }>(
      `SELECT SUM(activity_analysis_timestamp GLOB '????-??-??T??:??:??Z') AS iso,
        SUM(activity_analysis_timestamp GLOB '????-??-?? ??:??:??') AS space,
        SUM(julianday(activity_analysis_timestamp) IS NULL) AS unparseable FROM "${ACTIVITY}"`,
    );
    expect(formats.iso).toBeGreaterThan(1_000);
    expect(formats.space).toBeGreaterThan(1_000);
    expect(formats.unparseable).toBeGreaterThan(10);
    const ties = value(
      `SELECT COUNT(*) FROM (SELECT 1 FROM "${ACTIVITY}" WHERE julianday(activity_analysis_timestamp) IS NOT NULL
        GROUP BY ${CLEAN_EMAIL}, julianday(activity_analysis_timestamp) HAVING COUNT(*) > 1)`,
    );
    expect(ties).toBeGreaterThan(20);
    // The same instant written once as 'YYYY-MM-DD HH:MM:SS' and once as ISO: only parsing sees the tie.
    const crossFormatTies = value(
      `SELECT COUNT(*) FROM (SELECT 1 FROM "${ACTIVITY}" WHERE julianday(activity_analysis_timestamp) IS NOT NULL
        GROUP BY ${CLEAN_EMAIL}, julianday(activity_analysis_timestamp) HAVING COUNT(DISTINCT activity_analysis_timestamp) > 1)`,
    );
    expect(crossFormatTies).toBeGreaterThan(0);
  });

  it('keeps five to eight snapshots per email in activity and funnel', () => {
    for (const table of [ACTIVITY, FUNNEL]) {
      const spread = one<{ least: number; most: number; mean: number }>(
        `SELECT MIN(n) AS least, MAX(n) AS most, AVG(n) AS mean FROM (SELECT COUNT(*) AS n FROM "${table}" GROUP BY ${CLEAN_EMAIL})`,
      );
      expect(spread.least, table).toBe(5);
      expect(spread.most, table).toBe(8);
    }
  });

  it('pairs High Activity Risk with Stagnant in about 2% of latest activity rows, health 60–64', () => {
    const pair = one<{
      n: number;
      total: number;
      risk: number;
      stagnant: number;
      minHealth: number;
      maxHealth: number;
    }>(
      `SELECT SUM(activity_risk_level = 'High Activity Risk' AND engagement_velocity = 'Stagnant') AS n, COUNT(*) AS total,
        SUM(activity_risk_level = 'High Activity Risk') AS risk, SUM(engagement_velocity = 'Stagnant') AS stagnant,
        MIN(CASE WHEN engagement_velocity = 'Stagnant' THEN customer_health_score END) AS minHealth,
        MAX(CASE WHEN engagement_velocity = 'Stagnant' THEN customer_health_score END) AS maxHealth
       FROM ${latest(ACTIVITY, 'activity_analysis_timestamp')}`,
    );
    expect(pair.risk).toBe(pair.n);
    expect(pair.stagnant).toBe(pair.n);
    expect(pair.n / pair.total).toBeGreaterThan(0.01);
    expect(pair.n / pair.total).toBeLessThan(0.035);
    expect(pair.minHealth).toBeGreaterThanOrEqual(60);
    expect(pair.maxHealth).toBeLessThanOrEqual(64);
    // Never apart in any snapshot, not just the latest.
    const apart = value(
      `SELECT COUNT(*) FROM "${ACTIVITY}" WHERE (activity_risk_level = 'High Activity Risk') <> (engagement_velocity = 'Stagnant')`,
    );
    expect(apart).toBe(0);
  });

  it('calibrates latest activity: composite mean ≈ 8, health ≈ 71, zendesk_active ≈ 27%', () => {
    const stats = one<{ composite: number; health: number; zendesk: number; channels: number }>(
      `SELECT AVG(CAST(composite_engagement_score AS REAL)) AS composite, AVG(customer_health_score) AS health,
        AVG(zendesk_active) AS zendesk, COUNT(DISTINCT primary_engagement_channel) AS channels
       FROM ${latest(ACTIVITY, 'activity_analysis_timestamp')}`,
    );
    expect(stats.composite).toBeGreaterThan(7.5);
    expect(stats.composite).toBeLessThan(8.5);
    expect(stats.health).toBeGreaterThan(68);
    expect(stats.health).toBeLessThan(74);
    expect(stats.zendesk).toBeGreaterThan(0.23);
    expect(stats.zendesk).toBeLessThan(0.31);
    expect(stats.channels).toBe(10);
    expect(value(`SELECT COUNT(DISTINCT primary_engagement_channel) FROM "${FUNNEL}"`)).toBe(6);
  });

  it('leaves a conversion cohort of roughly 960 customers on latest snapshots', () => {
    const a = latest(ACTIVITY, 'activity_analysis_timestamp');
    const f = latest(FUNNEL, 'funnel_analysis_timestamp');
    const cohort = value(
      `WITH a AS ${a}, f AS ${f}
       SELECT COUNT(*) FROM a JOIN f ON a.email_key = f.email_key
       WHERE CAST(f.marketing_to_sales_days AS REAL) BETWEEN 10 AND 20
         AND CAST(f.sales_to_support_days AS REAL) > 30
         AND CAST(a.composite_engagement_score AS REAL) > (SELECT AVG(CAST(composite_engagement_score AS REAL)) FROM a)`,
    ) as number;
    expect(cohort).toBeGreaterThan(900);
    expect(cohort).toBeLessThan(1_020);
  });

  it('has 149 NetSuite rows over 107 NET customers with five same-date ties', () => {
    const counts = one<{ rows: number; customers: number; badIds: number }>(
      `SELECT COUNT(*) AS rows, COUNT(DISTINCT customer_id) AS customers,
        SUM(customer_id NOT GLOB 'NET[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]') AS badIds FROM "${NETSUITE}"`,
    );
    expect(counts).toEqual({ rows: 149, customers: 107, badIds: 0 });
    const latestTies = value(
      `SELECT COUNT(*) FROM (SELECT customer_id FROM "${NETSUITE}" n
        WHERE segmentation_date = (SELECT MAX(segmentation_date) FROM "${NETSUITE}" m WHERE m.customer_id = n.customer_id)
        GROUP BY customer_id HAVING COUNT(*) > 1)`,
    );
    expect(latestTies).toBe(5);
  });

  it('matches the NetSuite segment mix, Q4-heavy seasonality without Q2 Peak, and retention means', () => {
    const segments = db
      .prepare(
        `SELECT profitability_segment AS s, COUNT(*) AS n, COUNT(DISTINCT customer_id) AS c, AVG(retention_probability) AS r
         FROM "${NETSUITE}" GROUP BY s ORDER BY s`,
      )
      .all() as { s: string; n: number; c: number; r: number }[];
    expect(segments.map((x) => [x.s, x.n, x.c])).toEqual([
      ['Basic', 18, 18],
      ['Growing', 29, 22],
      ['High Value', 27, 19],
      ['Premium', 52, 33],
      ['Standard', 23, 15],
    ]);
    expect(segments.find((x) => x.s === 'Premium')?.r).toBeCloseTo(0.6587, 2);
    expect(segments.find((x) => x.s === 'Growing')?.r).toBeCloseTo(0.4397, 2);
    const seasons = Object.fromEntries(
      db.prepare(`SELECT seasonal_preference, COUNT(*) FROM "${NETSUITE}" GROUP BY 1`).raw().all() as [
        string,
        number,
      ][],
    );
    expect(seasons).toEqual({ 'Q4 Peak': 83, 'Q1 Peak': 41, 'Q3 Peak': 20, Balanced: 5 });
  });

  it('keeps NetSuite quarters summing to the count except a few off by one, and score ≈ revenue / 9.2', () => {
    const q = one<{ offByOne: number; worse: number; singleQuarter: number; perPoint: number }>(
      `SELECT SUM(q1_transactions + q2_transactions + q3_transactions + q4_transactions - transaction_count = 1) AS offByOne,
        SUM(abs(q1_transactions + q2_transactions + q3_transactions + q4_transactions - transaction_count) > 1
          OR q1_transactions + q2_transactions + q3_transactions + q4_transactions < transaction_count) AS worse,
        SUM((q1_transactions = 0) + (q2_transactions = 0) + (q3_transactions = 0) + (q4_transactions = 0) = 3) AS singleQuarter,
        AVG(CAST(total_revenue AS REAL) / comprehensive_customer_score) AS perPoint FROM "${NETSUITE}"`,
    );
    expect(q.offByOne).toBeGreaterThan(2);
    expect(q.offByOne).toBeLessThan(15);
    expect(q.worse).toBe(0);
    expect(q.singleQuarter).toBeGreaterThan(0);
    expect(q.perPoint).toBeGreaterThan(8.8);
    expect(q.perPoint).toBeLessThan(9.6);
  });

  it('keys addresses on ids that match no customer, with junk place names', () => {
    const matches = value(
      `SELECT COUNT(*) FROM "${WAREHOUSE_TABLES.address.name}" WHERE customer360_id IN
        (SELECT customer360_id FROM "${WAREHOUSE_TABLES.mapping.name}" UNION SELECT customer360_id FROM "${WAREHOUSE_TABLES.customer.name}")`,
    );
    expect(matches).toBe(0);
    expect(value(`SELECT COUNT(*) FROM "${WAREHOUSE_TABLES.address.name}" WHERE country = 'School'`)).toBeGreaterThan(
      0,
    );
  });

  it('resolves every value row to a customer360_id through email or the id mapping', () => {
    const mapped = (column: string) =>
      `coalesce(v.${column} IN (SELECT ${column} FROM "${WAREHOUSE_TABLES.mapping.name}" WHERE ${column} IS NOT NULL), 0)`;
    const unresolved = value(
      `SELECT COUNT(*) FROM "${VALUE}" v
       WHERE lower(trim(v.primary_email, char(32, 9))) NOT IN (SELECT lower(email) FROM "${WAREHOUSE_TABLES.customer.name}")
         AND NOT (${mapped('zendesk_user_id')} OR ${mapped('marketo_lead_id')} OR ${mapped('stripe_customer_id')})`,
    );
    // Some rows do need the mapping: their email is not among the customer rows.
    const viaMapping = value(
      `SELECT COUNT(*) FROM "${VALUE}" v
       WHERE lower(trim(v.primary_email, char(32, 9))) NOT IN (SELECT lower(email) FROM "${WAREHOUSE_TABLES.customer.name}")`,
    );
    expect(viaMapping).toBeGreaterThan(0);
    expect(unresolved).toBe(0);
  });

  it('puts Chinese text only in free-text name fields', () => {
    const cjk = "GLOB '*[一-鿿]*'";
    expect(
      value(`SELECT COUNT(*) FROM "${WAREHOUSE_TABLES.customer.name}" WHERE organization_name ${cjk}`),
    ).toBeGreaterThan(0);
    expect(value(`SELECT COUNT(*) FROM "${NETSUITE}" WHERE customer_name ${cjk}`)).toBeGreaterThan(0);
    const levels = value(
      `SELECT COUNT(*) FROM "${VALUE}" WHERE industry_vertical ${cjk} OR customer_tier ${cjk} OR lifecycle_stage ${cjk}`,
    );
    expect(levels).toBe(0);
  });
});
