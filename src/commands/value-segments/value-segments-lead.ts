import type { SegmentGroupResult, ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { ValueMetric } from '../../analysis/value-segments/value-metrics.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import type { ValueSegmentsOptions } from './value-segments-options.js';

/** The main message: how much more a high-value customer is worth, and the comparison in one small table. */
export function valueSegmentsLead(
  result: ValueSegmentsResult,
  hv: SegmentGroupResult,
  smb: SegmentGroupResult,
  provenance: Provenance,
  options: ValueSegmentsOptions,
  locale: Locale = 'en',
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const { terms, termHeading } = glossaryFor(locale);
  const changed = options.cut !== 0.05 ? [`cut=${options.cut}`] : [];
  const context = contextLine(provenance, { population: t('value.population'), changed }, locale);
  const mean = (g: SegmentGroupResult, k: ValueMetric) => g.means[k].mean;
  if (hv.n === 0 || smb.n === 0) {
    const takeaway = t('value.takeawayOneSided', { hv: f.count(hv.n), smb: f.count(smb.n) });
    return { takeaway, accounts: [], tables: [], context };
  }
  const hvLtv = mean(hv, 'ltv');
  const smbLtv = mean(smb, 'ltv');
  const ratio = hvLtv !== null && smbLtv !== null && smbLtv > 0 ? f.ratio(hvLtv / smbLtv) : f.missing;
  const row = (label: string, format: (x: number | null) => string, k: ValueMetric) => [
    label,
    format(mean(hv, k)),
    format(mean(smb, k)),
  ];
  return {
    takeaway: t('value.takeaway', {
      hv: f.count(hv.n),
      share: f.percent(result.n > 0 ? hv.n / result.n : null),
      ratio,
      hvChurn: terms.churn.format(mean(hv, 'churn')),
      smbChurn: terms.churn.format(mean(smb, 'churn')),
    }),
    accounts: [],
    tables: [
      {
        kind: 'table',
        title: t('value.tableTitle'),
        table: {
          columns: t('value.columns').split('|'),
          align: ['left', 'right', 'right'],
          rows: [
            [t('value.row.customers'), f.count(hv.n), f.count(smb.n)],
            row(termHeading('ltv'), terms.ltv.format, 'ltv'),
            row(t('value.row.healthScale', { heading: termHeading('health') }), (x) => f.fixed(x, 1), 'health'),
            row(termHeading('churn'), terms.churn.format, 'churn'),
            row(termHeading('rfm'), terms.rfm.format, 'rfm'),
            row(t('value.ageDays'), (x) => f.days(x), 'accountAgeDays'),
            row(t('value.idleDays'), (x) => f.days(x), 'daysSinceLastActivity'),
          ],
        },
      },
    ],
    notes: [t('value.nextStep')],
    context,
  };
}
