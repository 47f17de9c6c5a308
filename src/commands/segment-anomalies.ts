import { z } from 'zod';
import { computeSegmentRetention, type SegmentRetentionResult } from '../analysis/segment-anomalies/segment-retention.js';
import { loadNetsuiteCustomers, NETSUITE_ANALYSIS_COLUMNS } from '../data/queries/netsuite-customers.js';
import type { CommandAnswer } from './command-answer.js';
import type { CommandArgs } from './command-args.js';
import type { CommandDefinition } from './command-definition.js';
import { formatCount, formatNumber, formatPercent, plural } from './format.js';
import { buildProvenance } from './provenance.js';

export interface SegmentAnomaliesOptions {
  readonly mode: 'latest' | 'all';
  readonly threshold: number;
}

/** §5: a retention more than 0.15 from its segment's mean is an anomaly. */
export const DEFAULT_ANOMALY_THRESHOLD = 0.15;

export const segmentAnomaliesCommand: CommandDefinition<SegmentAnomaliesOptions> = {
  slash: '/segment-anomalies',
  summary: 'Profitability segments whose customers retain very differently from the segment average',
  syntax: {
    slash: '/segment-anomalies',
    usage: '[all] [threshold=0.15]',
    options: {
      threshold: {
        schema: z.coerce.number().gt(0).lt(1),
        allowed: 'a number between 0 and 1 (exclusive)',
        description: `how far retention must sit from its segment mean to count as an anomaly (default ${DEFAULT_ANOMALY_THRESHOLD})`,
      },
    },
    words: { all: 'use every NetSuite row instead of the latest row per customer' },
  },
  requirements: [{ table: 'netsuite', columns: NETSUITE_ANALYSIS_COLUMNS }],
  examples: ['/segment-anomalies', '/segment-anomalies all', '/segment-anomalies threshold=0.2'],
  help: [
    'Source: netsuite2_customer_analytics, latest row per customer_id (latest segmentation_date, ties → highest subsidiary_id, then rowid); `all` uses every row.',
    'Per profitability_segment: mean retention_probability; an anomaly is a customer whose retention differs from the segment mean by more than the threshold.',
  ],
  parse(args: CommandArgs): SegmentAnomaliesOptions {
    const all = args.takeWord('all');
    return { mode: all ? 'all' : 'latest', threshold: args.option<number>('threshold') ?? DEFAULT_ANOMALY_THRESHOLD };
  },
  run(options, context): CommandAnswer {
    const { rows, report } = loadNetsuiteCustomers(context.warehouse(), options.mode);
    const result = computeSegmentRetention(
      rows.map((r) => ({
        customerId: r.customer_id as string,
        segment: r.profitability_segment,
        retention: r.retention_probability,
      })),
      { threshold: options.threshold },
    );
    const provenance = buildProvenance({
      reads: [report],
      n: result.n,
      filters: [options.mode === 'all' ? 'all rows (every segmentation date)' : 'latest row per customer'],
      thresholds: [`anomaly when |retention − segment mean| > ${options.threshold}`],
      notes:
        result.excluded > 0 ? [`${plural(result.excluded, 'row')} without a segment or retention left out`] : [],
    });
    return {
      command: `/segment-anomalies${options.mode === 'all' ? ' all' : ''}${options.threshold !== DEFAULT_ANOMALY_THRESHOLD ? ` threshold=${options.threshold}` : ''}`,
      title: `Segment anomalies — ${options.mode === 'all' ? 'all rows' : 'latest row per customer'}`,
      headline: headline(result),
      sections: [
        {
          kind: 'table',
          title: 'Retention by profitability segment',
          table: {
            columns: ['Segment', 'n', 'Mean retention', 'Above', 'Below', 'Anomaly rate', 'Share of anomalies'],
            align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
            rows: result.segments.map((s) => [
              s.segment,
              formatCount(s.n),
              formatNumber(s.meanRetention, 3),
              formatCount(s.anomaliesAbove),
              formatCount(s.anomaliesBelow),
              formatPercent(s.anomalyRate),
              formatPercent(s.shareOfAnomalies),
            ]),
          },
        },
      ],
      provenance,
      charts: [],
      chartsOmitted: 0,
      data: { options, ...summarise(result) },
    };
  },
};

function headline(result: SegmentRetentionResult): string {
  if (result.n === 0) return 'No NetSuite customer has both a profitability segment and a retention probability.';
  const worst = [...result.segments].sort((a, b) => b.anomalyRate - a.anomalyRate)[0];
  const worstText = worst
    ? ` *${worst.segment}* mispredicts most: ${formatPercent(worst.anomalyRate)} of its ${formatCount(worst.n)} customers.`
    : '';
  return `*${formatCount(result.anomalies)} of ${formatCount(result.n)}* customers (${formatPercent(result.anomalies / result.n)}) retain more than ${result.threshold} away from their segment's mean.${worstText}`;
}

/** The JSON form leaves out per-row flags' internals but keeps who is anomalous. */
function summarise(result: SegmentRetentionResult) {
  return {
    threshold: result.threshold,
    n: result.n,
    anomalies: result.anomalies,
    excluded: result.excluded,
    segments: result.segments,
    anomalousCustomers: result.rows.filter((r) => r.anomaly !== null),
  };
}
