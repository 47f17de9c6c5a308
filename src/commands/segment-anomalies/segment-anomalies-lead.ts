import { nextAction } from '../../analysis/next-action/next-action.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { numberFormat } from '../../format/number-format.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { SEGMENT_MESSAGES as M } from './segment-anomalies-messages.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';

const f = numberFormat();
const SHOWN = 10;

/**
 * The main message: who retains far below their segment (likely to leave), named. With `all`, rows are snapshot
 * rows, not customers, and the answer says so (149 rows are not 149 customers).
 */
export function segmentAnomaliesLead(
  result: SegmentAnomaliesResult,
  options: SegmentAnomaliesCommandOptions,
  provenance: Provenance,
  distinctCustomers: number,
  unavailable: string | null,
): AnswerLead {
  const all = options.mode === 'all';
  const filters = [
    ...(all ? ['every snapshot row'] : []),
    ...(options.segment === undefined ? [] : [`segment=${options.segment}`]),
  ];
  const context = contextLine(provenance, { population: all ? M.populationRows : M.population, filters });
  if (unavailable !== null) {
    return {
      takeaway: M.unavailable(unavailable),
      accounts: [],
      noAccounts: M.noneQualify,
      tables: [],
      context,
    };
  }
  const points = f.count(result.threshold * 100);
  const below = result.anomalousCustomers
    .filter((c) => c.direction === 'below')
    .sort((a, b) => a.deviation - b.deviation || a.customerId.localeCompare(b.customerId));
  const action = nextAction({ zone: null, route: null, retentionBelowSegment: true }).text;
  const worst = [...result.segments].sort((a, b) => b.anomalyRate - a.anomalyRate || b.n - a.n)[0];
  const belowCount = all
    ? `${f.count(below.length)} snapshot rows (${f.count(new Set(below.map((c) => c.customerId)).size)} customers)`
    : below.length === 1
      ? M.customer
      : M.customers(f.count(below.length));
  const takeaway =
    result.anomalies === 0
      ? M.takeawayNone(points)
      : below.length === 0
        ? M.takeawayNoneBelow(f.count(result.anomalies), points)
        : M.takeaway(belowCount, points, worst?.segment ?? 'no segment');
  const notes: string[] = [];
  if (all) notes.push(M.snapshotNote(f.count(result.n), f.count(distinctCustomers)));
  return {
    takeaway,
    accountsTotal: below.length,
    accountsTitle: M.accountsTitle,
    accounts: below.slice(0, SHOWN).map((c) => ({
      lookup: c.customerId,
      organisation: c.name,
      email: c.customerId,
      why: M.why(f.percent(c.retention, { decimals: 0 }), c.segment, f.percent(c.segmentMean, { decimals: 0 })),
      action,
    })),
    noAccounts: M.noneQualify,
    tables: [
      {
        kind: 'table',
        title: M.segmentsTitle,
        table: {
          columns: ['Segment', all ? 'Rows' : 'Customers', 'Avg retention', 'Far below', 'Far above'],
          align: ['left', 'right', 'right', 'right', 'right'],
          rows: result.segments.map((s) => [
            s.segment,
            f.count(s.n),
            f.percent(s.meanRetention, { decimals: 0 }),
            f.count(s.anomaliesBelow),
            f.count(s.anomaliesAbove),
          ]),
        },
      },
    ],
    notes,
    context,
    list: {
      columns: [
        'customer id',
        'name',
        'segment',
        'retention',
        'segment average',
        'difference',
        'direction',
        'next action',
      ],
      rows: [...result.anomalousCustomers]
        .sort((a, b) => a.deviation - b.deviation || a.customerId.localeCompare(b.customerId))
        .map((c) => [
          c.customerId,
          c.name,
          c.segment,
          c.retention,
          c.segmentMean,
          c.deviation,
          c.direction,
          c.direction === 'below' ? action : nextAction({ zone: null, route: null }).text,
        ]),
    },
  };
}
