import type { ValueCustomer } from './value-customer.js';
import { rfmComposite } from './value-customer.js';

/** §3's per-group means, in the order the answer lists them. */
export const VALUE_METRICS = [
  'recency',
  'frequency',
  'monetary',
  'rfm',
  'ltv',
  'revenue',
  'health',
  'churn',
  'accountAgeDays',
  'daysSinceLastActivity',
] as const;
export type ValueMetric = (typeof VALUE_METRICS)[number];

export const VALUE_METRIC_LABELS: Readonly<Record<ValueMetric, string>> = {
  recency: 'Recency score',
  frequency: 'Frequency score',
  monetary: 'Monetary score',
  rfm: 'RFM composite',
  ltv: 'Estimated LTV',
  revenue: 'Expected annual revenue',
  health: 'Health score',
  churn: 'Churn probability',
  accountAgeDays: 'Account age (days)',
  daysSinceLastActivity: 'Days since last activity',
};

/** The proxies used when the funnel table has no rows (and shown beside the funnel figures when it has). */
export const PROXY_METRICS = ['consistency', 'ltvVelocity', 'inactivity'] as const;
export type ProxyMetric = (typeof PROXY_METRICS)[number];

/** Days per month in the LTV-velocity proxy (365.25 / 12). */
export const DAYS_PER_MONTH = 30.44;

export function metricValue(c: ValueCustomer, metric: ValueMetric): number | null {
  switch (metric) {
    case 'rfm':
      return rfmComposite(c);
    case 'accountAgeDays':
      return c.accountAgeDays;
    case 'daysSinceLastActivity':
      return c.daysSinceLastActivity;
    default:
      return c[metric];
  }
}

/** consistency = 1 / (1 + population variance of R, F, M); NULL unless all three are present. */
export function consistencyProxy(c: ValueCustomer): number | null {
  const { recency: r, frequency: f, monetary: m } = c;
  if (r === null || f === null || m === null) return null;
  const mean = (r + f + m) / 3;
  const variance = ((r - mean) ** 2 + (f - mean) ** 2 + (m - mean) ** 2) / 3;
  return 1 / (1 + variance);
}

/** LTV per month of account age; NULL for a zero or NULL age (no meaningful rate). */
export function ltvVelocityProxy(c: ValueCustomer): number | null {
  if (c.ltv === null || c.accountAgeDays === null || c.accountAgeDays === 0) return null;
  return c.ltv / (c.accountAgeDays / DAYS_PER_MONTH);
}

/** Share of the account's life spent inactive; NULL for a zero or NULL age. */
export function inactivityProxy(c: ValueCustomer): number | null {
  if (c.daysSinceLastActivity === null || c.accountAgeDays === null || c.accountAgeDays === 0) return null;
  return c.daysSinceLastActivity / c.accountAgeDays;
}

export function proxyValue(c: ValueCustomer, metric: ProxyMetric): number | null {
  if (metric === 'consistency') return consistencyProxy(c);
  if (metric === 'ltvVelocity') return ltvVelocityProxy(c);
  return inactivityProxy(c);
}

export interface MeanOf {
  readonly mean: number | null;
  /** Rows with the value present. */
  readonly n: number;
}
