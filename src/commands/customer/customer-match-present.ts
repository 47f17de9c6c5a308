import type { CustomerMatch } from '../../analysis/customer-card/find-customer.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { buildProvenance } from '../provenance.js';
import { customerLabel, methodText } from './customer-label.js';

/** The answers when a query finds several customers (a pick list) or none (the closest names). */
export function presentPickList(
  query: string,
  match: Extract<CustomerMatch, { kind: 'several' }>,
  report: TableReadReport,
  locale: Locale = 'en',
): CommandAnswer {
  const t = translator(locale);
  const f = numberFormat(locale);
  const more =
    match.total > match.matches.length ? t('customer.pick.more', { shown: f.count(match.matches.length) }) : '';
  const over = match.totalIsLowerBound ? 'yes' : 'no';
  const method = methodText(match.method, t);
  const provenance = buildProvenance({
    reads: [report],
    n: match.total,
    filters: [t('customer.pick.filter', { query, method })],
    locale,
  });
  const place = (value: string | null, kind: 'tier' | 'stage') =>
    value === null ? f.missing : termFor(locale, kind, value);
  return {
    command: `/customer ${query}`,
    title: t('customer.pick.title', { over, count: match.total, query }),
    lead: {
      takeaway: t('customer.pickTakeaway', { over, count: match.total, query }),
      accountsTitle: more === '' ? t('customer.pick.accountsTitle') : t('customer.pick.accountsTitleMore', { more }),
      accounts: match.matches.map((c) => ({
        lookup: c.email,
        organisation: c.organization,
        email: c.email,
        why: t('customer.pick.why', {
          tier: c.tier === null ? t('priority.headline.noTier') : termFor(locale, 'tier', c.tier),
          stage: c.stage === null ? t('priority.headline.noStage') : termFor(locale, 'stage', c.stage),
        }),
        action: `/customer ${c.email}`,
      })),
      tables: [],
      context: contextLine(provenance, { population: t('customer.pick.population') }, locale),
    },
    headline: t('customer.pick.headline', {
      over,
      count: match.total,
      query,
      method,
      more: more === '' ? '' : ` ${more}`,
    }),
    sections: [
      {
        kind: 'table',
        title: t('customer.pick.accountsTitle'),
        table: {
          columns: t('customer.pick.columns').split('|'),
          rows: match.matches.map((c) => [
            customerLabel(c),
            place(c.tier, 'tier'),
            place(c.stage, 'stage'),
            `/customer ${c.email}`,
          ]),
        },
      },
    ],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: {
      query,
      method: match.method,
      total: match.total,
      totalIsLowerBound: match.totalIsLowerBound,
      matches: match.matches.map((c) => c.email),
    },
  };
}

export function presentNoMatch(
  query: string,
  suggestions: readonly string[],
  report: TableReadReport,
  searched: readonly string[],
  locale: Locale = 'en',
): CommandAnswer {
  const t = translator(locale);
  const where = ['customer360__customer_value_analysis (email, organisation)', ...searched].join(', ');
  const provenance = buildProvenance({ reads: [report], n: 0, filters: [`"${query}"`], locale });
  const commands = suggestions.map((s) => `/customer ${s.includes(' ') ? `"${s}"` : s}`);
  return {
    command: `/customer ${query}`,
    title: t('customer.none.title', { query }),
    lead: {
      takeaway: t('customer.noMatchTakeaway', { query }),
      accounts: [],
      tables: [],
      notes: suggestions.length > 0 ? [t('customer.closest', { list: commands.join(', ') })] : [],
      context: contextLine(provenance, { population: t('customer.none.population') }, locale),
    },
    headline:
      suggestions.length > 0
        ? t('customer.none.headlineClosest', { query, list: suggestions.join(', ') })
        : t('customer.none.headline', { query }),
    sections: [
      { kind: 'unavailable', title: t('customer.none.section'), reason: t('customer.none.reason', { where, query }) },
      ...(suggestions.length > 0
        ? [{ kind: 'text' as const, title: t('customer.none.didYouMean'), lines: commands }]
        : []),
    ],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: { query, suggestions },
  };
}
