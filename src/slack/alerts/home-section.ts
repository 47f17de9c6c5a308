import type { AlertRuntime } from '../../alerts/alert-runtime.js';
import type { Alert } from '../../alerts/alert-types.js';
import { formatLocal, nextDigestAt } from '../../alerts/digest/digest-time.js';
import { DIGEST_CHANNEL_TIME_ZONE } from '../../alerts/digest/run-digest.js';
import { isSnoozed, slaStatus } from '../../alerts/sla.js';
import { numberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';
import type { KnownBlock } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection } from '../mrkdwn.js';
import { customerName, durationText, slackDate } from './alert-text.js';

const LINES_PER_GROUP = 15;
/**
 * Red customers announced only as a line of a baseline or overflow summary, listed in Home by priority. The
 * summary shows 40 and points here for the rest; 150 lines stay well inside a Home view's 100 blocks.
 */
export const UNCLAIMED_LINES_MAX = 150;

/** The SLA clock at `now`, in words, for the Home tab (published fresh on every open). */
export function slaClock(t: Translate, alert: Alert, now: number): string {
  const sla = slaStatus(alert, now);
  switch (sla.kind) {
    case 'none':
      return t('home.sla.none');
    case 'met':
      return t('home.sla.met');
    case 'closed':
      return t('home.sla.closed');
    case 'running':
      return t(sla.paused ? 'home.sla.runningPaused' : 'home.sla.running', { left: durationText(t, sla.leftMs) });
    case 'overdue':
      return t(sla.escalatedAt !== null ? 'home.sla.overdueEscalated' : 'home.sla.overdue', {
        over: durationText(t, sla.overMs),
      });
  }
}

function alertId(t: Translate, alert: Alert): string {
  return t('alerts.line.alert', { id: String(alert.id) });
}

function group(
  t: Translate,
  title: string,
  alerts: readonly Alert[],
  now: number,
  extra: (a: Alert) => string = () => '',
): KnownBlock[] {
  if (alerts.length === 0) return [];
  const fmt = numberFormat(t.locale);
  const lines = alerts.slice(0, LINES_PER_GROUP).map((a) => {
    const bits = [customerName(t, a.customer), `${slaClock(t, a, now)}${extra(a)}`];
    if (a.channel !== null) bits.push(`<#${a.channel}>`);
    return `• ${[...bits, alertId(t, a)].join(' · ')}`;
  });
  if (alerts.length > lines.length)
    lines.push(t('home.alerts.more', { count: fmt.count(alerts.length - lines.length) }));
  return chunkLines([`*${escapeMrkdwn(title)}* (${fmt.count(alerts.length)})`, ...lines], 2900).map(mrkdwnSection);
}

/** Summary-only red customers nobody has acknowledged, been assigned or snoozed yet: highest priority first. */
function unclaimedFromSummaries(t: Translate, active: readonly Alert[], now: number): KnownBlock[] {
  const fmt = numberFormat(t.locale);
  const unclaimed = active
    .filter((a) => a.delivery !== 'individual' && a.acknowledgedAt === null && a.assignee === null)
    .filter((a) => !isSnoozed(a, now))
    .sort((a, b) => rankOrder(a) - rankOrder(b) || a.id - b.id);
  if (unclaimed.length === 0) return [];
  const lines = unclaimed.slice(0, UNCLAIMED_LINES_MAX).map((a) => {
    const rank = a.customer.figures.priorityRank;
    const bits = [
      customerName(t, a.customer),
      ...(rank === null ? [] : [t('home.alerts.priorityRank', { rank: fmt.count(rank) })]),
      slaClock(t, a, now),
      alertId(t, a),
    ];
    return `• ${bits.join(' · ')}`;
  });
  if (unclaimed.length > lines.length) {
    lines.push(t('home.alerts.unclaimedMore', { count: fmt.count(unclaimed.length - lines.length) }));
  }
  const title = `*${t('home.alerts.unclaimed')}*`;
  return chunkLines([`${title} (${fmt.count(unclaimed.length)})`, ...lines], 2900).map(mrkdwnSection);
}

function rankOrder(alert: Alert): number {
  return alert.customer.figures.priorityRank ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The Home tab's alerts section for one user, in their language: alerts assigned to them, the open ones they
 * acknowledged, the snoozed ones they are involved in, each with its SLA clock; the team's unacknowledged count; and
 * when the next digest comes (in the user's own zone for a manager).
 */
export async function buildHomeAlertsSection(
  runtime: AlertRuntime,
  userId: string,
  t: Translate,
): Promise<KnownBlock[]> {
  const fmt = numberFormat(t.locale);
  const now = runtime.now();
  const active = await runtime.refreshIndex();
  const involved = (a: Alert) => a.assignee === userId || a.acknowledgedBy === userId || a.snoozedBy === userId;
  const snoozed = active.filter((a) => isSnoozed(a, now) && involved(a));
  const awake = active.filter((a) => !isSnoozed(a, now));
  const assigned = awake.filter((a) => a.assignee === userId);
  const mine = awake.filter((a) => a.assignee !== userId && (a.acknowledgedBy === userId || a.assignedBy === userId));
  const unacknowledged = active.filter((a) => a.acknowledgedAt === null && a.delivery !== 'baseline');

  const blocks: KnownBlock[] = [
    ...group(t, t('home.alerts.assigned'), assigned, now),
    ...group(t, t('home.alerts.mine'), mine, now, (a) =>
      a.assignee !== null ? ` · ${t('home.alerts.assignedTo', { user: a.assignee })}` : '',
    ),
    ...group(t, t('home.alerts.snoozed'), snoozed, now, (a) =>
      a.snoozedUntil !== null ? ` · ${t('home.alerts.until', { date: slackDate(a.snoozedUntil) })}` : '',
    ),
  ];
  if (blocks.length === 0) blocks.push(mrkdwnSection(t('home.alerts.none')));
  blocks.push(...unclaimedFromSummaries(t, active, now));
  blocks.push(
    contextBlock([
      t('home.alerts.team', { active: fmt.count(active.length), unacknowledged: fmt.count(unacknowledged.length) }),
    ]),
  );
  const isManager = runtime.managers.includes(userId);
  const zone = isManager ? await runtime.timeZoneOf(userId) : DIGEST_CHANNEL_TIME_ZONE;
  const when = escapeMrkdwn(formatLocal(nextDigestAt(now, zone), zone, t.locale));
  blocks.push(contextBlock([t(isManager ? 'home.digest.manager' : 'home.digest.others', { when })]));
  return blocks;
}
