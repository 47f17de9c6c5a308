import type { SnapshotCacheState } from '../../data/snapshot-cache/snapshot-cache-keeper.js';
import { formatAgeText, formatInstantText } from '../../format/durations.js';
import { formatDate, numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { isMessageKey, translator } from '../../i18n/translate.js';
import type { JobResult } from '../alert-jobs.js';
import type { AlertStore } from '../alert-store.js';
import { digestDueAt, isoWeekKey } from '../digest/digest-time.js';
import { currentPeriod, latestSlot, periodKey } from '../job-period.js';
import type { NewOutboxEntry } from '../outbox-types.js';
import { JOBS, SLA_CHECK_CRON } from '../schedules.js';
import { planHealth } from './health-plan.js';
import type { HealthObservation, HealthPlan } from './health-types.js';

/** The self-health check runs with the SLA check's cadence: a problem is seen within 10 minutes. */
export const HEALTH_CHECK_CRON = SLA_CHECK_CRON;
export const HEALTH_JOB = 'health-check';
const DAY_MS = 86_400_000;
/** Delivery is unwell above this share of entries failing at least once in 24 h (with at least MIN entries). */
export const DELIVERY_FAILURE_RATE = 0.2;
export const DELIVERY_FAILURE_MIN_ENTRIES = 5;

export interface HealthFacts {
  readonly store: AlertStore;
  readonly now: number;
  /** RADAR_STALE_AFTER in ms. */
  readonly staleAfterMs: number;
  /** The export's data date (max snapshot instant); null when none parses. */
  readonly dataDateMs: () => number | null;
  /** The snapshot cache keeper's state; absent where no keeper runs (the CLI). */
  readonly cache?: () => SnapshotCacheState;
  readonly scanCron: string;
  /** The weekly digest jobs to watch (`digestJobNames`); none when no digest is configured. */
  readonly digestJobs?: readonly string[];
  /** The admin channel's language (RADAR_LANGUAGE): notices and the problem lines /radar status shows. */
  readonly locale?: Locale;
}

/** What each check sees now: stale data, failing deliveries, the cache build, scheduled jobs that stopped. */
export async function observeHealth(facts: HealthFacts): Promise<HealthObservation[]> {
  const { store, now } = facts;
  const t = translator(facts.locale ?? 'en');
  const f = numberFormat(t.locale);
  const day = (ms: number) => formatDate(ms, t.locale);
  const observations: HealthObservation[] = [];
  const dataDate = facts.dataDateMs();
  if (dataDate === null) observations.push({ problem: 'stale-data', failing: true, detail: t('health.noDataDate') });
  else {
    const age = now - dataDate;
    observations.push(
      age > facts.staleAfterMs
        ? {
            problem: 'stale-data',
            failing: true,
            detail: t('health.staleData', {
              date: day(dataDate),
              age: formatAgeText(age, t),
              limit: formatAgeText(facts.staleAfterMs, t),
            }),
          }
        : { problem: 'stale-data', failing: false, detail: t('health.freshData', { date: day(dataDate) }) },
    );
  }

  const stats = await store.deliveryStats(now - DAY_MS);
  const rate = stats.created === 0 ? 0 : stats.failed / stats.created;
  const failing = stats.dead > 0 || (stats.created >= DELIVERY_FAILURE_MIN_ENTRIES && rate > DELIVERY_FAILURE_RATE);
  observations.push({
    problem: 'delivery',
    failing,
    detail: failing
      ? t('health.deliveryFailing', {
          dead: stats.dead,
          deadCount: f.count(stats.dead),
          failed: f.count(stats.failed),
          created: f.count(stats.created),
          rate: f.percent(rate),
        })
      : t('health.deliveryFine', { created: f.count(stats.created) }),
  });

  const cache = facts.cache?.();
  if (cache !== undefined && (cache.kind === 'failed' || cache.kind === 'ready')) {
    observations.push(
      cache.kind === 'failed'
        ? { problem: 'snapshot-cache', failing: true, detail: t('health.cacheFailing', { error: cache.error }) }
        : { problem: 'snapshot-cache', failing: false, detail: t('health.cacheFine') },
    );
  }

  for (const [job, cron, every] of [
    [JOBS.scan, facts.scanCron, t('health.onSchedule', { cron: facts.scanCron })],
    [JOBS.sla, SLA_CHECK_CRON, t('health.every10Minutes')],
  ] as const) {
    const late = await jobLate(store, job, cron, now);
    if (late === null) continue;
    const nameKey = `health.job.${job}`;
    const name = isMessageKey(nameKey) ? t(nameKey) : job;
    observations.push({
      problem: `job-late:${job}`,
      failing: late.late,
      detail: late.late
        ? t('health.jobLate', { job: name, last: late.last, expected: every })
        : t('health.jobFine', { job: name, last: late.last }),
    });
  }
  for (const job of facts.digestJobs ?? []) {
    const late = await digestLate(store, job, now);
    if (late === null) continue;
    const recipient = job.slice(JOBS.digest.length + 1);
    const name = t('health.job.digest', {
      recipient: recipient.startsWith('channel:') ? `<#${recipient.slice(8)}>` : `<@${recipient}>`,
    });
    observations.push({
      problem: `job-late:${job}`,
      failing: late.late,
      detail: late.late
        ? t('health.jobLate', { job: name, last: late.last, expected: t('health.everyMonday') })
        : t('health.jobFine', { job: name, last: late.last }),
    });
  }
  return observations;
}

const WEEK_MS = 7 * DAY_MS;

/**
 * A recipient's digest is late when neither of the last two due digests (Monday 09:00) was sent. Judged in UTC:
 * the recipient's own zone moves a due time by under a day, which cannot turn two missed weeks into one. A recipient
 * who never had a digest is not judged, as for the other jobs.
 */
async function digestLate(
  store: AlertStore,
  job: string,
  now: number,
): Promise<{ readonly late: boolean; readonly last: string } | null> {
  const last = await store.lastJobPeriod(job);
  if (last === null) return null;
  const latestDue = digestDueAt(now, 'UTC') <= now ? now : now - WEEK_MS;
  const weekBefore = isoWeekKey(latestDue - WEEK_MS, 'UTC');
  return { late: last < weekBefore, last };
}

/**
 * A job is late when neither of the two slots before its latest one ran (the latest may still be running). A job
 * that never ran is not judged: a fresh install has no history yet.
 */
async function jobLate(
  store: AlertStore,
  job: string,
  cron: string,
  now: number,
): Promise<{ readonly late: boolean; readonly last: string } | null> {
  const last = await store.lastJobPeriod(job);
  if (last === null) return null;
  const latest = latestSlot(cron, now);
  const previous = latest === null ? null : latestSlot(cron, latest - 60_000);
  const beforeThat = previous === null ? null : latestSlot(cron, previous - 60_000);
  const lastMs = Date.parse(`${last.slice(0, 16)}:00Z`);
  const shown = Number.isFinite(lastMs) ? formatInstantText(lastMs) : last;
  if (beforeThat === null) return { late: false, last: shown };
  return { late: last < periodKey(beforeThat), last: shown };
}

/** The outbox entries for the notices of one plan (deduplicated per problem, episode and kind). */
export function noticeEntries(plan: HealthPlan, now: number, locale: Locale = 'en'): NewOutboxEntry[] {
  const t = translator(locale);
  return plan.notices.map((notice) => ({
    dedupeKey: `health:${notice.problem}:${notice.kind}:${notice.since}`,
    message: {
      type: 'radar-notice',
      to: 'admin',
      text:
        notice.kind === 'started'
          ? t('health.started', { detail: notice.detail })
          : t('health.cleared', { detail: notice.detail, lasted: formatAgeText(now - notice.since, t) }),
    },
  }));
}

/** The self-health check of the current period, once across instances and restarts (the store claims the key). */
export async function runHealthJob(
  facts: HealthFacts,
): Promise<JobResult<{ readonly plan: HealthPlan; readonly enqueued: number }>> {
  const period = currentPeriod(HEALTH_CHECK_CRON, facts.now);
  if (await facts.store.hasJobRun(HEALTH_JOB, period)) return { ran: false, period };
  const observations = await observeHealth(facts);
  const outcome = await facts.store.applyHealth({
    job: HEALTH_JOB,
    period,
    now: facts.now,
    plan: (previous) => {
      const plan = planHealth(previous, observations, facts.now);
      return { plan, entries: noticeEntries(plan, facts.now, facts.locale) };
    },
  });
  return outcome === null ? { ran: false, period } : { ran: true, period, outcome };
}
