import { formatDate, numberFormat } from '../../format/number-format.js';

const f = numberFormat();

/** Every sentence of Radar's self-health notices and problem lines, in one place (issue 16 moves them to the catalogue). */
export const HEALTH_MESSAGES = {
  staleData: (dataDate: string, age: string, limit: string) =>
    `The export's data date is ${dataDate}, ${age} old (more than ${limit}): answers and alerts describe that day. Check that the warehouse export still runs.`,
  freshData: (dataDate: string) => `The export's data date is ${dataDate}.`,
  noDataDate: 'The export has no readable data date (no parsable snapshot timestamp).',
  deliveryFailing: (dead: number, failed: number, created: number, rate: string) =>
    `${f.count(dead)} ${dead === 1 ? 'message' : 'messages'} gave up (dead letters) and ${f.count(failed)} of ${f.count(created)} failed at least once in the last 24 hours (${rate}). Check that Radar is in its channels and that its token is valid (radar scan says which entries failed).`,
  deliveryFine: (created: number) => `Deliveries in the last 24 hours: ${f.count(created)}, none gave up.`,
  cacheFailing: (error: string) =>
    `The snapshot cache of the export could not be built (${error}); answers still come, from the warehouse directly and slower. Check RADAR_CACHE_DIR's free space and permissions, or run radar prepare to see the error.`,
  cacheFine: 'The snapshot cache is built.',
  jobLate: (job: string, last: string, expected: string) =>
    `The ${job} has not run for two periods: last run ${last}, expected ${expected}. Check that a Radar instance is running (radar status) and its log for "alert job … failed".`,
  onSchedule: (cron: string) => `on its schedule "${cron}" (UTC)`,
  every10Minutes: 'every 10 minutes',
  jobFine: (job: string, last: string) => `The ${job} last ran ${last}.`,
  started: (detail: string) => `:warning: *Radar needs attention.* ${detail}`,
  cleared: (detail: string, lasted: string) => `:white_check_mark: *Resolved after ${lasted}.* ${detail}`,
  jobNames: { scan: 'red-zone scan', 'sla-check': 'SLA check' } as Readonly<Record<string, string>>,
} as const;

export { formatAgeText as formatAge, formatInstantText as formatInstant } from '../../format/durations.js';

export function formatDay(ms: number): string {
  return formatDate(ms);
}
