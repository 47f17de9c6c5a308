import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { LoadedInvestment } from '../../data/queries/investment-customers.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { Provenance } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { tableGapText } from '../table-gap-text.js';
import type { InvestmentMismatchCommandOptions } from './investment-mismatch-command.js';

/** What §1 was computed on: the value read, the customer-table reduction, the join and the thresholds. */
export function investmentProvenance(
  load: LoadedInvestment,
  n: number,
  options: InvestmentMismatchCommandOptions,
  notes: readonly string[],
  locale: Locale = 'en',
): Provenance {
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const a = options.analysis;
  const base = buildProvenance({
    reads: [load.valueReport],
    n,
    filters: [
      ...(options.industry ? [`industry_vertical = ${options.industry}`] : []),
      ...(options.size ? [`company_size_tier = ${options.size}`] : []),
      t('mismatch.details.filterValid'),
    ],
    thresholds: [
      t('mismatch.details.thresholdTop', { cutoff: fmt.fixed(1 - a.topShare, 2) }),
      t('mismatch.details.thresholdBottom', { cutoff: fmt.fixed(a.bottomShare, 2) }),
      t('mismatch.details.thresholdComposite', {
        sales: String(a.weights.sales),
        adoption: String(a.weights.adoption),
        support: String(a.weights.support),
      }),
      t('mismatch.details.thresholdWinsor'),
      t('mismatch.details.thresholdCells', { min: String(a.minCellSize) }),
      t('mismatch.details.thresholdBins'),
    ],
    notes,
    locale,
  });
  const j = load.join;
  return {
    ...base,
    tables: [
      ...base.tables,
      {
        table: 'customer360__customer',
        rowsInTable: j.customerRows,
        rowsUsed: j.customerEmails,
        reduction: t('mismatch.details.customerReduction'),
      },
    ],
  };
}

export function investmentNotes(
  load: LoadedInvestment,
  result: InvestmentMismatchFigures,
  locale: Locale = 'en',
): string[] {
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const j = load.join;
  const p = result.population;
  const notes: string[] = [];
  if (j.emailsWithSeveralRows > 0) {
    notes.push(
      t('mismatch.details.note.severalRows', {
        several: fmt.count(j.emailsWithSeveralRows),
        emails: fmt.count(j.customerEmails),
        max: fmt.count(j.maxRowsPerEmail),
      }),
    );
  }
  const mapped = j.viaMapping.zendesk_user_id + j.viaMapping.marketo_lead_id + j.viaMapping.stripe_customer_id;
  notes.push(
    t('mismatch.details.note.joined', {
      joined: fmt.count(j.byEmail + mapped),
      rows: fmt.count(j.valueRows),
      byEmail: fmt.count(j.byEmail),
      mapped: fmt.count(mapped),
      zendesk: fmt.count(j.viaMapping.zendesk_user_id),
      marketo: fmt.count(j.viaMapping.marketo_lead_id),
      stripe: fmt.count(j.viaMapping.stripe_customer_id),
      unmatched: fmt.count(j.unmatched),
    }),
  );
  if (j.mappingUnavailable !== null) {
    notes.push(t('mismatch.details.note.mappingUnavailable', { reason: tableGapText(t, j.mappingUnavailable) }));
  }
  const counted = (key: Parameters<typeof t>[0], n: number, values: Record<string, string> = {}) =>
    notes.push(t(key, { count: n, n: fmt.count(n), ...values }));
  if (j.byEmailWithoutSales + j.viaMappingWithoutSales > 0) {
    counted('mismatch.details.note.withoutSales', j.byEmailWithoutSales + j.viaMappingWithoutSales);
  }
  if (j.unreadableSales > 0) counted('mismatch.details.note.unreadableSales', j.unreadableSales);
  if (p.missingInputs > 0) {
    counted('mismatch.details.note.missingInputs', p.missingInputs, {
      sales: fmt.count(p.missingSales),
      adoption: fmt.count(p.missingAdoption),
      support: fmt.count(p.missingSupport),
    });
  }
  if (p.missingPriority > 0) counted('mismatch.details.note.missingPriority', p.missingPriority);
  if (p.roiMissing > 0) counted('mismatch.details.note.roiMissing', p.roiMissing);
  if (p.roiBounds && p.roiBounds.clippedLow + p.roiBounds.clippedHigh > 0) {
    notes.push(
      t('mismatch.details.note.winsorised', {
        low: fmt.count(p.roiBounds.clippedLow),
        high: fmt.count(p.roiBounds.clippedHigh),
      }),
    );
  }
  const cells = result.segmentCells;
  if (cells.missingLabels > 0) counted('mismatch.details.note.missingLabels', cells.missingLabels);
  if (result.roiAndLifecycle.missingStage > 0) {
    counted('mismatch.details.note.missingStage', result.roiAndLifecycle.missingStage);
  }
  if (result.onboarding.missingOnboarding > 0) {
    counted('mismatch.details.note.missingOnboarding', result.onboarding.missingOnboarding);
  }
  if (result.teamAndLevel.missingTeamSize > 0) {
    counted('mismatch.details.note.missingTeamSize', result.teamAndLevel.missingTeamSize);
  }
  if (result.teamAndLevel.missingDecisionLevel > 0) {
    counted('mismatch.details.note.missingDecisionLevel', result.teamAndLevel.missingDecisionLevel);
  }
  if (load.missingDetailColumns.length > 0) {
    notes.push(t('mismatch.details.note.lacksColumns', { columns: load.missingDetailColumns.join(', ') }));
  }
  return notes;
}
