import { describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import { observeHealth } from '../../src/alerts/health/health-job.js';
import { digestJobNames } from '../../src/alerts/schedules.js';

/** Only what observeHealth reads for deliveries and job periods: a store whose digest history is given. */
function storeWith(lastWeeks: Readonly<Record<string, string>>): AlertStore {
  return {
    deliveryStats: async () => ({ created: 0, failed: 0, dead: 0 }),
    lastJobPeriod: async (job: string) => lastWeeks[job] ?? null,
  } as unknown as AlertStore;
}

const MONDAY_10_UTC = Date.parse('2026-11-23T10:00:00Z'); // ISO week 2026-W48, after Monday 09:00
const MONDAY_08_UTC = Date.parse('2026-11-23T08:00:00Z'); // before this week's digest is due

async function digestProblems(now: number, lastWeeks: Readonly<Record<string, string>>) {
  const observations = await observeHealth({
    store: storeWith(lastWeeks),
    now,
    staleAfterMs: 3 * 86_400_000,
    dataDateMs: () => now,
    scanCron: '0 * * * *',
    digestJobs: digestJobNames(['U1'], 'C9'),
  });
  return observations.filter((o) => o.problem.startsWith('job-late:digest'));
}

describe('self-health: a weekly digest not sent for two periods', () => {
  it('names the job of each recipient as run-digest claims it', () => {
    expect(digestJobNames(['U1', 'U2'], 'C9')).toEqual(['digest:U1', 'digest:U2', 'digest:channel:C9']);
    expect(digestJobNames([], undefined)).toEqual([]);
  });

  it('after Monday 09:00 of W48: last sent W47 is one miss at most (fine), W46 is two (late)', async () => {
    const problems = await digestProblems(MONDAY_10_UTC, { 'digest:U1': '2026-W47', 'digest:channel:C9': '2026-W46' });
    expect(problems.map((p) => [p.problem, p.failing])).toEqual([
      ['job-late:digest:U1', false],
      ['job-late:digest:channel:C9', true],
    ]);
    expect(problems[1]?.detail).toBe(
      "The weekly digest to <#C9> has not run for two periods: last run 2026-W46, expected every Monday 09:00 in the recipient's time zone. Check that a Radar instance is running (`radar status`) and its log for `alert job … failed`.",
    );
  });

  it("before Monday 09:00 this week's digest is not due yet: W46 is one miss (fine), W45 two (late)", async () => {
    const problems = await digestProblems(MONDAY_08_UTC, { 'digest:U1': '2026-W46', 'digest:channel:C9': '2026-W45' });
    expect(problems.map((p) => [p.problem, p.failing])).toEqual([
      ['job-late:digest:U1', false],
      ['job-late:digest:channel:C9', true],
    ]);
  });

  it('does not judge a recipient who never had a digest (a fresh install)', async () => {
    expect(await digestProblems(MONDAY_10_UTC, {})).toEqual([]);
  });
});
