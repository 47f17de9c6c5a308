import { PRIORITY_ROUTES, type PriorityRoute } from '../../analysis/priority/priority-routes.js';
import { PRIORITY_INPUTS, type ScoredCustomer } from '../../analysis/priority/priority-score.js';
import type { ZoneSummary } from '../../analysis/zones/zone-types.js';
import { buildPriorityBarsChart } from '../../charts/priority/priority-bars.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat } from '../../format/number-format.js';
import { joinList, joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, termFor, translator } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { zoneMethodNote } from '../load-zones.js';
import { buildProvenance } from '../provenance.js';
import { priorityLead } from './priority-lead.js';
import type { PriorityCommandOptions } from './priority-options.js';
import type { PriorityFigures, PriorityShown } from './priority-shown.js';

export interface PriorityPresentation {
  readonly options: PriorityCommandOptions;
  readonly result: PriorityFigures;
  readonly selection: PriorityShown;
  readonly reads: readonly TableReadReport[];
  readonly zones: ZoneSummary | null;
  readonly locale: Locale;
}

const ROUTE_FILTER_WORDS: Readonly<Record<string, string>> = {
  'manual-intervention': 'manual',
  'dedicated-acceleration': 'acceleration',
  'automated-nurture': 'nurture',
};

/** "Acme Corp (jane@acme.com)", or the email alone when the organisation is missing. */
export function customerLabel(row: { readonly email: string; readonly organization: string | null }): string {
  return row.organization ? `${row.organization} (${row.email})` : row.email;
}

export function presentPriority(p: PriorityPresentation): CommandAnswer {
  const { options, result, selection, locale } = p;
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const filterTexts = Object.entries(options.filters).map(([k, v]) => `${k}=${ROUTE_FILTER_WORDS[v as string] ?? v}`);
  const command = ['/priority', `top ${options.top}`, ...filterTexts].join(' ');
  const sections: AnswerSection[] = [];
  let headline: string;
  let unavailable: string | null = null;

  if (result.n === 0) {
    headline = t('priority.noneRanked');
    unavailable = headline;
    sections.push({
      kind: 'unavailable',
      title: t('priority.section.ranking'),
      reason: t('priority.reason.noInputs', { missing: missingText(result, locale) }),
    });
  } else if (selection.emptyFilter) {
    const { key, value, present } = selection.emptyFilter;
    const list = present.length > 0 ? present.join(', ') : t('priority.none');
    const kind = t(`priority.filterName.${key}` as MessageKey);
    headline = t('priority.headline.noMatch', { filter: `${key}=${value}`, kind, present: list });
    unavailable = t('priority.noneMatch', { filter: `${key}=${value}`, present: list });
    sections.push({
      kind: 'unavailable',
      title: t('priority.section.ranking'),
      reason: t('priority.reason.noMatch', {
        filter: `${key}=${value}`,
        kind,
        n: result.n,
        afterEarlier: filterTexts.length > 1 ? 'yes' : 'no',
        present: list,
      }),
    });
  } else {
    headline = headlineFor(p);
    sections.push({
      kind: 'table',
      title:
        filterTexts.length > 0
          ? t('priority.section.topFiltered', {
              shown: fmt.count(selection.top.length),
              n: selection.matchedCount,
              filters: filterTexts.join(', '),
            })
          : t('priority.section.top', { shown: fmt.count(selection.top.length), n: selection.matchedCount }),
      table: {
        columns: t('priority.table.columns').split('|'),
        align: ['right', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
        rows: selection.top.map((r) => [
          String(r.rank),
          customerLabel(r.customer),
          r.customer.tier === null ? fmt.missing : termFor(locale, 'tier', r.customer.tier),
          r.customer.stage === null ? fmt.missing : termFor(locale, 'stage', r.customer.stage),
          fmt.fixed(r.priority, 3),
          fmt.signed(r.change, (v) => fmt.fixed(v, 3)),
          fmt.number(r.customer.health),
          fmt.percent(r.customer.churn),
          fmt.money(r.customer.ltv),
          termFor(locale, 'route', r.route),
        ]),
      },
      note: t('priority.table.note'),
    });
    sections.push({
      kind: 'table',
      title: t('priority.section.routesAcross', { n: selection.matchedCount }),
      table: {
        columns: [t('priority.column.route'), t('priority.column.customers'), t('priority.column.share')],
        align: ['left', 'right', 'right'],
        rows: routeRows(selection.matchedRoutes, selection.matchedCount, locale),
      },
    });
  }
  if (result.n > 0 && result.comparable === 0) {
    sections.push({
      kind: 'unavailable',
      title: t('priority.section.change'),
      reason:
        result.withPrevious === 0
          ? t('priority.reason.noPrevious')
          : t('priority.reason.noCompletePrevious', { n: result.withPrevious }),
    });
  }

  const { weights } = options.scoring;
  const notes: string[] = [];
  if (result.excluded > 0) {
    notes.push(t('priority.note.excluded', { n: result.excluded, missing: missingText(result, locale) }));
  }
  notes.push(t('priority.note.comparable', { comparable: fmt.count(result.comparable), n: result.n }));
  if (p.zones) {
    notes.push(t('priority.note.nextActions', { method: zoneMethodNote(p.zones, locale) }));
    if (p.zones.noZone > 0) notes.push(t('priority.note.noZone', { n: p.zones.noZone }));
  }
  const provenance = buildProvenance({
    reads: p.reads,
    n: result.n,
    filters: [t('priority.filter.latest'), ...filterTexts],
    thresholds: [
      t('priority.threshold.formula', {
        rfm: String(weights.rfm),
        health: String(weights.health),
        churn: String(weights.churn),
      }),
      t('priority.threshold.drop', { drop: String(options.scoring.dropThreshold) }),
      t('priority.threshold.acceleration', { cut: String(options.scoring.accelerationCumeDist) }),
      t('priority.threshold.segments'),
    ],
    notes,
    locale,
  });
  const charts =
    selection.top.length > 0
      ? [buildPriorityBarsChart(selection.top, selection.matchedCount, filterTexts, locale)]
      : [];
  return {
    command,
    title: t('priority.title'),
    lead: priorityLead({ options, result, selection, provenance, filterTexts, unavailable, locale }),
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
      matched: selection.matchedCount,
      emptyFilter: selection.emptyFilter,
      top: selection.top.map((r) => ({ ...rowData(r), zone: selection.zoneOf.zoneOfRow(r) })),
    },
  };
}

function headlineFor(p: PriorityPresentation): string {
  const { selection, result, locale } = p;
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const { terms } = glossaryFor(locale);
  const routeWord = (route: PriorityRoute) => termFor(locale, 'route', route).toLocaleLowerCase(locale);
  const first = selection.top[0] as ScoredCustomer;
  const counts = new Map<PriorityRoute, number>();
  for (const r of selection.top) counts.set(r.route, (counts.get(r.route) ?? 0) + 1);
  const routes = PRIORITY_ROUTES.filter((r) => counts.has(r)).map((r) =>
    t('priority.headline.routeCount', { count: fmt.count(counts.get(r)), route: routeWord(r) }),
  );
  const fell = result.routeCounts['manual-intervention'];
  const { tier, stage } = first.customer;
  return joinSentences(t, [
    t('priority.headline.first', {
      who: customerLabel(first.customer),
      priority: terms.priority.format(first.priority),
      tier: tier === null ? t('priority.headline.noTier') : termFor(locale, 'tier', tier),
      stage: stage === null ? t('priority.headline.noStage') : termFor(locale, 'stage', stage),
      route: routeWord(first.route),
    }),
    t('priority.headline.routes', { shown: fmt.count(selection.top.length), routes: joinList(t, routes) }),
    fell > 0
      ? t('priority.headline.fell', {
          n: fmt.count(result.n),
          fell,
          drop: String(p.options.scoring.dropThreshold),
        })
      : '',
  ]);
}

function routeRows(counts: Readonly<Record<PriorityRoute, number>>, total: number, locale: Locale): string[][] {
  const fmt = numberFormat(locale);
  return PRIORITY_ROUTES.filter((route) => counts[route] > 0).map((route) => [
    termFor(locale, 'route', route),
    fmt.count(counts[route]),
    fmt.percent(counts[route] / total),
  ]);
}

function missingText(result: PriorityFigures, locale: Locale): string {
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const parts = PRIORITY_INPUTS.filter((i) => result.missingInputs[i] > 0).map((i) =>
    t('priority.missing.item', { input: i, count: fmt.count(result.missingInputs[i]) }),
  );
  return parts.length > 0 ? joinList(t, parts) : t('priority.missing.none');
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
