import { nextAction } from '../../analysis/next-action/next-action.js';
import type { PriorityZone, RowZones } from '../../analysis/priority/priority-filter.js';
import { PRIORITY_ROUTES, type PriorityRoute } from '../../analysis/priority/priority-routes.js';
import type { ScoredCustomer } from '../../analysis/priority/priority-score.js';
import { numberFormat } from '../../format/number-format.js';
import { joinList, joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import { lazyAccountList } from '../account-list.js';
import type { AccountList, AnswerLead, CsvCell, NamedAccount, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import type { PriorityCommandOptions } from './priority-options.js';
import type { PriorityFigures, PriorityShown } from './priority-shown.js';

/** Named accounts in the main message; the rest go to `list` so the message stays within 25 lines. */
export const ACCOUNTS_SHOWN = 10;

export interface PriorityLeadInput {
  readonly options: PriorityCommandOptions;
  readonly result: PriorityFigures;
  readonly selection: PriorityShown;
  readonly provenance: Provenance;
  readonly filterTexts: readonly string[];
  readonly unavailable: string | null;
  readonly locale: Locale;
}

/** Route names as the glossary spells them in running text ("manual intervention (priority dropped)"). */
export function routeName(route: PriorityRoute, locale: Locale): string {
  return translator(locale)(`priority.route.${route}` as MessageKey);
}

export function priorityLead(p: PriorityLeadInput): AnswerLead {
  const t = translator(p.locale);
  const f = numberFormat(p.locale);
  const g = glossaryFor(p.locale);
  const context = contextLine(p.provenance, { population: t('priority.population'), filters: p.filterTexts }, p.locale);
  if (p.unavailable !== null) {
    return {
      takeaway: p.unavailable,
      accounts: [],
      noAccounts: t('priority.noCustomerQualifies'),
      tables: [],
      context,
    };
  }
  const { selection, result, options } = p;
  const shown = selection.top.slice(0, ACCOUNTS_SHOWN);
  const accounts = shown.map((r) => namedAccount(r, selection.zoneOf, p.locale));
  const first = selection.top[0] as ScoredCustomer;
  const firstAction = nextAction({ zone: selection.zoneOf.zoneOfRow(first), route: first.route });
  const who = g.accountName(first.customer.organization, first.customer.email);
  const fell = result.routeCounts['manual-intervention'];
  const takeaway =
    options.filters.route !== undefined
      ? t('priority.takeawayRoute', {
          count: selection.matchedCount,
          route: routeName(options.filters.route, p.locale),
          who,
        })
      : joinSentences(t, [
          t('priority.takeawayFirst', {
            who,
            priority: g.describeValue('priority', first.priority),
            action: actionText(firstAction, p.locale),
          }),
          fell > 0 && p.filterTexts.length === 0
            ? t('priority.takeawayFell', { count: fell, threshold: f.decimal(options.scoring.dropThreshold) })
            : '',
        ]);
  return {
    takeaway,
    accountsTitle: t('priority.accountsTitle'),
    accountsTotal: selection.matchedCount,
    accounts,
    tables: [
      {
        kind: 'table',
        title: t('priority.routesTitle'),
        table: {
          columns: [t('priority.column.route'), t('priority.column.customers'), t('priority.column.share')],
          align: ['left', 'right', 'right'],
          rows: routeRows(selection.matchedRoutes, selection.matchedCount, p.locale),
        },
      },
    ],
    context,
    list: accountList(selection, p.locale),
  };
}

function namedAccount(r: ScoredCustomer, zoneOf: RowZones, locale: Locale): NamedAccount {
  const t = translator(locale);
  const f = numberFormat(locale);
  const { terms } = glossaryFor(locale);
  const zone = zoneOf.zoneOfRow(r);
  const why = [
    t('priority.why.priority', { value: terms.priority.format(r.priority) }),
    zone === null ? null : termFor(locale, 'zone', zone),
    r.route === 'manual-intervention' && r.change !== null
      ? t('priority.why.down', { value: f.fixed(Math.abs(r.change), 2) })
      : null,
    t('priority.why.churn', { value: terms.churn.format(r.customer.churn) }),
    t('priority.why.ltv', { value: terms.ltv.format(r.customer.ltv) }),
  ].filter((s): s is string => s !== null);
  return {
    lookup: r.customer.email,
    organisation: r.customer.organization,
    email: r.customer.email,
    why: joinList(t, why),
    action: actionText(nextAction({ zone, route: r.route }), locale),
  };
}

function routeRows(counts: Readonly<Record<PriorityRoute, number>>, total: number, locale: Locale): string[][] {
  const f = numberFormat(locale);
  return PRIORITY_ROUTES.filter((route) => counts[route] > 0).map((route) => [
    routeName(route, locale),
    f.count(counts[route]),
    f.percent(counts[route] / total),
  ]);
}

/**
 * Every matching customer in rank order, raw numbers, for `list` and "List all N". Headings, routes and actions are
 * in the reader's language; tier, stage and zone stay the data's values, so the CSV filters like the export.
 */
function accountList(selection: PriorityShown, locale: Locale): AccountList {
  // Built only when read: at 1M the list is a million rows, and most answers only show how many there are.
  return lazyAccountList(translator(locale)('priority.csv.columns').split(','), selection.matchedCount, () => {
    const routeText = routeTexts(locale);
    const actionOf = actionTexts(locale);
    const rows: CsvCell[][] = [];
    selection.eachMatched((r) => {
      rows.push([
        r.rank,
        r.organization,
        r.email,
        r.tier,
        r.stage,
        r.zone,
        r.priority,
        r.change,
        r.health,
        r.churn,
        r.ltv,
        routeText[r.route],
        actionOf(r.zone, r.route),
      ]);
    });
    return rows;
  });
}

/** Every route's name, translated once: the list has a row per matching customer (a million at 1M). */
function routeTexts(locale: Locale): Readonly<Record<PriorityRoute, string>> {
  return Object.fromEntries(PRIORITY_ROUTES.map((route) => [route, routeName(route, locale)])) as Record<
    PriorityRoute,
    string
  >;
}

/** The next action's text per zone × route, each worked out and translated on first use (16 at most). */
function actionTexts(locale: Locale): (zone: PriorityZone | null, route: PriorityRoute) => string {
  const texts: Record<PriorityRoute, Partial<Record<PriorityZone | 'none', string>>> = {
    'manual-intervention': {},
    'dedicated-acceleration': {},
    'automated-nurture': {},
    standard: {},
  };
  return (zone, route) => {
    const byZone = texts[route];
    const slot = zone ?? 'none';
    let text = byZone[slot];
    if (text === undefined) {
      text = actionText(nextAction({ zone, route }), locale);
      byZone[slot] = text;
    }
    return text;
  };
}
