import { nextAction } from '../../analysis/next-action/next-action.js';
import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import type { SegmentAnomaliesCommandOptions } from './segment-anomalies-options.js';

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
  locale: Locale = 'en',
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const all = options.mode === 'all';
  const filters = [
    ...(all ? [t('segment.filterAll')] : []),
    ...(options.segment === undefined ? [] : [`segment=${options.segment}`]),
  ];
  const context = contextLine(
    provenance,
    { population: t(all ? 'segment.populationRows' : 'segment.population'), filters },
    locale,
  );
  if (unavailable !== null) {
    return {
      takeaway: t('segment.unavailable', { reason: unavailable }),
      accounts: [],
      noAccounts: t('segment.noneQualify'),
      tables: [],
      context,
    };
  }
  const points = f.count(result.threshold * 100);
  const below = result.anomalousCustomers
    .filter((c) => c.direction === 'below')
    .sort((a, b) => a.deviation - b.deviation || a.customerId.localeCompare(b.customerId));
  const action = actionText(nextAction({ zone: null, route: null, retentionBelowSegment: true }), locale);
  const worst = [...result.segments].sort((a, b) => b.anomalyRate - a.anomalyRate || b.n - a.n)[0];
  const belowCount = all
    ? t('segment.belowRows', {
        rows: f.count(below.length),
        customers: f.count(new Set(below.map((c) => c.customerId)).size),
      })
    : t('segment.belowCustomers', { n: below.length });
  const takeaway =
    result.anomalies === 0
      ? t('segment.takeawayNone', { points })
      : below.length === 0
        ? t('segment.takeawayNoneBelow', { anomalies: f.count(result.anomalies), points })
        : t('segment.takeaway', {
            below: belowCount,
            belowCount: below.length,
            points,
            worst: worst === undefined ? t('segment.noSegment') : termFor(locale, 'profitability', worst.segment),
          });
  const notes: string[] = [];
  if (all) notes.push(t('segment.snapshotNote', { rows: f.count(result.n), customers: f.count(distinctCustomers) }));
  return {
    takeaway,
    accountsTotal: below.length,
    accountsTitle: t('segment.accountsTitle'),
    accounts: below.slice(0, SHOWN).map((c) => ({
      lookup: c.customerId,
      organisation: c.name,
      email: c.customerId,
      why: t('segment.why', {
        retention: f.percent(c.retention, { decimals: 0 }),
        segment: termFor(locale, 'profitability', c.segment),
        mean: f.percent(c.segmentMean, { decimals: 0 }),
      }),
      action,
    })),
    noAccounts: t('segment.noneQualify'),
    tables: [
      {
        kind: 'table',
        title: t('segment.segmentsTitle'),
        table: {
          columns: t(all ? 'segment.columnsRows' : 'segment.columns').split('|'),
          align: ['left', 'right', 'right', 'right', 'right'],
          rows: result.segments.map((s) => [
            termFor(locale, 'profitability', s.segment),
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
      columns: t('segment.csv.columns').split('|'),
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
          c.direction === 'below' ? action : actionText(nextAction({ zone: null, route: null }), locale),
        ]),
    },
  };
}
