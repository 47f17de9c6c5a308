import { CUSTOMER_SALES_COLUMNS } from '../../data/queries/customer-sales.js';
import type { MissingColumns } from '../../data/queries/investment-customers.js';
import { joinList } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import type { UnmatchedFilter } from './investment-mismatch-figures.js';

/** The answer when the export lacks the investment and performance figures: which tables and columns, and what to do. */
export function missingColumnsAnswer(
  command: string,
  missing: readonly MissingColumns[],
  locale: Locale,
): CommandAnswer {
  const t = translator(locale);
  const sections = missing.map((m) => ({
    kind: 'unavailable' as const,
    title: m.table,
    reason: m.tableMissing
      ? t('mismatch.missing.noTable', { table: m.table, columns: CUSTOMER_SALES_COLUMNS.join(', ') })
      : t('mismatch.missing.columns', {
          table: m.table,
          columns: m.columns.map((c) => `\`${c}\``).join(', '),
          count: m.columns.length,
        }),
  }));
  const parts = missing.map((m) =>
    m.tableMissing
      ? t('mismatch.missing.partTable', { table: m.table })
      : t('mismatch.missing.partColumns', { table: m.table, columns: m.columns.join(', ') }),
  );
  return {
    command,
    title: t('mismatch.missing.title'),
    lead: {
      takeaway: t('mismatch.missing.takeaway'),
      accounts: [],
      noAccounts: t('mismatch.missing.noAccounts'),
      tables: [],
      context: t('mismatch.missing.context'),
    },
    headline: t('mismatch.missing.headline', { parts: parts.join(t('mismatch.missing.partSeparator')) }),
    sections,
    provenance: { tables: [], n: 0, filters: [], thresholds: [], dataDate: null, qualityNotes: [] },
    charts: [],
    chartsOmitted: 0,
    data: { available: false, missing },
  };
}

/**
 * Why no customer is left to analyse: a `clause` completes "not available because …" (a filter matching nothing); a
 * `sentence` stands alone (no keyed rows, no customer with every figure).
 */
export type UnavailableWhy = { readonly clause: string } | { readonly sentence: string };

/** Why no customer is left after the filters, and what the export has instead. */
export function unmatchedWhy(unmatched: UnmatchedFilter | null, t: Translate): UnavailableWhy {
  if (unmatched === null) return { sentence: t('mismatch.noEmailRows') };
  const filter = `${unmatched.key}=${unmatched.wanted}`;
  return {
    clause:
      unmatched.levels.length > 0
        ? t('mismatch.noFilterMatch', { filter, values: joinList(t, unmatched.levels) })
        : t('mismatch.noFilterMatchNoLevels', { filter, column: unmatched.column }),
  };
}

/** The answer when the export has the figures but no customer is left to analyse (filters, empty population). */
export function unavailableAnswer(
  command: string,
  why: UnavailableWhy,
  provenance: CommandAnswer['provenance'],
  locale: Locale,
): CommandAnswer {
  const t = translator(locale);
  const reason = 'clause' in why ? t('answer.unavailable', { reason: why.clause }) : why.sentence;
  return {
    command,
    title: t('mismatch.titleUnavailable'),
    lead: {
      takeaway: 'clause' in why ? t('mismatch.unavailableTakeaway', { reason: why.clause }) : why.sentence,
      accounts: [],
      noAccounts: t('mismatch.noneQualify'),
      tables: [],
      context: contextLine(provenance, { population: t('mismatch.population') }, locale),
    },
    headline: reason,
    // A section's reason is worded as a clause by its presenter ("Not available because …").
    sections: [
      { kind: 'unavailable', title: t('mismatch.section'), reason: 'clause' in why ? why.clause : why.sentence },
    ],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: { available: false, reason },
  };
}
