import { compareCodePoints } from '../../analysis/code-point-order.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import { ROUTE_LABELS } from '../../analysis/priority/priority-routes.js';
import type { ZoneName } from '../../analysis/zones/zone-rules.js';
import { buildPriorityBarsChart } from '../../charts/priority/priority-bars.js';
import { buildZoneDistributionChart } from '../../charts/zones/zone-distribution-chart.js';
import type { CommandContext } from '../../commands/command-definition.js';
import { runCommand } from '../../commands/run-command.js';
import { segmentAnomaliesCommand } from '../../commands/segment-anomalies/segment-anomalies-command.js';
import { isRadarError } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import type { Alert } from '../alert-types.js';
import type { ThresholdChange } from '../rules/rules-state.js';
import type { ScanInputs } from '../scan-inputs.js';
import { escalationDueAt, isOverdue } from '../sla.js';
import type { DigestContent, DigestCustomer } from './digest-types.js';

const DAY_MS = 86_400_000;

/** Customers who left red within this long of an intervention count as "left red after it". */
export const RECOVERY_WINDOW_MS = 14 * DAY_MS;

/** Interventions looked back on for the recovery figure (their 14-day windows overlap the last two weeks). */
export const INTERVENTION_LOOKBACK_MS = 28 * DAY_MS;

export const TOP_PRIORITY_ROWS = 10;

/** What the digest reads from the store, gathered by the caller (the store is async, this builder is not). */
export interface DigestFacts {
  readonly active: readonly Alert[];
  /** Interventions of the last 28 days: first one per customer, with whether they left red within 14 days. */
  readonly interventions: readonly { readonly customerKey: string; readonly loggedAt: number }[];
  readonly resolved: readonly Alert[];
  /** Zone-threshold changes of the last 28 days (a recovery across one is not credited to the intervention). */
  readonly thresholdChanges?: readonly ThresholdChange[];
  readonly previous: {
    readonly isoWeek: string;
    readonly redKeys: readonly string[];
    readonly counts: Readonly<Record<string, number>>;
  } | null;
}

export interface DigestBuildInput {
  readonly isoWeek: string;
  readonly now: number;
  readonly timeZone: string;
  readonly dueLocal: string;
  /** The recipient's language: the digest's own words, its charts and the next actions are written in it (en). */
  readonly locale?: Locale;
  readonly scan: ScanInputs;
  readonly facts: DigestFacts;
  readonly segmentLine: string;
}

/** The digest's content, pure: zones and change, top 10 priority, alerts and SLA, interventions, §5 line, charts. */
export function buildDigest(input: DigestBuildInput): DigestContent {
  const { scan, facts, now } = input;
  const locale = input.locale ?? 'en';
  const zones = scan.zones;
  const red = scan.customers.filter((c) => c.zone === 'red');
  const redKeys = red.map((c) => c.key).sort(compareCodePoints);
  const orgOf = new Map(scan.customers.map((c) => [c.key, c.organization]));
  const named = (key: string): DigestCustomer => ({ key, organization: orgOf.get(key) ?? null });

  let change: DigestContent['change'] = null;
  if (facts.previous !== null) {
    const before = new Set(facts.previous.redKeys);
    const nowRed = new Set(redKeys);
    change = {
      sinceWeek: facts.previous.isoWeek,
      counts: {
        red: facts.previous.counts.red ?? 0,
        yellow: facts.previous.counts.yellow ?? 0,
        green: facts.previous.counts.green ?? 0,
      },
      newRed: redKeys.filter((k) => !before.has(k)).map(named),
      recovered: [...before]
        .filter((k) => !nowRed.has(k))
        .sort(compareCodePoints)
        .map(named),
    };
  }

  const zoneOf = new Map(scan.customers.map((c) => [c.key, c.zone]));
  const top = scan.priority?.top(TOP_PRIORITY_ROWS) ?? [];
  const topPriority = top.map((r) => {
    const zone = (zoneOf.get(r.customer.email) ?? null) as ZoneName | null;
    return {
      key: r.customer.email,
      organization: r.customer.organization,
      rank: r.rank,
      priority: r.priority,
      zone,
      route: ROUTE_LABELS[r.route],
      action: actionText(nextAction({ zone, route: r.route }), locale),
    };
  });

  const overdue = facts.active.filter((a) => isOverdue(a, now));
  const weekAgo = now - 7 * DAY_MS;
  const thisWeek = facts.interventions.filter((i) => i.loggedAt >= weekAgo);
  const firstByCustomer = new Map<string, number>();
  for (const i of facts.interventions) {
    const seen = firstByCustomer.get(i.customerKey);
    if (seen === undefined || i.loggedAt < seen) firstByCustomer.set(i.customerKey, i.loggedAt);
  }
  let leftRed = 0;
  let leftRedAfterChange = 0;
  const changes = facts.thresholdChanges ?? [];
  for (const [key, at] of firstByCustomer) {
    const recovery = facts.resolved.find(
      (a) =>
        a.customer.key === key &&
        a.resolvedReason === 'recovered' &&
        a.resolvedAt !== null &&
        a.resolvedAt >= at &&
        a.resolvedAt <= at + RECOVERY_WINDOW_MS,
    );
    if (recovery === undefined) continue;
    // The loop stays true with tuned rules: leaving red because the edge moved is not the intervention's doing.
    const moved = changes.some((c) => c.changedAt > at && c.changedAt <= (recovery.resolvedAt as number));
    if (moved) leftRedAfterChange++;
    else leftRed++;
  }
  const changedThisWeek = changes
    .filter((c) => c.changedAt >= weekAgo && c.changedAt <= now)
    .map((c) => ({ changedBy: c.changedBy, changedAt: c.changedAt, before: c.before, after: c.after }));

  const charts = [
    buildZoneDistributionChart(
      zones,
      translator(locale)('digest.chartSubtitle', { week: input.isoWeek }),
      undefined,
      locale,
    ),
    top.length > 0 ? buildPriorityBarsChart(top, scan.priority?.n ?? top.length, [], locale) : null,
  ].filter((c) => c !== null);

  return {
    isoWeek: input.isoWeek,
    generatedAt: now,
    timeZone: input.timeZone,
    dueLocal: input.dueLocal,
    locale,
    dataDate: scan.dataDate,
    zones: { method: zones.method, counts: zones.counts, noZone: zones.noZone, n: zones.n },
    change,
    topPriority,
    alerts: {
      open: facts.active.filter((a) => a.state === 'open').length,
      acknowledged: facts.active.filter((a) => a.state === 'acknowledged').length,
      snoozed: facts.active.filter((a) => a.state === 'snoozed').length,
      overdue: overdue.length,
      overdueList: overdue.slice(0, 10).map((a) => ({
        ...named(a.customer.key),
        alertId: a.id,
        dueAt: escalationDueAt(a),
        assignee: a.assignee,
      })),
    },
    interventions: {
      loggedThisWeek: thisWeek.length,
      customersThisWeek: new Set(thisWeek.map((i) => i.customerKey)).size,
      customersLast28Days: firstByCustomer.size,
      leftRedWithin14Days: leftRed,
      ...(leftRedAfterChange > 0 ? { leftRedAfterThresholdChange: leftRedAfterChange } : {}),
    },
    segmentAnomalies: input.segmentLine,
    charts,
    redKeys,
    ...(changedThisWeek.length > 0 ? { thresholdChanges: changedThisWeek } : {}),
  };
}

/** The §5 decision line (/segment-anomalies) in the context's language, or why it is not available. */
export async function segmentAnomalyLine(context: CommandContext): Promise<string> {
  const t = translator(context.locale);
  try {
    const outcome = await runCommand(segmentAnomaliesCommand, 'charts=none', context);
    if (outcome.kind !== 'answer') return t('digest.segments.unavailable');
    return outcome.answer.lead?.takeaway ?? outcome.answer.headline;
  } catch (error) {
    if (!isRadarError(error)) throw error;
    return t('digest.segments.unavailableWhy', { why: error.messageIn(t.locale) });
  }
}
