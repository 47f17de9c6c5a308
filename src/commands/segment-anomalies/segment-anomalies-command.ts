import { z } from 'zod';
import { CLUSTER_K_RANGE, DEFAULT_KMEANS_SEED } from '../../analysis/segment-anomalies/feature-clusters.js';
import type { NetsuiteCustomer } from '../../analysis/segment-anomalies/netsuite-customer.js';
import {
  analyseSegmentAnomalies,
  DEFAULT_ANOMALY_THRESHOLD,
  type SegmentAnomaliesOptions,
} from '../../analysis/segment-anomalies/segment-anomalies.js';
import {
  loadNetsuiteCustomers,
  NETSUITE_ANALYSIS_COLUMNS,
  type NetsuiteRow,
} from '../../data/queries/netsuite-customers.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { presentSegmentAnomalies } from './segment-anomalies-present.js';

export { DEFAULT_ANOMALY_THRESHOLD } from '../../analysis/segment-anomalies/segment-anomalies.js';

export interface SegmentAnomaliesCommandOptions extends SegmentAnomaliesOptions {
  readonly mode: 'latest' | 'all';
}

export const segmentAnomaliesCommand: CommandDefinition<SegmentAnomaliesCommandOptions> = {
  slash: '/segment-anomalies',
  summary: 'Profitability segments whose customers retain very differently from the segment average, and why',
  syntax: {
    slash: '/segment-anomalies',
    usage: '[all] [threshold=0.15] [segment=…] [seed=42]',
    options: {
      threshold: {
        schema: z.coerce.number().gt(0).lt(1),
        allowed: 'a number between 0 and 1 (exclusive)',
        description: `how far retention must sit from its segment mean to count as an anomaly (default ${DEFAULT_ANOMALY_THRESHOLD})`,
      },
      segment: {
        schema: z.string().trim().min(1),
        allowed: 'a profitability_segment, e.g. Premium or "High Value"',
        description: 'only customers of this segment (segment means are per segment, so they do not change)',
      },
      seed: {
        schema: z.coerce.number().int().min(0).max(2_147_483_647),
        allowed: 'a whole number from 0 to 2147483647',
        description: `k-means++ seed (default ${DEFAULT_KMEANS_SEED}); the same seed always gives the same clusters`,
      },
    },
    words: { all: 'use every NetSuite row instead of the latest row per customer' },
  },
  requirements: [{ table: 'netsuite', columns: NETSUITE_ANALYSIS_COLUMNS }],
  examples: [
    '/segment-anomalies',
    '/segment-anomalies all',
    '/segment-anomalies threshold=0.2',
    '/segment-anomalies segment=Premium',
  ],
  help: [
    'Source: netsuite2_customer_analytics, latest row per customer_id (latest segmentation_date, ties → highest subsidiary_id, then rowid); `all` uses every row.',
    'Per profitability_segment: mean retention_probability; an anomaly is a customer whose retention differs from the segment mean by more than the threshold (strictly).',
    'Features: months = age_days / 30; expected transactions = avg per month × months; consistency error = |count − expected| / expected; quarter shares, imbalance (max − min), share std, normalised entropy, CV of q1–q4 (missing when a quarter is missing or all are 0); value volatility; value mismatch = |z(revenue) − z(score)| (z over the analysed rows); revenue per score point.',
    'Anomalous vs normal mean and median per feature; anomaly rate by seasonal_preference and lifecycle_stage; rule groups from cume_dist tertiles of imbalance × volatility (stable-balanced = both low, unstable-seasonal = both high, mixed = the rest).',
    `k-means (k-means++, fixed seed) for k = ${CLUSTER_K_RANGE[0]}–${CLUSTER_K_RANGE[CLUSTER_K_RANGE.length - 1]} on the z-scored features of customers with every feature; best k by mean silhouette.`,
    'Decision rules: the best threshold per feature by information gain (bits; midpoints between distinct values; missing values left out), the best overall split, and the best second split inside its riskier side.',
  ],
  parse(args: CommandArgs): SegmentAnomaliesCommandOptions {
    const all = args.takeWord('all');
    const segment = args.option<string>('segment');
    return {
      mode: all ? 'all' : 'latest',
      threshold: args.option<number>('threshold') ?? DEFAULT_ANOMALY_THRESHOLD,
      seed: args.option<number>('seed') ?? DEFAULT_KMEANS_SEED,
      ...(segment === undefined ? {} : { segment }),
    };
  },
  run(options, context): CommandAnswer {
    const { rows, report } = loadNetsuiteCustomers(context.warehouse(), options.mode);
    const result = analyseSegmentAnomalies(rows.map(toCustomer), options);
    return presentSegmentAnomalies(result, options, report);
  },
};

function toCustomer(row: NetsuiteRow): NetsuiteCustomer {
  return {
    // readTable drops rows without a customer_id, so the key is always present here.
    customerId: row.customer_id as string,
    name: row.customer_name,
    segment: row.profitability_segment,
    stage: row.lifecycle_stage,
    seasonalPreference: row.seasonal_preference,
    retention: row.retention_probability,
    totalRevenue: row.total_revenue,
    score: row.comprehensive_customer_score,
    transactionCount: row.transaction_count,
    avgTransactionsPerMonth: row.avg_transactions_per_month,
    ageDays: row.customer_age_days,
    volatility: row.transaction_value_volatility,
    q1: row.q1_transactions,
    q2: row.q2_transactions,
    q3: row.q3_transactions,
    q4: row.q4_transactions,
  };
}
