import type { HealthNotice, HealthObservation, HealthPlan, HealthProblemState } from './health-types.js';

/** At most one "problem started" notice per problem per day, so a flapping check cannot storm the channel. */
export const HEALTH_NOTICE_EVERY_MS = 24 * 3_600_000;

/**
 * Each problem's next state from what the checks see now. A problem that starts is noticed at once unless its last
 * notice was less than a day ago; then it waits, and is noticed when the day is up if it is still there. A noticed
 * problem that clears gets one all-clear; one that cleared before anyone was told clears silently. Pure.
 */
export function planHealth(
  previous: readonly HealthProblemState[],
  observations: readonly HealthObservation[],
  now: number,
): HealthPlan {
  const before = new Map(previous.map((p) => [p.problem, p]));
  const states: HealthProblemState[] = [];
  const notices: HealthNotice[] = [];
  for (const seen of observations) {
    const was = before.get(seen.problem);
    if (seen.failing) {
      const since = was?.active ? (was.since ?? now) : now;
      const notified = was?.active === true && was.notified;
      const lastNoticeAt = was?.lastNoticeAt ?? null;
      if (!notified && (lastNoticeAt === null || now - lastNoticeAt >= HEALTH_NOTICE_EVERY_MS)) {
        notices.push({ problem: seen.problem, kind: 'started', detail: seen.detail, since });
        states.push({
          problem: seen.problem,
          active: true,
          since,
          detail: seen.detail,
          notified: true,
          lastNoticeAt: now,
        });
      } else {
        states.push({ problem: seen.problem, active: true, since, detail: seen.detail, notified, lastNoticeAt });
      }
      continue;
    }
    if (was?.active === true && was.notified) {
      notices.push({ problem: seen.problem, kind: 'cleared', detail: seen.detail, since: was.since ?? now });
    }
    states.push({
      problem: seen.problem,
      active: false,
      since: null,
      detail: seen.detail,
      notified: false,
      lastNoticeAt: was?.lastNoticeAt ?? null,
    });
  }
  // Problems not checked this time (e.g. no alert channel to judge delivery) keep their state.
  for (const p of previous) if (!observations.some((o) => o.problem === p.problem)) states.push(p);
  return { states, notices };
}
