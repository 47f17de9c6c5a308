import type { DigestContent, DigestCustomer } from '../../alerts/digest/digest-types.js';
import { describeChange } from '../../commands/rules/rule-text.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import { joinList } from '../../i18n/join.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { slackDate } from './alert-text.js';

const NAMES_MAX = 8;

/** A week-on-week change: +3, −2, ±0 (counts, so the same in every language). */
function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function names(t: Translate, customers: readonly DigestCustomer[]): string {
  if (customers.length === 0) return t('digest.names.none');
  const shown = joinList(
    t,
    customers.slice(0, NAMES_MAX).map((c) => escapeMrkdwn(c.organization ?? c.key)),
  );
  return customers.length > NAMES_MAX
    ? t('digest.names.more', { names: shown, count: numberFormat(t.locale).count(customers.length - NAMES_MAX) })
    : shown;
}

/** The digest's language: the recipient's, recorded when it was built (English for digests queued before). */
export function digestTranslator(d: DigestContent): Translate {
  return translator(d.locale ?? 'en');
}

/** The digest's lines in the recipient's language, shared by the Slack message and the CLI preview. */
export function digestLines(d: DigestContent): { title: string; sections: { title: string; lines: string[] }[] } {
  const t = digestTranslator(d);
  const fmt = numberFormat(t.locale);
  const { priority } = glossaryFor(t.locale).terms;
  const { counts } = d.zones;
  const zoneValues = {
    red: fmt.count(counts.red),
    yellow: fmt.count(counts.yellow),
    green: fmt.count(counts.green),
    n: fmt.count(d.zones.n),
    method: t(d.zones.method === 'activity' ? 'zones.method.activity' : 'zones.method.value-fallback'),
  };
  const zoneLine =
    d.zones.noZone > 0
      ? t('digest.zones.lineNoZone', { ...zoneValues, noZone: fmt.count(d.zones.noZone) })
      : t('digest.zones.line', zoneValues);
  const change =
    d.change === null
      ? [t('digest.zones.first')]
      : [
          t('digest.zones.since', {
            week: d.change.sinceWeek,
            red: signed(counts.red - d.change.counts.red),
            yellow: signed(counts.yellow - d.change.counts.yellow),
            green: signed(counts.green - d.change.counts.green),
          }),
          t('digest.zones.newRed', { count: fmt.count(d.change.newRed.length), names: names(t, d.change.newRed) }),
          t('digest.zones.recovered', {
            count: fmt.count(d.change.recovered.length),
            names: names(t, d.change.recovered),
          }),
        ];
  const top = d.topPriority.map((r) => {
    const line = {
      rank: fmt.count(r.rank),
      name: escapeMrkdwn(r.organization ?? r.key),
      priority: glossaryFor(t.locale).describeValue('priority', r.priority),
      action: escapeMrkdwn(r.action),
    };
    return r.zone === null
      ? t('digest.top.line', line)
      : t('digest.top.lineZone', { ...line, zone: termFor(t.locale, 'zone', r.zone) });
  });
  const a = d.alerts;
  const alerts = [
    t('digest.alerts.line', {
      active: fmt.count(a.open + a.acknowledged + a.snoozed),
      open: fmt.count(a.open),
      acknowledged: fmt.count(a.acknowledged),
      snoozed: fmt.count(a.snoozed),
      overdue: fmt.count(a.overdue),
    }),
    ...a.overdueList.map((o) => {
      const line = { name: escapeMrkdwn(o.organization ?? o.key), date: slackDate(o.dueAt), id: String(o.alertId) };
      return o.assignee
        ? t('digest.alerts.overdueAssigned', { ...line, user: o.assignee })
        : t('digest.alerts.overdue', line);
    }),
  ];
  const i = d.interventions;
  const interventions = [
    t('digest.interventions.week', {
      logged: fmt.count(i.loggedThisWeek),
      customers: fmt.count(i.customersThisWeek),
    }),
    t('digest.interventions.recovery', {
      customers: fmt.count(i.customersLast28Days),
      left: fmt.count(i.leftRedWithin14Days),
    }),
    ...(i.leftRedAfterThresholdChange === undefined
      ? []
      : [t('rules.digestNotCounted', { count: fmt.count(i.leftRedAfterThresholdChange) })]),
  ];
  const tuned = (d.thresholdChanges ?? []).map((c) =>
    t('rules.digestChanged', {
      who: `<@${c.changedBy}>`,
      when: formatDate(c.changedAt, t.locale),
      changes: describeChange(t, c.before, c.after),
    }),
  );
  return {
    title: t('digest.title', { week: d.isoWeek }),
    sections: [
      { title: t('digest.zones.title'), lines: [zoneLine, ...change, ...tuned] },
      {
        title: t('digest.top.title', {
          priority: t('glossary.headingWithScale', { name: priority.name, scale: priority.scale }),
        }),
        lines: top.length > 0 ? top : [t('digest.top.none')],
      },
      { title: t('digest.alerts.title'), lines: alerts },
      { title: t('digest.interventions.title'), lines: interventions },
      { title: t('digest.segments.title'), lines: [escapeMrkdwn(d.segmentAnomalies)] },
    ],
  };
}

/** The comment of the digest's chart upload; the read-back recognises an earlier upload by it. */
export function digestChartsComment(d: DigestContent): string {
  return truncate(digestTranslator(d)('digest.chartsComment', { week: d.isoWeek }), 3000);
}

export function renderDigest(d: DigestContent): SlackMessage {
  const t = digestTranslator(d);
  const fmt = numberFormat(t.locale);
  const { title, sections } = digestLines(d);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(title, 150) } }];
  for (const section of sections) {
    const [first = '', ...rest] = chunkLines([`*${section.title}*`, ...section.lines], 2900);
    blocks.push(mrkdwnSection(first), ...rest.map(mrkdwnSection));
  }
  const footer = {
    date: d.dataDate ?? t('digest.unknown'),
    due: escapeMrkdwn(d.dueLocal),
    zone: escapeMrkdwn(d.timeZone),
  };
  blocks.push(
    contextBlock([
      d.charts.length > 0
        ? t('digest.footerCharts', { ...footer, count: fmt.count(d.charts.length) })
        : t('digest.footer', footer),
    ]),
  );
  return {
    text: t('digest.text', { title, red: fmt.count(d.zones.counts.red), overdue: fmt.count(d.alerts.overdue) }),
    blocks: blocks.slice(0, 50),
  };
}
