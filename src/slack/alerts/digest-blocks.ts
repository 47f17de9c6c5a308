import type { DigestContent, DigestCustomer } from '../../alerts/digest/digest-types.js';
import { ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import { describeChange, RULES_MESSAGES } from '../../commands/rules/rules-messages.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import { TERMS } from '../../vocabulary/glossary.js';
import type { KnownBlock, SlackMessage } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { slackDate } from './alert-text.js';

const NAMES_MAX = 8;

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}

function names(customers: readonly DigestCustomer[]): string {
  if (customers.length === 0) return 'none';
  const shown = customers.slice(0, NAMES_MAX).map((c) => escapeMrkdwn(c.organization ?? c.key));
  return `${shown.join(', ')}${customers.length > NAMES_MAX ? ` and ${customers.length - NAMES_MAX} more` : ''}`;
}

/** The digest's lines, shared by the Slack message and the CLI preview. */
const fmt = numberFormat();

export function digestLines(d: DigestContent): { title: string; sections: { title: string; lines: string[] }[] } {
  const { counts } = d.zones;
  const zoneLine = `:red_circle: ${counts.red} red · :large_yellow_circle: ${counts.yellow} yellow · :large_green_circle: ${counts.green} green${
    d.zones.noZone > 0 ? ` · ${d.zones.noZone} without a zone` : ''
  } (n = ${d.zones.n}; ${ZONE_METHOD_LABELS[d.zones.method]})`;
  const change =
    d.change === null
      ? ['First digest: the change since last week starts next week.']
      : [
          `Since ${d.change.sinceWeek}: red ${signed(counts.red - d.change.counts.red)}, yellow ${signed(counts.yellow - d.change.counts.yellow)}, green ${signed(counts.green - d.change.counts.green)}.`,
          `New in red (${d.change.newRed.length}): ${names(d.change.newRed)}.`,
          `Recovered (${d.change.recovered.length}): ${names(d.change.recovered)}.`,
        ];
  const top = d.topPriority.map(
    (r) =>
      `${fmt.count(r.rank)}. ${escapeMrkdwn(r.organization ?? r.key)} — ${TERMS.priority.name} ${TERMS.priority.format(r.priority)}${r.zone === null ? '' : ` · ${r.zone} zone`} · ${escapeMrkdwn(r.action)}`,
  );
  const a = d.alerts;
  const alerts = [
    `${a.open + a.acknowledged + a.snoozed} active: ${a.open} open, ${a.acknowledged} acknowledged, ${a.snoozed} snoozed; *${a.overdue} overdue* (no intervention within 48 h).`,
    ...a.overdueList.map(
      (o) =>
        `• ${escapeMrkdwn(o.organization ?? o.key)} · due ${slackDate(o.dueAt)}${o.assignee ? ` · <@${o.assignee}>` : ''} · alert #${o.alertId}`,
    ),
  ];
  const i = d.interventions;
  const interventions = [
    `${i.loggedThisWeek} logged in the last 7 days, for ${i.customersThisWeek} customers.`,
    `Of the ${i.customersLast28Days} customers with an intervention in the last 28 days, ${i.leftRedWithin14Days} left red within 14 days of it.`,
    ...(i.leftRedAfterThresholdChange === undefined
      ? []
      : [RULES_MESSAGES.digestNotCounted(i.leftRedAfterThresholdChange)]),
  ];
  const tuned = (d.thresholdChanges ?? []).map((c) =>
    RULES_MESSAGES.digestChanged(`<@${c.changedBy}>`, formatDate(c.changedAt), describeChange(c.before, c.after)),
  );
  return {
    title: `Radar weekly digest · ${d.isoWeek}`,
    sections: [
      { title: 'Customers per zone', lines: [zoneLine, ...change, ...tuned] },
      {
        title: `Top 10 by ${TERMS.priority.name} (${TERMS.priority.scale}), with the next action`,
        lines: top.length > 0 ? top : ['Not available: the value table could not be ranked.'],
      },
      { title: 'Red-zone alerts', lines: alerts },
      { title: 'Interventions', lines: interventions },
      { title: 'Segment anomalies', lines: [escapeMrkdwn(d.segmentAnomalies)] },
    ],
  };
}

export function renderDigest(d: DigestContent): SlackMessage {
  const { title, sections } = digestLines(d);
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(title, 150) } }];
  for (const section of sections) {
    const [first = '', ...rest] = chunkLines([`*${section.title}*`, ...section.lines], 2900);
    blocks.push(mrkdwnSection(first), ...rest.map(mrkdwnSection));
  }
  blocks.push(
    contextBlock([
      `Data date ${d.dataDate ?? 'unknown'} (latest snapshot per customer) · Due ${escapeMrkdwn(d.dueLocal)} (${escapeMrkdwn(d.timeZone)})${d.charts.length > 0 ? ` · ${d.charts.length} charts follow` : ''}`,
    ]),
  );
  return {
    text: `${title}: ${d.zones.counts.red} red, ${d.alerts.overdue} overdue alerts`,
    blocks: blocks.slice(0, 50),
  };
}
