import { typedZScores } from '../stats/typed-arrays.js';
import type { NetsuiteCustomer } from './netsuite-customer.js';

/**
 * The 14 §5 features, in the listed order. The order matters: information-gain ties go to
 * the first feature here (analyses.md, precise definitions).
 */
export const FEATURES = [
  { id: 'months', label: 'Customer age (months)', short: 'Months' },
  { id: 'expectedTransactions', label: 'Expected transactions', short: 'Expected tx' },
  { id: 'consistencyError', label: 'Consistency error', short: 'Consistency err' },
  { id: 'q1Share', label: 'Q1 share of transactions', short: 'Q1 share' },
  { id: 'q2Share', label: 'Q2 share of transactions', short: 'Q2 share' },
  { id: 'q3Share', label: 'Q3 share of transactions', short: 'Q3 share' },
  { id: 'q4Share', label: 'Q4 share of transactions', short: 'Q4 share' },
  { id: 'imbalance', label: 'Seasonality imbalance (max − min share)', short: 'Imbalance' },
  { id: 'shareStd', label: 'Quarter share std', short: 'Share std' },
  { id: 'entropy', label: 'Normalised quarter entropy', short: 'Entropy' },
  { id: 'quarterCv', label: 'CV of quarterly transactions', short: 'Quarter CV' },
  { id: 'volatility', label: 'Transaction value volatility', short: 'Volatility' },
  { id: 'valueMismatch', label: 'Value mismatch |z(revenue) − z(score)|', short: 'Value mismatch' },
  { id: 'revenuePerPoint', label: 'Revenue per score point', short: 'Revenue/point' },
] as const;

export type FeatureId = (typeof FEATURES)[number]['id'];

export const FEATURE_IDS: readonly FeatureId[] = FEATURES.map((f) => f.id);

export function featureLabel(id: FeatureId): string {
  return FEATURES.find((f) => f.id === id)?.label ?? id;
}

/** Months are counted as 30 days, as the analyst report did. */
export const DAYS_PER_MONTH = 30;

/**
 * Column-wise features, one Float64Array per feature aligned with the input rows. Inside the
 * analysis NaN marks a missing value (cheap to store and test in hot loops); results turn it
 * into null before anything leaves src/analysis.
 */
export interface FeatureMatrix {
  readonly n: number;
  readonly columns: Readonly<Record<FeatureId, Float64Array>>;
  /** z(total_revenue) and z(comprehensive_customer_score), kept for the value-mismatch chart. */
  readonly zRevenue: Float64Array;
  readonly zScore: Float64Array;
  /** Rows whose quarter shares are missing: a quarter NULL or negative, or all four zero. */
  readonly rowsWithoutQuarterShares: number;
}

const LN4 = Math.log(4);

export function computeFeatures(rows: readonly NetsuiteCustomer[]): FeatureMatrix {
  const n = rows.length;
  const column = () => new Float64Array(n).fill(Number.NaN);
  const columns = Object.fromEntries(FEATURE_IDS.map((id) => [id, column()])) as Record<FeatureId, Float64Array>;
  const zRevenue = typedZScores(columnOf(rows, (r) => r.totalRevenue));
  const zScore = typedZScores(columnOf(rows, (r) => r.score));
  let rowsWithoutQuarterShares = 0;
  const quarters = [0, 0, 0, 0];

  for (let i = 0; i < n; i++) {
    const row = rows[i] as NetsuiteCustomer;
    if (row.ageDays !== null) {
      const months = row.ageDays / DAYS_PER_MONTH;
      columns.months[i] = months;
      if (row.avgTransactionsPerMonth !== null) {
        const expected = row.avgTransactionsPerMonth * months;
        columns.expectedTransactions[i] = expected;
        if (expected !== 0 && row.transactionCount !== null) {
          columns.consistencyError[i] = Math.abs(row.transactionCount - expected) / expected;
        }
      }
    }

    quarters[0] = row.q1 ?? Number.NaN;
    quarters[1] = row.q2 ?? Number.NaN;
    quarters[2] = row.q3 ?? Number.NaN;
    quarters[3] = row.q4 ?? Number.NaN;
    if (!writeQuarterFeatures(quarters, columns, i)) rowsWithoutQuarterShares++;

    if (row.volatility !== null) columns.volatility[i] = row.volatility;
    const zr = zRevenue[i] as number;
    const zs = zScore[i] as number;
    if (!Number.isNaN(zr) && !Number.isNaN(zs)) columns.valueMismatch[i] = Math.abs(zr - zs);
    if (row.totalRevenue !== null && row.score !== null && row.score !== 0) {
      columns.revenuePerPoint[i] = row.totalRevenue / row.score;
    }
  }
  return { n, columns, zRevenue, zScore, rowsWithoutQuarterShares };
}

/**
 * Quarter shares, imbalance, share std, normalised entropy (0·ln 0 = 0) and the CV of the
 * four counts. All stay missing when a quarter is missing or negative or the four sum to 0,
 * because shares of nothing are undefined. Returns whether they were written.
 */
function writeQuarterFeatures(q: readonly number[], columns: Record<FeatureId, Float64Array>, i: number): boolean {
  let sum = 0;
  for (const v of q) {
    if (Number.isNaN(v) || v < 0) return false;
    sum += v;
  }
  if (sum === 0) return false;
  const shares = [(q[0] as number) / sum, (q[1] as number) / sum, (q[2] as number) / sum, (q[3] as number) / sum];
  columns.q1Share[i] = shares[0] as number;
  columns.q2Share[i] = shares[1] as number;
  columns.q3Share[i] = shares[2] as number;
  columns.q4Share[i] = shares[3] as number;
  let min = 1;
  let max = 0;
  let entropy = 0;
  let squares = 0;
  for (const s of shares) {
    if (s < min) min = s;
    if (s > max) max = s;
    if (s > 0) entropy -= s * Math.log(s);
    squares += (s - 0.25) ** 2;
  }
  const shareStd = Math.sqrt(squares / 4);
  columns.imbalance[i] = max - min;
  columns.shareStd[i] = shareStd;
  columns.entropy[i] = entropy / LN4;
  // std(counts) / mean(counts) = (sum · shareStd) / (sum / 4): the same figure without a second pass.
  columns.quarterCv[i] = 4 * shareStd;
  return true;
}

/** The picked value of every row as a column, NaN where it is missing (the stats/typed-arrays convention). */
function columnOf(rows: readonly NetsuiteCustomer[], pick: (row: NetsuiteCustomer) => number | null): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = pick(rows[i] as NetsuiteCustomer) ?? Number.NaN;
  return out;
}
