import type { CustomerCard } from '../../analysis/customer-card/build-card.js';
import type { LookupMethod } from '../../analysis/customer-card/find-customer.js';
import type { ZoneOptions } from '../../analysis/zones/zone-rules.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { buildTierComparisonChart } from '../../charts/customer-card/tier-comparison.js';
import type { TableReadReport } from '../../data/read-table.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import { joinList, joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { AnswerLead, AnswerSection, CommandAnswer, Provenance } from '../command-answer.js';
import type { OpenAlertSummary } from '../command-definition.js';
import { contextLine } from '../context-line.js';
import { zoneMethodNote } from '../load-zones.js';
import { buildProvenance } from '../provenance.js';
import { customerLabel, methodText } from './customer-label.js';
import { zoneReason } from './zone-reason.js';

export interface CardPresentation {
  readonly query: string;
  readonly method: LookupMethod;
  readonly card: CustomerCard;
  /** null when alert tracking is not running (plain CLI). */
  readonly alerts: readonly OpenAlertSummary[] | null;
  readonly reads: readonly TableReadReport[];
  /** Which zone method ran, for the note under the zone, and the options it ran with (absent = the defaults). */
  readonly zones: Pick<ZonesResult, 'method' | 'activityUnavailable'> & { readonly options?: ZoneOptions };
  readonly locale: Locale;
}

export function presentCustomerCard(p: CardPresentation): CommandAnswer {
  const { card, locale } = p;
  const t = translator(locale);
  const f = numberFormat(locale);
  const c = card.customer;
  const label = customerLabel(c);
  const tier = c.tier === null ? f.missing : termFor(locale, 'tier', c.tier);
  const stage = c.stage === null ? f.missing : termFor(locale, 'stage', c.stage);
  const zoneText = card.zone.kind === 'zoned' ? termFor(locale, 'zone', card.zone.zone) : t('customer.noZone');
  const priorityText =
    card.priority.kind === 'ranked'
      ? t('customer.headline.priority', { rank: f.count(card.priority.rank), of: f.count(card.priority.of) })
      : t('customer.headline.notRanked');
  const action = actionText(card.nextAction, locale);
  const headline = t('customer.headline', {
    who: label,
    tier: c.tier === null ? t('priority.headline.noTier') : tier,
    stage: c.stage === null ? t('priority.headline.noStage') : stage,
    zone: zoneText,
    priority: priorityText,
    action,
  });

  const figures: string[][] = [
    [t('customer.figure.tierSegment'), `${tier} / ${termFor(locale, 'segment', card.segment)}`],
    [t('customer.figure.stage'), stage],
    [t('customer.figure.health'), f.number(c.health)],
    [t('customer.figure.churn'), f.percent(c.churn)],
    [t('customer.figure.ltv'), f.money(c.ltv)],
    [t('customer.figure.rfm'), [c.recency, c.frequency, c.monetary].map((v) => f.number(v)).join(' / ')],
    [t('customer.figure.rfmComposite'), f.number(card.rfm)],
    [t('customer.figure.share'), f.percent(c.portfolioPct, { decimals: 2 })],
  ];
  if (card.tierMedians) {
    const m = card.tierMedians.medians;
    figures.push([
      t('customer.figure.tierMedians', {
        tier: termFor(locale, 'tier', card.tierMedians.tier),
        n: f.count(card.tierMedians.n),
      }),
      t('customer.figure.tierMediansValue', {
        health: f.number(m.health),
        churn: f.percent(m.churn),
        ltv: f.money(m.ltv),
        rfm: f.number(m.rfm),
      }),
    ]);
  }
  const figureColumns = [t('customer.column.figure'), t('customer.column.value')];
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: t('customer.figuresTitle'),
      table: { columns: figureColumns, align: ['left', 'left'], rows: figures },
    },
  ];
  sections.push(
    card.zone.kind === 'zoned'
      ? {
          kind: 'text',
          title: t('customer.section.zone', { zone: zoneText }),
          lines: [zoneReason(card.zone, locale, p.zones.options), zoneMethodNote(p.zones, locale)],
        }
      : {
          kind: 'unavailable',
          title: t('customer.section.zoneUnavailable'),
          reason: zoneReason(card.zone, locale, p.zones.options),
        },
  );
  if (card.priority.kind === 'ranked') {
    const pr = card.priority;
    sections.push({
      kind: 'text',
      title: t('customer.section.priority'),
      lines: [
        t('customer.priorityLine', {
          priority: f.fixed(pr.priority, 3),
          rank: f.count(pr.rank),
          of: f.count(pr.of),
          share: topShare(pr.rank, pr.of, locale),
          change: f.signed(pr.change, (v) => f.fixed(v, 3)),
        }),
        t('customer.routeLine', { route: termFor(locale, 'route', pr.route), action }),
      ],
    });
  } else {
    sections.push({ kind: 'unavailable', title: t('customer.section.rank'), reason: unrankedReason(card, t) });
  }
  sections.push({ kind: 'text', title: t('customer.section.alerts'), lines: alertLines(p.alerts, t) });

  const chart = buildTierComparisonChart(card, locale);
  const provenance = buildProvenance({
    reads: p.reads,
    n: 1,
    filters: [
      t('customer.filter.found', { method: methodText(p.method, t), query: p.query }),
      t('customer.filter.latest'),
    ],
    thresholds: [t('customer.threshold.priority'), t('customer.threshold.zones')],
    locale,
  });
  return {
    command: `/customer ${p.query}`,
    title: t('customer.title', { who: label }),
    lead: cardLead(card, p.alerts, provenance, locale, p.zones.options),
    headline,
    sections,
    provenance,
    charts: chart ? [chart] : [],
    chartsOmitted: 0,
    data: { query: p.query, method: p.method, card, alerts: p.alerts },
  };
}

/** Why a customer is unranked, in the reader's language; the analysis's English sentence stays in --json. */
function unrankedReason(card: CustomerCard, t: Translate): string {
  if (card.priority.kind !== 'unavailable') return '';
  const { missing } = card.priority;
  return missing.length > 0
    ? t('customer.unrankedWhy.missing', { columns: missing.join(', ') })
    : t('customer.unrankedWhy.notInRanking');
}

/** The card a CSM reads: who, the zone and the next action first, then the key figures in glossary words. */
function cardLead(
  card: CustomerCard,
  alerts: readonly OpenAlertSummary[] | null,
  provenance: Provenance,
  locale: Locale,
  zoneOptions: ZoneOptions | undefined,
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const g = glossaryFor(locale);
  const { terms } = g;
  const c = card.customer;
  const who = g.accountName(c.organization, c.email);
  const zone =
    card.zone.kind === 'zoned'
      ? t('customer.zoneText', {
          zone: termFor(locale, 'zone', card.zone.zone),
          score: terms.zoneScore.format(card.zone.score),
        })
      : t('customer.noZone');
  const pr = card.priority;
  const rows: string[][] = [
    [
      t('customer.row.tierStage'),
      t('customer.tierStageValue', {
        tier: c.tier === null ? f.missing : termFor(locale, 'tier', c.tier),
        segment: termFor(locale, 'segment', card.segment),
        stage: c.stage === null ? f.missing : termFor(locale, 'stage', c.stage),
      }),
    ],
    [
      g.termHeading('priority'),
      pr.kind === 'ranked'
        ? joinList(t, [
            terms.priority.format(pr.priority),
            t('customer.rank', { rank: f.count(pr.rank), of: f.count(pr.of) }),
          ])
        : t('customer.notRanked'),
    ],
    [cap(terms.churn.name), terms.churn.format(c.churn)],
    [cap(terms.health.name), terms.health.format(c.health)],
    [cap(terms.ltv.name), terms.ltv.format(c.ltv)],
    [g.termHeading('rfm'), terms.rfm.format(card.rfm)],
  ];
  const notes: string[] = [];
  if (card.zone.kind === 'zoned') notes.push(t('customer.why', { reason: zoneReason(card.zone, locale, zoneOptions) }));
  notes.push(alertLine(alerts, locale));
  return {
    takeaway: t('customer.takeaway', { who, zone, action: actionText(card.nextAction, locale) }),
    accounts: [],
    tables: [
      {
        kind: 'table',
        title: t('customer.figuresTitle'),
        table: { columns: [t('customer.column.figure'), t('customer.column.value')], rows },
      },
    ],
    notes,
    context: contextLine(provenance, { population: t('customer.population') }, locale),
  };
}

function alertLine(alerts: readonly OpenAlertSummary[] | null, locale: Locale): string {
  const t = translator(locale);
  if (alerts === null) return t('customer.alertsNotTracked');
  if (alerts.length === 0) return t('customer.noAlerts');
  return joinSentences(
    t,
    alerts.map((a) =>
      a.assignee
        ? t('customer.alertAssigned', { state: a.state, since: formatDate(a.detectedAt, locale), assignee: a.assignee })
        : t('customer.alertUnassigned', { state: a.state, since: formatDate(a.detectedAt, locale) }),
    ),
  );
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "top 0.02%" for the very first ranks, whole percents beyond 1%. */
function topShare(rank: number, of: number, locale: Locale): string {
  const share = rank / of;
  return numberFormat(locale).percent(share, { decimals: share < 0.01 ? 2 : 0 });
}

function alertLines(alerts: readonly OpenAlertSummary[] | null, t: Translate): string[] {
  if (alerts === null) return [t('customer.alerts.notTracked')];
  if (alerts.length === 0) return [t('customer.alerts.none')];
  return alerts.map((a) =>
    a.assignee
      ? t('customer.alerts.assigned', { state: a.state, since: a.detectedAt, assignee: a.assignee })
      : t('customer.alerts.unassigned', { state: a.state, since: a.detectedAt }),
  );
}
