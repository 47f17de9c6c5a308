import { z } from 'zod';
import { DEFAULT_KMEANS_SEED } from '../../analysis/segment-anomalies/feature-clusters.js';
import type { NetsuiteCustomer } from '../../analysis/segment-anomalies/netsuite-customer.js';
import {
  analyseSegmentAnomalies,
  DEFAULT_ANOMALY_THRESHOLD,
} from '../../analysis/segment-anomalies/segment-anomalies.js';
import {
  loadNetsuiteCustomers,
  NETSUITE_ANALYSIS_COLUMNS,
  type NetsuiteRow,
} from '../../data/queries/netsuite-customers.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';
import { presentSegmentAnomalies } from './segment-anomalies-present.js';

export { DEFAULT_ANOMALY_THRESHOLD } from '../../analysis/segment-anomalies/segment-anomalies.js';

export const segmentAnomaliesCommand: CommandDefinition<SegmentAnomaliesCommandOptions> = {
  slash: '/segment-anomalies',
  summary: translator('en')('command.segment-anomalies.summary'),
  syntax: {
    slash: '/segment-anomalies',
    usage: '[all] [threshold=0.15] [segment=…] [seed=42]',
    options: {
      threshold: {
        schema: z.coerce.number().gt(0).lt(1),
        allowed: 'a number between 0 and 1 (exclusive)',
        description: `how far retention must sit from its segment mean to count as an anomaly (default ${DEFAULT_ANOMALY_THRESHOLD})`,
        helpValues: { value: DEFAULT_ANOMALY_THRESHOLD },
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
        helpValues: { value: DEFAULT_KMEANS_SEED },
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
  help: translator('en')('command.segment-anomalies.help').split('\n'),
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
    const customers = rows.map(toCustomer);
    const result = analyseSegmentAnomalies(customers, options);
    // With `all` one customer has several rows; the answer says how many customers they are.
    const distinct = new Set(
      customers
        .filter((c) => c.segment !== null && c.retention !== null)
        .filter((c) => options.segment === undefined || c.segment?.trim() === options.segment)
        .map((c) => c.customerId),
    ).size;
    return presentSegmentAnomalies(result, options, report, distinct, context.locale);
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
