import { nextAction } from '../../analysis/next-action/next-action.js';
import type { PrioritySelection, ZoneLookup } from '../../analysis/priority/priority-filter.js';
import { PRIORITY_ROUTES, type PriorityRoute } from '../../analysis/priority/priority-routes.js';
import type { PriorityResult, ScoredCustomer } from '../../analysis/priority/priority-score.js';
import { numberFormat } from '../../format/number-format.js';
import { accountName, describeValue, TERMS } from '../../vocabulary/glossary.js';
import type { AccountList, AnswerLead, NamedAccount, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { PRIORITY_MESSAGES as M, ROUTE_NAMES } from './priority-messages.js';
import type { PriorityCommandOptions } from './priority-options.js';

const f = numberFormat();

/** Named accounts in the main message; the rest go to `list` so the message stays within 25 lines. */
export const ACCOUNTS_SHOWN = 10;

export interface PriorityLeadInput {
  readonly options: PriorityCommandOptions;
  readonly result: PriorityResult;
  readonly selection: PrioritySelection;
  readonly zoneOf: ZoneLookup;
  readonly provenance: Provenance;
  readonly filterTexts: readonly string[];
  readonly unavailable: string | null;
}

export function priorityLead(p: PriorityLeadInput): AnswerLead {
  const context = contextLine(p.provenance, { population: M.population, filters: p.filterTexts });
  if (p.unavailable !== null) {
    return { takeaway: p.unavailable, accounts: [], noAccounts: 'No customer qualifies.', tables: [], context };
  }
  const { selection, result, options } = p;
  const shown = selection.top.slice(0, ACCOUNTS_SHOWN);
  const accounts = shown.map((r) => namedAccount(r, p.zoneOf));
  const first = selection.top[0] as ScoredCustomer;
  const firstAction = nextAction({ zone: p.zoneOf(first.customer.email), route: first.route });
  const who = accountName(first.customer.organization, first.customer.email);
  const fell = result.routeCounts['manual-intervention'];
  const takeaway =
    options.filters.route !== undefined
      ? M.takeawayRoute(customers(selection.matched.length), ROUTE_NAMES[options.filters.route], who)
      : [
          M.takeawayFirst(who, describeValue('priority', first.priority), firstAction.text),
          fell > 0 && p.filterTexts.length === 0
            ? M.takeawayFell(customers(fell), f.decimal(options.scoring.dropThreshold))
            : '',
        ]
          .filter((s) => s !== '')
          .join(' ');
  return {
    takeaway,
    accountsTitle: M.accountsTitle,
    accountsTotal: selection.matched.length,
    accounts,
    tables: [
      {
        kind: 'table',
        title: M.routesTitle,
        table: {
          columns: ['Route', 'Customers', 'Share'],
          align: ['left', 'right', 'right'],
          rows: routeRows(selection.matched),
        },
      },
    ],
    context,
    list: accountList(selection.matched, p.zoneOf),
  };
}

function customers(n: number): string {
  return `${f.count(n)} customer${n === 1 ? '' : 's'}`;
}

function namedAccount(r: ScoredCustomer, zoneOf: ZoneLookup): NamedAccount {
  const zone = zoneOf(r.customer.email);
  const why = [
    `priority ${TERMS.priority.format(r.priority)}`,
    zone === null ? null : `${zone} zone`,
    r.route === 'manual-intervention' && r.change !== null ? `down ${f.fixed(Math.abs(r.change), 2)}` : null,
    `${TERMS.churn.name} ${TERMS.churn.format(r.customer.churn)}`,
    `LTV ${TERMS.ltv.format(r.customer.ltv)}`,
  ].filter((s): s is string => s !== null);
  return {
    lookup: r.customer.email,
    organisation: r.customer.organization,
    email: r.customer.email,
    why: why.join(', '),
    action: nextAction({ zone, route: r.route }).text,
  };
}

function routeRows(rows: readonly ScoredCustomer[]): string[][] {
  const counts = new Map<PriorityRoute, number>();
  for (const r of rows) counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
  return PRIORITY_ROUTES.filter((route) => counts.has(route)).map((route) => [
    ROUTE_NAMES[route],
    f.count(counts.get(route)),
    f.percent((counts.get(route) ?? 0) / rows.length),
  ]);
}

/** Every matching customer in rank order, raw numbers, for `list` and "List all N". */
function accountList(rows: readonly ScoredCustomer[], zoneOf: ZoneLookup): AccountList {
  return {
    columns: [
      'rank',
      'organisation',
      'email',
      'tier',
      'lifecycle stage',
      'zone',
      'priority (-0.2 to 0.8)',
      'priority change',
      'health score (1-5)',
      'churn risk',
      'lifetime value',
      'route',
      'next action',
    ],
    rows: rows.map((r) => {
      const zone = zoneOf(r.customer.email);
      return [
        r.rank,
        r.customer.organization,
        r.customer.email,
        r.customer.tier,
        r.customer.stage,
        zone,
        r.priority,
        r.change,
        r.customer.health,
        r.customer.churn,
        r.customer.ltv,
        ROUTE_NAMES[r.route],
        nextAction({ zone, route: r.route }).text,
      ];
    }),
  };
}
