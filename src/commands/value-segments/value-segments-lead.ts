import type { SegmentGroupResult, ValueSegmentsResult } from '../../analysis/value-segments/compute-value-segments.js';
import type { ValueMetric } from '../../analysis/value-segments/value-metrics.js';
import { numberFormat } from '../../format/number-format.js';
import { TERMS, termHeading } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { VALUE_MESSAGES as M } from './value-segments-messages.js';
import type { ValueSegmentsOptions } from './value-segments-options.js';

const f = numberFormat();

/** The main message: how much more a high-value customer is worth, and the comparison in one small table. */
export function valueSegmentsLead(
  result: ValueSegmentsResult,
  hv: SegmentGroupResult,
  smb: SegmentGroupResult,
  provenance: Provenance,
  options: ValueSegmentsOptions,
): AnswerLead {
  const changed = options.cut !== 0.05 ? [`cut=${options.cut}`] : [];
  const context = contextLine(provenance, { population: M.population, changed });
  const mean = (g: SegmentGroupResult, k: ValueMetric) => g.means[k].mean;
  if (hv.n === 0 || smb.n === 0) {
    return { takeaway: M.takeawayOneSided(f.count(hv.n), f.count(smb.n)), accounts: [], tables: [], context };
  }
  const hvLtv = mean(hv, 'ltv');
  const smbLtv = mean(smb, 'ltv');
  const ratio = hvLtv !== null && smbLtv !== null && smbLtv > 0 ? f.ratio(hvLtv / smbLtv) : 'n/a';
  const row = (label: string, format: (x: number | null) => string, k: ValueMetric) => [
    label,
    format(mean(hv, k)),
    format(mean(smb, k)),
  ];
  return {
    takeaway: M.takeaway(
      f.count(hv.n),
      f.percent(result.n > 0 ? hv.n / result.n : null),
      ratio,
      TERMS.churn.format(mean(hv, 'churn')),
      TERMS.churn.format(mean(smb, 'churn')),
    ),
    accounts: [],
    tables: [
      {
        kind: 'table',
        title: M.tableTitle,
        table: {
          columns: ['Average', 'High value', 'SMB'],
          align: ['left', 'right', 'right'],
          rows: [
            ['Customers', f.count(hv.n), f.count(smb.n)],
            row(termHeading('ltv'), TERMS.ltv.format, 'ltv'),
            row(`${termHeading('health')} (1–5)`, (x) => f.fixed(x, 1), 'health'),
            row(termHeading('churn'), TERMS.churn.format, 'churn'),
            row(termHeading('rfm'), TERMS.rfm.format, 'rfm'),
            row(M.ageDays, (x) => f.days(x), 'accountAgeDays'),
            row(M.idleDays, (x) => f.days(x), 'daysSinceLastActivity'),
          ],
        },
      },
    ],
    notes: [M.nextStep],
    context,
  };
}
