import type { CustomerCard } from '../../analysis/customer-card/build-card.js';
import type { CustomerMatch, LookupMethod } from '../../analysis/customer-card/find-customer.js';
import { ROUTE_LABELS } from '../../analysis/priority/priority-routes.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { buildTierComparisonChart } from '../../charts/customer-card/tier-comparison.js';
import type { TableReadReport } from '../../data/read-table.js';
import { formatDate, numberFormat, plural } from '../../format/number-format.js';
import { accountName, TERMS, termHeading } from '../../vocabulary/glossary.js';
import type { AnswerLead, AnswerSection, CommandAnswer, Provenance } from '../command-answer.js';
import type { OpenAlertSummary } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { zoneMethodNote } from '../load-zones.js';
import { buildProvenance } from '../provenance.js';
import { CUSTOMER_MESSAGES as M } from './customer-messages.js';

const f = numberFormat();

/** "Acme Corp (jane@acme.com)", or the email alone when the organisation is missing. */
function customerLabel(row: { readonly email: string; readonly organization: string | null }): string {
  return row.organization ? `${row.organization} (${row.email})` : row.email;
}

const METHOD_TEXT: Readonly<Record<LookupMethod, string>> = {
  email: 'by email',
  customer360_id: 'by customer360_id',
  name: 'by organisation or name',
};

export interface CardPresentation {
  readonly query: string;
  readonly method: LookupMethod;
  readonly card: CustomerCard;
  /** null when alert tracking is not running (plain CLI). */
  readonly alerts: readonly OpenAlertSummary[] | null;
  readonly reads: readonly TableReadReport[];
  /** Which zone method ran, for the note under the zone. */
  readonly zones: Pick<ZonesResult, 'method' | 'activityUnavailable'>;
}

export function presentCustomerCard(p: CardPresentation): CommandAnswer {
  const { card } = p;
  const c = card.customer;
  const label = customerLabel(c);
  const zoneText = card.zone.kind === 'zoned' ? `${card.zone.zone} zone` : 'no zone';
  const priorityText =
    card.priority.kind === 'ranked'
      ? `priority #${f.count(card.priority.rank)} of ${f.count(card.priority.of)}`
      : 'not ranked';
  const action = card.nextAction.text;
  const headline = `*${label}*: ${c.tier ?? 'no tier'}, ${c.stage ?? 'no stage'}, ${zoneText}, ${priorityText}. Next: ${action}`;

  const figures: string[][] = [
    ['Tier / segment', `${c.tier ?? 'n/a'} / ${card.segment}`],
    ['Lifecycle stage', c.stage ?? 'n/a'],
    ['Health score', f.number(c.health)],
    ['Churn probability', f.percent(c.churn)],
    ['Estimated LTV', f.money(c.ltv)],
    ['R / F / M', [c.recency, c.frequency, c.monetary].map((v) => f.number(v)).join(' / ')],
    ['RFM composite', f.number(card.rfm)],
    ['Portfolio share', f.percent(c.portfolioPct, { decimals: 2 })],
  ];
  if (card.tierMedians) {
    const m = card.tierMedians.medians;
    figures.push([
      `${card.tierMedians.tier} medians (n = ${f.count(card.tierMedians.n)})`,
      `health ${f.number(m.health)}, churn ${f.percent(m.churn)}, LTV ${f.money(m.ltv)}, RFM ${f.number(m.rfm)}`,
    ]);
  }
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: 'Key figures',
      table: { columns: ['Figure', 'Value'], align: ['left', 'left'], rows: figures },
    },
  ];
  sections.push(
    card.zone.kind === 'zoned'
      ? { kind: 'text', title: `Zone: ${card.zone.zone}`, lines: [card.zone.reason, zoneMethodNote(p.zones)] }
      : { kind: 'unavailable', title: 'Zone', reason: card.zone.reason },
  );
  if (card.priority.kind === 'ranked') {
    const pr = card.priority;
    sections.push({
      kind: 'text',
      title: 'Priority and next action',
      lines: [
        `Priority ${f.fixed(pr.priority, 3)}, rank ${f.count(pr.rank)} of ${f.count(pr.of)} (top ${topShare(pr.rank, pr.of)}); change since the previous snapshot ${f.signed(pr.change, (v) => f.fixed(v, 3))}.`,
        `Route: *${ROUTE_LABELS[pr.route]}*. Next action (zone first, then route): ${card.nextAction.text}.`,
      ],
    });
  } else {
    sections.push({ kind: 'unavailable', title: 'Priority rank', reason: card.priority.reason });
  }
  sections.push({ kind: 'text', title: 'Open alerts', lines: alertLines(p.alerts) });

  const chart = buildTierComparisonChart(card);
  const provenance = buildProvenance({
    reads: p.reads,
    n: 1,
    filters: [`found ${METHOD_TEXT[p.method]}: "${p.query}"`, 'latest value row per email'],
    thresholds: ['priority and routes as /priority (defaults)', 'zones as /conversion-cohort'],
  });
  return {
    command: `/customer ${p.query}`,
    title: `Customer — ${label}`,
    lead: cardLead(card, p.alerts, provenance),
    headline,
    sections,
    provenance,
    charts: chart ? [chart] : [],
    chartsOmitted: 0,
    data: { query: p.query, method: p.method, card, alerts: p.alerts },
  };
}

/** The card a CSM reads: who, the zone and the next action first, then the key figures in glossary words. */
function cardLead(card: CustomerCard, alerts: readonly OpenAlertSummary[] | null, provenance: Provenance): AnswerLead {
  const c = card.customer;
  const who = accountName(c.organization, c.email);
  const zone =
    card.zone.kind === 'zoned' ? M.zoneText(card.zone.zone, TERMS.zoneScore.format(card.zone.score)) : M.noZone;
  const pr = card.priority;
  const rows: string[][] = [
    ['Tier, lifecycle stage', `${c.tier ?? 'n/a'} (${card.segment}), ${c.stage ?? 'n/a'}`],
    [
      termHeading('priority'),
      pr.kind === 'ranked'
        ? `${TERMS.priority.format(pr.priority)}, ${M.rank(f.count(pr.rank), f.count(pr.of))}`
        : M.notRanked,
    ],
    [cap(TERMS.churn.name), TERMS.churn.format(c.churn)],
    [cap(TERMS.health.name), TERMS.health.format(c.health)],
    [cap(TERMS.ltv.name), TERMS.ltv.format(c.ltv)],
    [`${TERMS.rfm.name} (${TERMS.rfm.scale})`, TERMS.rfm.format(card.rfm)],
  ];
  const notes: string[] = [];
  if (card.zone.kind === 'zoned') notes.push(M.why(card.zone.reason));
  notes.push(alertLine(alerts));
  return {
    takeaway: M.takeaway(who, zone, card.nextAction.text),
    accounts: [],
    tables: [{ kind: 'table', title: M.figuresTitle, table: { columns: ['Figure', 'Value'], rows } }],
    notes,
    context: contextLine(provenance, { population: M.population }),
  };
}

function alertLine(alerts: readonly OpenAlertSummary[] | null): string {
  if (alerts === null) return M.alertsNotTracked;
  if (alerts.length === 0) return M.noAlerts;
  return alerts.map((a) => M.alert(a.state, formatDate(a.detectedAt), a.assignee)).join(' ');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "top 0.02%" for the very first ranks, whole percents beyond 1%. */
function topShare(rank: number, of: number): string {
  const share = rank / of;
  return f.percent(share, { decimals: share < 0.01 ? 2 : 0 });
}

function alertLines(alerts: readonly OpenAlertSummary[] | null): string[] {
  if (alerts === null) return ['alerts: not tracked in this mode'];
  if (alerts.length === 0) return ['No open alerts.'];
  return alerts.map(
    (a) => `${a.state} since ${a.detectedAt}${a.assignee ? `, assigned to ${a.assignee}` : ', unassigned'}`,
  );
}

export function presentPickList(
  query: string,
  match: Extract<CustomerMatch, { kind: 'several' }>,
  report: TableReadReport,
): CommandAnswer {
  const more =
    match.total > match.matches.length ? ` (showing ${match.matches.length}; add more of the name to narrow it)` : '';
  const over = match.totalIsLowerBound ? 'Over ' : '';
  const provenance = buildProvenance({
    reads: [report],
    n: match.total,
    filters: [`"${query}" ${METHOD_TEXT[match.method]}`],
  });
  return {
    command: `/customer ${query}`,
    title: `Customer — ${over}${plural(match.total, 'match', 'matches')} for "${query}"`,
    lead: {
      takeaway: M.pickTakeaway(`${over}${plural(match.total, 'customer')}`, query),
      accountsTitle: `Matches${more}`,
      accounts: match.matches.map((c) => ({
        lookup: c.email,
        organisation: c.organization,
        email: c.email,
        why: `${c.tier ?? 'no tier'}, ${c.stage ?? 'no stage'}`,
        action: `/customer ${c.email}`,
      })),
      tables: [],
      context: contextLine(provenance, { population: 'matches' }),
    },
    headline: `${over}${plural(match.total, 'customer')} match "${query}" ${METHOD_TEXT[match.method]}${more}. Pick one with the command beside it.`,
    sections: [
      {
        kind: 'table',
        title: 'Matches',
        table: {
          columns: ['Customer', 'Tier', 'Stage', 'Command'],
          rows: match.matches.map((c) => [customerLabel(c), c.tier ?? 'n/a', c.stage ?? 'n/a', `/customer ${c.email}`]),
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
): CommandAnswer {
  const where = ['customer360__customer_value_analysis (email, organisation)', ...searched].join(', ');
  const provenance = buildProvenance({ reads: [report], n: 0, filters: [`"${query}"`] });
  return {
    command: `/customer ${query}`,
    title: `Customer — no match for "${query}"`,
    lead: {
      takeaway: M.noMatchTakeaway(query),
      accounts: [],
      tables: [],
      notes:
        suggestions.length > 0
          ? [M.closest(suggestions.map((s) => `/customer ${s.includes(' ') ? `"${s}"` : s}`).join(', '))]
          : [],
      context: contextLine(provenance, { population: 'customers matched' }),
    },
    headline: `No customer matches "${query}".${suggestions.length > 0 ? ` Closest: ${suggestions.join(', ')}.` : ''}`,
    sections: [
      {
        kind: 'unavailable',
        title: 'Customer card',
        reason: `nothing in ${where} matches "${query}".`,
      },
      ...(suggestions.length > 0
        ? [
            {
              kind: 'text' as const,
              title: 'Did you mean',
              lines: suggestions.map((s) => `/customer ${s.includes(' ') ? `"${s}"` : s}`),
            },
          ]
        : []),
    ],
    provenance,
    charts: [],
    chartsOmitted: 0,
    data: { query, suggestions },
  };
}
