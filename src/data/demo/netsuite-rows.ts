import { DATA_DATE_MS, DAY_MS, formatDate } from './demo-clock.js';
import { clamp, round } from './demo-numbers.js';
import type { DemoRow } from './demo-schema.js';
import {
  CJK_ORGANIZATION_NAMES,
  COMPANY_STEM_COUNT,
  COMPANY_SUFFIX_COUNT,
  companyName,
  EMAIL_DOMAINS,
} from './demo-vocabulary.js';
import { createRandom, type SeededRandom } from './seeded-random.js';

/**
 * Spec §2.7 (R076): segment, customers, rows and the all-row retention mean per segment.
 * Customers keep their segment across rows, so latest counts equal customer counts.
 */
const SEGMENTS = [
  { name: 'Premium', customers: 33, rows: 52, retention: 0.6587 },
  { name: 'Growing', customers: 22, rows: 29, retention: 0.4397 },
  { name: 'High Value', customers: 19, rows: 27, retention: 0.5556 },
  { name: 'Standard', customers: 15, rows: 23, retention: 0.523 },
  { name: 'Basic', customers: 18, rows: 18, retention: 0.4739 },
] as const;

/** All-row counts of seasonal_preference and lifecycle_stage; there is no "Q2 Peak". */
const SEASONS: readonly (readonly [string, number])[] = [
  ['Q4 Peak', 83],
  ['Q1 Peak', 41],
  ['Q3 Peak', 20],
  ['Balanced', 5],
];
const STAGES: readonly (readonly [string, number])[] = [
  ['Mature', 73],
  ['Growth', 54],
  ['At Risk', 22],
];
/** Customers whose two latest rows share a segmentation_date; subsidiary_id must break the tie. */
const DATE_TIES = 5;
/** Rows whose quarterly counts add up to one more than transaction_count. */
const OFF_BY_ONE_ROWS = 9;

/** Quarter weights per seasonal preference (q1..q4). */
const SEASON_WEIGHTS: Record<string, readonly number[]> = {
  'Q4 Peak': [0.15, 0.15, 0.15, 0.55],
  'Q1 Peak': [0.55, 0.15, 0.15, 0.15],
  'Q3 Peak': [0.15, 0.15, 0.55, 0.15],
  Balanced: [0.25, 0.25, 0.25, 0.25],
};

interface NetsuiteCustomer {
  id: string;
  name: string;
  email: string;
  segment: (typeof SEGMENTS)[number];
  rows: number;
  tie: boolean;
}

/**
 * The 149 NetSuite rows over 107 customers (fixed, whatever the customer360 size). Category
 * counts are dealt from exact decks; numbers follow the published relationships: score ≈
 * revenue / 9.2, transaction_count ≈ ½ · avg_tpm · age/30, quarters summing to the count.
 */
export function buildNetsuiteRows(seed: number): DemoRow<'netsuite'>[] {
  const rng = createRandom(seed, 'netsuite');
  const customers = planCustomers(rng);
  const seasons = deck(rng, SEASONS);
  const stages = deck(rng, STAGES);
  const totalRows = customers.reduce((sum, c) => sum + c.rows, 0);
  const rowOrder = Array.from({ length: totalRows }, (_, i) => i);
  rng.shuffleInPlace(rowOrder);
  const offByOne = new Set(rowOrder.slice(0, OFF_BY_ONE_ROWS));
  const rows: DemoRow<'netsuite'>[] = [];
  for (const customer of customers) {
    const latest = DATA_DATE_MS - rng.int(0, 120) * DAY_MS;
    const firstSubsidiary = rng.int(1, 4);
    for (let k = 0; k < customer.rows; k++) {
      const stepsBack = customer.rows - 1 - k;
      const tiedWithLatest = customer.tie && stepsBack === 1;
      const date = tiedWithLatest || stepsBack === 0 ? latest : latest - stepsBack * rng.int(60, 120) * DAY_MS;
      // The tied pair uses 9 and 12, so comparing subsidiary_id as text picks the wrong row.
      const subsidiary = customer.tie && stepsBack <= 1 ? (stepsBack === 0 ? 12 : 9) : firstSubsidiary + k;
      const index = rows.length;
      rows.push(
        netsuiteRow(rng, customer, {
          index,
          date,
          subsidiary,
          season: seasons[index] ?? 'Q4 Peak',
          stage: stages[index] ?? 'Mature',
          offByOne: offByOne.has(index),
        }),
      );
    }
  }
  centreRetention(rows);
  return rows;
}

function planCustomers(rng: SeededRandom): NetsuiteCustomer[] {
  const customers: NetsuiteCustomer[] = [];
  for (const segment of SEGMENTS) {
    const counts = new Array<number>(segment.customers).fill(1);
    // A customer holds at most four snapshots; Basic customers have exactly one (R076).
    let extra = segment.rows - segment.customers;
    while (extra > 0) {
      const i = rng.int(0, segment.customers - 1);
      if ((counts[i] ?? 1) >= 4) continue;
      counts[i] = (counts[i] ?? 1) + 1;
      extra--;
    }
    for (const rows of counts) {
      const n = customers.length;
      customers.push({
        id: `NET${String(1_146_543_590 + n * 7_919 + rng.int(0, 7_000)).padStart(11, '0')}`,
        name:
          n % 53 === 7
            ? (CJK_ORGANIZATION_NAMES[n % CJK_ORGANIZATION_NAMES.length] ?? '')
            : companyName(rng.int(0, COMPANY_STEM_COUNT - 1), rng.int(0, COMPANY_SUFFIX_COUNT - 1)),
        email: `billing${n}@${rng.pick(EMAIL_DOMAINS)}`,
        segment,
        rows,
        tie: false,
      });
    }
  }
  const multi = customers.filter((c) => c.rows > 1);
  rng.shuffleInPlace(multi);
  for (const customer of multi.slice(0, DATE_TIES)) customer.tie = true;
  rng.shuffleInPlace(customers);
  return customers;
}

interface RowPlan {
  index: number;
  date: number;
  subsidiary: number;
  season: string;
  stage: string;
  offByOne: boolean;
}

function netsuiteRow(rng: SeededRandom, customer: NetsuiteCustomer, plan: RowPlan): DemoRow<'netsuite'> {
  const seasonal = plan.season !== 'Balanced' && rng.chance(0.12);
  // Seasonal-peak buyers order rarely (median ≈ 2); the rest around 15 (R076 cluster medians).
  const transactions = seasonal ? rng.int(1, 3) : Math.max(1, Math.round(rng.logNormal(15, 0.55)));
  const ageDays = rng.int(120, 1_400);
  // Half the frequency the average implies: the two fields disagree by design (spec §4.14).
  const avgPerMonth = ((2 * transactions) / (ageDays / 30)) * rng.uniform(0.85, 1.15);
  const quarters = seasonal ? oneQuarter(transactions, plan.season) : splitQuarters(rng, transactions, plan.season);
  if (plan.offByOne) quarters[rng.int(0, 3) as Quarter] += 1;
  const revenue = transactions * rng.logNormal(55, 0.45);
  const score = revenue / (9.2 * rng.uniform(0.88, 1.12));
  const volatility = rng.hump();
  return {
    customer_analytics_id: `CA-${String(100_000 + plan.index * 13 + rng.int(0, 12))}`,
    customer_id: customer.id,
    customer_name: customer.name,
    customer_email: customer.email,
    subsidiary_id: String(plan.subsidiary),
    segmentation_date: formatDate(plan.date),
    profitability_segment: customer.segment.name,
    value_tier: revenue >= 1_500 ? 'Tier 1' : revenue >= 500 ? 'Tier 2' : 'Tier 3',
    lifecycle_stage: plan.stage,
    activity_status: avgPerMonth >= 1 ? 'Active' : avgPerMonth >= 0.3 ? 'Occasional' : 'Dormant',
    retention_category: 'pending',
    total_revenue: round(revenue, 2),
    net_profit: round(revenue * rng.uniform(-0.05, 0.35), 2),
    transaction_count: transactions,
    avg_transactions_per_month: round(avgPerMonth, 4),
    comprehensive_customer_score: round(score, 2),
    retention_probability: customer.segment.retention + rng.normal(0, 0.15),
    seasonal_preference: plan.season,
    transaction_consistency: rng.weighted([
      ['Very Consistent', 9],
      ['Consistent', 14],
      ['Moderate', 9],
      ['Irregular', 15],
    ]),
    growth_potential: rng.pick(['High', 'Medium', 'Low']),
    recommended_action: rng.pick([
      'Upsell Premium Services',
      'Maintain Relationship',
      'Re-engagement Campaign',
      'Retention Outreach',
    ]),
    engagement_frequency:
      avgPerMonth >= 2 ? 'Weekly' : avgPerMonth >= 0.8 ? 'Monthly' : avgPerMonth >= 0.3 ? 'Quarterly' : 'Sporadic',
    customer_age_days: ageDays,
    transaction_value_volatility: round(volatility, 4),
    q1_transactions: quarters[0],
    q2_transactions: quarters[1],
    q3_transactions: quarters[2],
    q4_transactions: quarters[3],
  };
}

type Quarters = [number, number, number, number];
type Quarter = 0 | 1 | 2 | 3;
const QUARTERS: readonly Quarter[] = [0, 1, 2, 3];

/** Every transaction in the peak quarter: zero entropy, as some real customers show. */
function oneQuarter(transactions: number, season: string): Quarters {
  const peak = season === 'Q1 Peak' ? 0 : season === 'Q3 Peak' ? 2 : 3;
  const quarters: Quarters = [0, 0, 0, 0];
  quarters[peak] = transactions;
  return quarters;
}

function splitQuarters(rng: SeededRandom, transactions: number, season: string): Quarters {
  const weights = SEASON_WEIGHTS[season] ?? [0.25, 0.25, 0.25, 0.25];
  const quarters: Quarters = [0, 0, 0, 0];
  for (let t = 0; t < transactions; t++) {
    const u = rng.next();
    let cumulative = 0;
    for (const q of QUARTERS) {
      cumulative += weights[q] ?? 0;
      if (u < cumulative || q === 3) {
        quarters[q] += 1;
        break;
      }
    }
  }
  return quarters;
}

/**
 * Shifts each segment's retention so its all-row mean is the published one, then clamps to
 * [0.02, 0.99] and labels the category (clamping moves a mean by well under 0.001 here).
 */
function centreRetention(rows: DemoRow<'netsuite'>[]): void {
  for (const segment of SEGMENTS) {
    const members = rows.filter((r) => r.profitability_segment === segment.name);
    const mean = members.reduce((sum, r) => sum + Number(r.retention_probability), 0) / members.length;
    for (const row of members) {
      const value = clamp(Number(row.retention_probability) - mean + segment.retention, 0.02, 0.99);
      row.retention_probability = round(value, 4);
      row.retention_category = value >= 0.65 ? 'High Retention' : value >= 0.45 ? 'Medium Retention' : 'Low Retention';
    }
  }
}

/** An exact multiset of levels in shuffled order, so all-row counts match the spec exactly. */
function deck<T>(rng: SeededRandom, counts: readonly (readonly [T, number])[]): T[] {
  const cards: T[] = [];
  for (const [level, n] of counts) for (let i = 0; i < n; i++) cards.push(level);
  rng.shuffleInPlace(cards);
  return cards;
}
