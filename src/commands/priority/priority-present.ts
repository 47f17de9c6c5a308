import type { PrioritySelection, ZoneLookup } from '../../analysis/priority/priority-filter.js';
import { PRIORITY_ROUTES, type PriorityRoute, ROUTE_LABELS } from '../../analysis/priority/priority-routes.js';
import { PRIORITY_INPUTS, type PriorityResult, type ScoredCustomer } from '../../analysis/priority/priority-score.js';
import type { ZoneSummary } from '../../analysis/zones/zone-types.js';
import { buildPriorityBarsChart } from '../../charts/priority/priority-bars.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat, plural } from '../../format/number-format.js';
import { TERMS } from '../../vocabulary/glossary.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { zoneMethodNote } from '../load-zones.js';
import { buildProvenance } from '../provenance.js';
import { priorityLead } from './priority-lead.js';
import { PRIORITY_MESSAGES as M } from './priority-messages.js';
import type { PriorityCommandOptions } from './priority-options.js';

const fmt = numberFormat();

export interface PriorityPresentation {
  readonly options: PriorityCommandOptions;
  readonly result: PriorityResult;
  readonly selection: PrioritySelection;
  readonly reads: readonly TableReadReport[];
  readonly zones: ZoneSummary | null;
  readonly zoneOf: ZoneLookup;
}

const ROUTE_FILTER_WORDS: Readonly<Record<string, string>> = {
  'manual-intervention': 'manual',
  'dedicated-acceleration': 'acceleration',
  'automated-nurture': 'nurture',
};

const FILTER_NAMES: Readonly<Record<string, string>> = {
  tier: 'tiers',
  segment: 'segments',
  stage: 'stages',
  zone: 'zones',
  route: 'routes',
};

/** "Acme Corp (jane@acme.com)", or the email alone when the organisation is missing. */
export function customerLabel(row: { readonly email: string; readonly organization: string | null }): string {
  return row.organization ? `${row.organization} (${row.email})` : row.email;
}

export function presentPriority(p: PriorityPresentation): CommandAnswer {
  const { options, result, selection } = p;
  const filterTexts = Object.entries(options.filters).map(([k, v]) => `${k}=${ROUTE_FILTER_WORDS[v as string] ?? v}`);
  const command = ['/priority', `top ${options.top}`, ...filterTexts].join(' ');
  const sections: AnswerSection[] = [];
  let headline: string;
  let unavailable: string | null = null;

  if (result.n === 0) {
    headline = M.noneRanked;
    unavailable = headline;
    sections.push({
      kind: 'unavailable',
      title: 'Priority ranking',
      reason: `no latest value row has all five inputs (${missingText(result)}).`,
    });
  } else if (selection.emptyFilter) {
    const { key, value, present } = selection.emptyFilter;
    const list = present.length > 0 ? present.join(', ') : 'none';
    headline = `No customer matches ${key}=${value} (${FILTER_NAMES[key] ?? key} present: ${list}).`;
    unavailable = M.noneMatch(`${key}=${value}`, list);
    sections.push({
      kind: 'unavailable',
      title: 'Priority ranking',
      reason: `no ranked customer matches ${key}=${value}; ${FILTER_NAMES[key] ?? key} present among the ${plural(result.n, 'ranked customer')}${filterTexts.length > 1 ? ' (after the earlier filters)' : ''}: ${list}.`,
    });
  } else {
    headline = headlineFor(p);
    sections.push({
      kind: 'table',
      title: `Top ${fmt.count(selection.top.length)} of ${plural(selection.matched.length, 'customer')}${filterTexts.length > 0 ? ` (${filterTexts.join(', ')})` : ''}`,
      table: {
        columns: ['#', 'Customer', 'Tier', 'Stage', 'Priority', 'Change', 'Health', 'Churn', 'LTV', 'Route'],
        align: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
        rows: selection.top.map((r) => [
          String(r.rank),
          customerLabel(r.customer),
          r.customer.tier ?? 'n/a',
          r.customer.stage ?? 'n/a',
          fmt.fixed(r.priority, 3),
          fmt.signed(r.change, (v) => fmt.fixed(v, 3)),
          fmt.number(r.customer.health),
          fmt.percent(r.customer.churn),
          fmt.money(r.customer.ltv),
          ROUTE_LABELS[r.route],
        ]),
      },
      note: '# = rank among all ranked customers; Change = priority now minus on the previous snapshot.',
    });
    sections.push({
      kind: 'table',
      title: `Routes across the ${plural(selection.matched.length, 'matching customer')}`,
      table: {
        columns: ['Route', 'Customers', 'Share'],
        align: ['left', 'right', 'right'],
        rows: routeRows(selection.matched),
      },
    });
  }
  if (result.n > 0 && result.comparable === 0) {
    sections.push({
      kind: 'unavailable',
      title: 'Priority change since the previous snapshot',
      reason:
        result.withPrevious === 0
          ? 'no ranked customer has a previous snapshot, so the manual-intervention route cannot fire.'
          : `none of the ${plural(result.withPrevious, 'previous snapshot')} has all five inputs, so the manual-intervention route cannot fire.`,
    });
  }

  const { weights } = options.scoring;
  const notes: string[] = [];
  if (result.excluded > 0)
    notes.push(`${plural(result.excluded, 'customer')} not ranked for a missing input (${missingText(result)})`);
  notes.push(
    `${fmt.count(result.comparable)} of ${plural(result.n, 'ranked customer')} have a previous snapshot with every input (priority change computed)`,
  );
  if (p.zones) {
    notes.push(`next actions: ${zoneMethodNote(p.zones)}`);
    if (p.zones.noZone > 0) notes.push(`${plural(p.zones.noZone, 'customer')} without a zone (missing zone inputs)`);
  }
  const provenance = buildProvenance({
    reads: p.reads,
    n: result.n,
    filters: ['latest value row per email', ...filterTexts],
    thresholds: [
      `priority = ${weights.rfm}·norm(RFM) + ${weights.health}·norm(health) − ${weights.churn}·churn`,
      `manual intervention when priority fell by > ${options.scoring.dropThreshold}`,
      `dedicated acceleration: HV and priority cume_dist ≥ ${options.scoring.accelerationCumeDist}`,
      'HV = Gold/Platinum and portfolio share > 0.05; SMB = Basic/Bronze/Silver and ≤ 0.05',
    ],
    notes,
  });
  const charts =
    selection.top.length > 0 ? [buildPriorityBarsChart(selection.top, selection.matched.length, filterTexts)] : [];
  return {
    command,
    title: M.title,
    lead: priorityLead({ options, result, selection, zoneOf: p.zoneOf, provenance, filterTexts, unavailable }),
    headline,
    sections,
    provenance,
    charts,
    chartsOmitted: 0,
    data: {
      options,
      n: result.n,
      excluded: result.excluded,
      missingInputs: result.missingInputs,
      scale: result.scale,
      comparable: result.comparable,
      routeCounts: result.routeCounts,
      matched: selection.matched.length,
      emptyFilter: selection.emptyFilter,
      top: selection.top.map((r) => ({ ...rowData(r), zone: p.zoneOf(r.customer.email) })),
    },
  };
}

function headlineFor(p: PriorityPresentation): string {
  const { selection, result } = p;
  const first = selection.top[0] as ScoredCustomer;
  const counts = new Map<PriorityRoute, number>();
  for (const r of selection.top) counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
  const routes = PRIORITY_ROUTES.filter((r) => counts.has(r))
    .map((r) => `${fmt.count(counts.get(r))} ${ROUTE_LABELS[r].toLowerCase()}`)
    .join(', ');
  const fell = result.routeCounts['manual-intervention'];
  return [
    `Call *${customerLabel(first.customer)}* first: priority ${TERMS.priority.format(first.priority)} (${first.customer.tier ?? 'no tier'}, ${first.customer.stage ?? 'no stage'}), route ${ROUTE_LABELS[first.route].toLowerCase()}.`,
    `Routes in the top ${fmt.count(selection.top.length)}: ${routes}.`,
    fell > 0
      ? `Across all ${fmt.count(result.n)} ranked customers, ${plural(fell, 'customer')} fell by more than ${p.options.scoring.dropThreshold} since the previous snapshot (manual intervention).`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

function routeRows(rows: readonly ScoredCustomer[]): string[][] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
  return Object.entries(ROUTE_LABELS)
    .filter(([route]) => counts.has(route))
    .map(([route, label]) => [
      label,
      fmt.count(counts.get(route)),
      fmt.percent((counts.get(route) ?? 0) / rows.length),
    ]);
}

function missingText(result: PriorityResult): string {
  const parts = PRIORITY_INPUTS.filter((i) => result.missingInputs[i] > 0).map(
    (i) => `${i} missing on ${fmt.count(result.missingInputs[i])}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'none missing';
}

export function rowData(r: ScoredCustomer) {
  return {
    rank: r.rank,
    email: r.customer.email,
    organization: r.customer.organization,
    tier: r.customer.tier,
    stage: r.customer.stage,
    segment: r.segment,
    priority: r.priority,
    cumeDist: r.cumeDist,
    previousPriority: r.previousPriority,
    change: r.change,
    health: r.customer.health,
    churn: r.customer.churn,
    ltv: r.customer.ltv,
    route: r.route,
  };
}
