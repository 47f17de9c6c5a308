import { CronExpressionParser } from 'cron-parser';
import type { RadarStateSnapshot } from '../commands/radar-state.js';
import type { SnapshotCacheState } from '../data/snapshot-cache/snapshot-cache-keeper.js';
import type { AlertStore } from './alert-store.js';
import { nextDigestAt } from './digest/digest-time.js';
import { digestJobNames, JOBS } from './schedules.js';

/** Interventions older than this cannot fall in any backtest window (12 weeks plus 14 days). */
const INTERVENTION_HISTORY_MS = 100 * 86_400_000;

export interface RadarStateOptions {
  readonly now: number;
  readonly scanCron: string;
  readonly version: string;
  /** Digest recipients' job names are per recipient: `digest:<user>` / `digest:channel:<id>`. */
  readonly managers: readonly string[];
  readonly digestChannel?: string | undefined;
  readonly cache?: () => SnapshotCacheState;
  readonly staleAfterMs: number | null;
  readonly stateLocation: string;
}

/** What /radar rules and /radar status show of Radar's state, read from the store in a few small queries. */
export async function readRadarState(store: AlertStore, options: RadarStateOptions): Promise<RadarStateSnapshot> {
  const { now } = options;
  const [inForce, interventions, active, outbox, problems, lastScan] = await Promise.all([
    store.thresholdsInForce(),
    store.interventionsSince(now - INTERVENTION_HISTORY_MS),
    store.activeAlerts(),
    store.outboxCounts(),
    store.healthProblems(),
    store.lastJobPeriod(JOBS.scan),
  ]);
  const digestJobs = digestJobNames(options.managers, options.digestChannel);
  const digestPeriods = await Promise.all(digestJobs.map((job) => store.lastJobPeriod(job)));
  const lastDigest =
    digestPeriods
      .filter((p): p is string => p !== null)
      .sort()
      .at(-1) ?? null;
  const count = (state: string) => active.filter((a) => a.state === state).length;
  const cache = options.cache?.() ?? null;
  return {
    thresholds: inForce.thresholds,
    changedBy: inForce.changedBy,
    changedAt: inForce.changedAt,
    interventions: interventions.map((i) => ({ key: i.customerKey, at: i.loggedAt })),
    status: {
      version: options.version,
      lastScan,
      nextScanMs: nextSlot(options.scanCron, now),
      lastDigest,
      nextDigestMs: nextDigestAt(now, 'UTC'),
      alerts: { open: count('open'), acknowledged: count('acknowledged'), snoozed: count('snoozed') },
      outbox: { pending: outbox.pending, dead: outbox.dead },
      cache,
      problems: problems.filter((p) => p.active).map((p) => ({ problem: p.problem, since: p.since, detail: p.detail })),
      staleAfterMs: options.staleAfterMs,
      stateLocation: options.stateLocation,
    },
  };
}

function nextSlot(expression: string, now: number): number | null {
  try {
    return CronExpressionParser.parse(expression, { currentDate: new Date(now), tz: 'Etc/UTC' })
      .next()
      .getTime();
  } catch {
    return null;
  }
}
