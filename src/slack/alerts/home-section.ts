import type { AlertRuntime } from '../../alerts/alert-runtime.js';
import type { Alert } from '../../alerts/alert-types.js';
import { formatLocal, nextDigestAt } from '../../alerts/digest/digest-time.js';
import { DIGEST_CHANNEL_TIME_ZONE } from '../../alerts/digest/run-digest.js';
import { formatDuration, isSnoozed, slaStatus } from '../../alerts/sla.js';
import { numberFormat } from '../../format/number-format.js';
import type { KnownBlock } from '../block-types.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection } from '../mrkdwn.js';
import { customerName, slackDate } from './alert-text.js';

const fmt = numberFormat();

const LINES_PER_GROUP = 15;
/**
 * Red customers announced only as a line of a baseline or overflow summary, listed in Home by priority. The
 * summary shows 40 and points here for the rest; 150 lines stay well inside a Home view's 100 blocks.
 */
export const UNCLAIMED_LINES_MAX = 150;

/** The SLA clock at `now`, in words, for the Home tab (published fresh on every open). */
export function slaClock(alert: Alert, now: number): string {
  const sla = slaStatus(alert, now);
  switch (sla.kind) {
    case 'none':
      return 'baseline, no SLA';
    case 'met':
      return ':white_check_mark: SLA met';
    case 'closed':
      return 'closed';
    case 'running':
      return `:stopwatch: ${formatDuration(sla.leftMs)} left${sla.paused ? ' (paused)' : ''}`;
    case 'overdue':
      return `:rotating_light: overdue by ${formatDuration(sla.overMs)}${sla.escalatedAt !== null ? ', escalated' : ''}`;
  }
}

function group(
  title: string,
  alerts: readonly Alert[],
  now: number,
  extra: (a: Alert) => string = () => '',
): KnownBlock[] {
  if (alerts.length === 0) return [];
  const lines = alerts.slice(0, LINES_PER_GROUP).map((a) => {
    const where = a.channel !== null ? ` · <#${a.channel}>` : '';
    return `• ${customerName(a.customer)} · ${slaClock(a, now)}${extra(a)}${where} · alert #${a.id}`;
  });
  if (alerts.length > lines.length) lines.push(`…and ${fmt.count(alerts.length - lines.length)} more.`);
  return chunkLines([`*${escapeMrkdwn(title)}* (${fmt.count(alerts.length)})`, ...lines], 2900).map(mrkdwnSection);
}

/** Summary-only red customers nobody has acknowledged, been assigned or snoozed yet: highest priority first. */
function unclaimedFromSummaries(active: readonly Alert[], now: number): KnownBlock[] {
  const unclaimed = active
    .filter((a) => a.delivery !== 'individual' && a.acknowledgedAt === null && a.assignee === null)
    .filter((a) => !isSnoozed(a, now))
    .sort((a, b) => rankOrder(a) - rankOrder(b) || a.id - b.id);
  if (unclaimed.length === 0) return [];
  const lines = unclaimed.slice(0, UNCLAIMED_LINES_MAX).map((a) => {
    const rank =
      a.customer.figures.priorityRank === null ? '' : ` · priority #${fmt.count(a.customer.figures.priorityRank)}`;
    return `• ${customerName(a.customer)}${rank} · ${slaClock(a, now)} · alert #${a.id}`;
  });
  if (unclaimed.length > lines.length) {
    lines.push(
      `…and ${fmt.count(unclaimed.length - lines.length)} more, lower in priority (\`/priority zone=red\` ranks them).`,
    );
  }
  const title = '*Red-zone customers listed only in a summary, not picked up yet*';
  return chunkLines([`${title} (${fmt.count(unclaimed.length)})`, ...lines], 2900).map(mrkdwnSection);
}

function rankOrder(alert: Alert): number {
  return alert.customer.figures.priorityRank ?? Number.MAX_SAFE_INTEGER;
}

/**
 * The Home tab's alerts section for one user: alerts assigned to them, the open ones they acknowledged, the snoozed
 * ones they are involved in, each with its SLA clock; the team's unacknowledged count; and when the next digest
 * comes (in the user's own zone for a manager).
 */
export async function buildHomeAlertsSection(runtime: AlertRuntime, userId: string): Promise<KnownBlock[]> {
  const now = runtime.now();
  const active = await runtime.refreshIndex();
  const involved = (a: Alert) => a.assignee === userId || a.acknowledgedBy === userId || a.snoozedBy === userId;
  const snoozed = active.filter((a) => isSnoozed(a, now) && involved(a));
  const awake = active.filter((a) => !isSnoozed(a, now));
  const assigned = awake.filter((a) => a.assignee === userId);
  const mine = awake.filter((a) => a.assignee !== userId && (a.acknowledgedBy === userId || a.assignedBy === userId));
  const unacknowledged = active.filter((a) => a.acknowledgedAt === null && a.delivery !== 'baseline');

  const blocks: KnownBlock[] = [
    ...group('Assigned to you', assigned, now),
    ...group('Your open alerts (acknowledged by you)', mine, now, (a) =>
      a.assignee !== null ? ` · assigned to <@${a.assignee}>` : '',
    ),
    ...group('Snoozed', snoozed, now, (a) => (a.snoozedUntil !== null ? ` · until ${slackDate(a.snoozedUntil)}` : '')),
  ];
  if (blocks.length === 0) blocks.push(mrkdwnSection('No open alerts for you.'));
  blocks.push(...unclaimedFromSummaries(active, now));
  blocks.push(
    contextBlock([
      `Team: ${fmt.count(active.length)} active red-zone alerts, ${fmt.count(unacknowledged.length)} not acknowledged yet (oldest first in the alert channel).`,
    ]),
  );
  const isManager = runtime.managers.includes(userId);
  const zone = isManager ? await runtime.timeZoneOf(userId) : DIGEST_CHANNEL_TIME_ZONE;
  const next = nextDigestAt(now, zone);
  blocks.push(
    contextBlock([
      isManager
        ? `Your next weekly digest: ${escapeMrkdwn(formatLocal(next, zone))} (Monday 09:00 in your time zone).`
        : `Weekly digest: to managers by DM, Monday 09:00 in each manager's time zone (next in UTC: ${escapeMrkdwn(formatLocal(next, zone))}).`,
    ]),
  );
  return blocks;
}
