import { zoneOptionsWith } from '../../analysis/zones/zone-thresholds.js';
import type { CommandContext } from '../../commands/command-definition.js';
import type { Locale } from '../../i18n/locale.js';
import type { AlertStore } from '../alert-store.js';
import type { DigestRecipient, NewOutboxEntry } from '../outbox-types.js';
import { loadScanInputs, type ScanInputs } from '../scan-inputs.js';
import { JOBS } from '../schedules.js';
import { buildDigest, INTERVENTION_LOOKBACK_MS, segmentAnomalyLine } from './build-digest.js';
import { digestDueAt, formatLocal, isoWeekKey } from './digest-time.js';
import type { DigestContent } from './digest-types.js';

/** The channel copy has no person to take a time zone from: it goes out at Monday 09:00 in this zone. */
export const DIGEST_CHANNEL_TIME_ZONE = 'UTC';

/**
 * A digest missed while down is still sent on start within this long after its Monday 09:00; later than that (e.g.
 * on Sunday) next Monday's is closer, so the missed one is skipped rather than sent days late.
 */
export const DIGEST_CATCH_UP_MS = 72 * 3_600_000;

export interface DigestJobOptions {
  readonly store: AlertStore;
  readonly context: CommandContext;
  readonly now: number;
  /** Manager user ids (RADAR_MANAGERS). */
  readonly managers: readonly string[];
  /** RADAR_DIGEST_CHANNEL, for the optional copy. */
  readonly channel?: string | undefined;
  /** The user's IANA zone (Slack users.info, cached); UTC when unknown. */
  readonly timeZoneOf: (userId: string) => Promise<string>;
  /** The manager's language (Slack users.info, cached); `channelLocale` when absent. */
  readonly localeOf?: (userId: string) => Promise<Locale>;
  /** The channel copy's language (RADAR_LANGUAGE); the context's language when absent. */
  readonly channelLocale?: Locale;
  /** Build and return the digests without recording or sending anything. */
  readonly preview?: boolean;
}

export type DigestRun =
  | { readonly to: DigestRecipient; readonly status: 'sent' | 'preview'; readonly digest: DigestContent }
  | { readonly to: DigestRecipient; readonly status: 'not-due'; readonly dueLocal: string; readonly timeZone: string }
  | { readonly to: DigestRecipient; readonly status: 'already-sent'; readonly isoWeek: string }
  | { readonly to: DigestRecipient; readonly status: 'missed'; readonly isoWeek: string; readonly dueLocal: string };

function recipientKey(to: DigestRecipient): string {
  return to.kind === 'manager' ? to.userId : `channel:${to.channel}`;
}

/**
 * The weekly digest check: each recipient whose Monday 09:00 (local) of the current week has passed and who has not
 * had this week's digest gets it, once per (recipient, ISO week) however many instances or restarts check. A digest
 * missed while down goes out on start if at most DIGEST_CATCH_UP_MS late; an older one is skipped.
 */
export async function runDigestJob(options: DigestJobOptions): Promise<DigestRun[]> {
  const { store, now } = options;
  const channelLocale = options.channelLocale ?? options.context.locale;
  const recipients: { to: DigestRecipient; timeZone: string; locale: Locale }[] = [];
  for (const userId of options.managers) {
    recipients.push({
      to: { kind: 'manager', userId },
      timeZone: await options.timeZoneOf(userId),
      locale: (await options.localeOf?.(userId)) ?? channelLocale,
    });
  }
  if (options.channel !== undefined) {
    recipients.push({
      to: { kind: 'channel', channel: options.channel },
      timeZone: DIGEST_CHANNEL_TIME_ZONE,
      locale: channelLocale,
    });
  }

  let scan: ScanInputs | null = null;
  // The §5 line is a command's answer: computed once per language the recipients read.
  const segmentLines = new Map<Locale, string>();
  const runs: DigestRun[] = [];
  for (const { to, timeZone, locale } of recipients) {
    const isoWeek = isoWeekKey(now, timeZone);
    const dueAt = digestDueAt(now, timeZone);
    const job = `${JOBS.digest}:${recipientKey(to)}`;
    if (!options.preview && now < dueAt) {
      runs.push({ to, status: 'not-due', dueLocal: formatLocal(dueAt, timeZone), timeZone });
      continue;
    }
    if (!options.preview && (await store.hasJobRun(job, isoWeek))) {
      runs.push({ to, status: 'already-sent', isoWeek });
      continue;
    }
    if (!options.preview && now >= dueAt + DIGEST_CATCH_UP_MS) {
      runs.push({ to, status: 'missed', isoWeek, dueLocal: formatLocal(dueAt, timeZone) });
      continue;
    }
    // The thresholds in force, as the scan uses them: the digest's red is the alerts' red.
    scan ??= loadScanInputs(options.context.warehouse(), zoneOptionsWith((await store.thresholdsInForce()).thresholds));
    let segmentLine = segmentLines.get(locale);
    if (segmentLine === undefined) {
      segmentLine = await segmentAnomalyLine({ ...options.context, locale });
      segmentLines.set(locale, segmentLine);
    }
    const digest = buildDigest({
      isoWeek,
      now,
      timeZone,
      dueLocal: formatLocal(dueAt, timeZone, locale),
      locale,
      scan,
      segmentLine,
      facts: {
        active: await store.activeAlerts(),
        interventions: await store.interventionsSince(now - INTERVENTION_LOOKBACK_MS),
        resolved: await store.resolvedSince(now - INTERVENTION_LOOKBACK_MS),
        thresholdChanges: await store.thresholdChangesSince(now - INTERVENTION_LOOKBACK_MS),
        previous: await store.previousDigest(recipientKey(to), isoWeek),
      },
    });
    if (options.preview) {
      runs.push({ to, status: 'preview', digest });
      continue;
    }
    const key = `${recipientKey(to)}:${isoWeek}`;
    const entries: NewOutboxEntry[] = [
      { dedupeKey: `digest:${key}`, message: { type: 'digest', to, digest } },
      ...(digest.charts.length > 0
        ? [{ dedupeKey: `digest-charts:${key}`, message: { type: 'digest-charts' as const, to, digest } }]
        : []),
    ];
    const recorded = await store.recordDigest({
      job,
      period: isoWeek,
      recipient: recipientKey(to),
      now,
      redKeys: digest.redKeys,
      counts: digest.zones.counts,
      entries,
    });
    runs.push(recorded ? { to, status: 'sent', digest } : { to, status: 'already-sent', isoWeek });
  }
  return runs;
}
