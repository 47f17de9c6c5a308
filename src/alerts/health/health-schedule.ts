import cron from 'node-cron';
import type { Logger } from '../../logging.js';
import { HEALTH_CHECK_CRON, type HealthFacts, runHealthJob } from './health-job.js';

export interface HealthChecks {
  stop(): Promise<void>;
}

/**
 * The self-health check on its schedule (every 10 minutes, UTC), on every instance: the store's (job, period) key
 * makes one instance decide per period, so notices go out once. The first check waits for `after` (serve.ts: the
 * start-up catch-up), then runs at once.
 */
export function startHealthChecks(options: {
  readonly facts: (now: number) => HealthFacts;
  readonly now: () => number;
  readonly drain: () => Promise<unknown>;
  readonly logger: Logger;
  readonly after?: Promise<void>;
}): HealthChecks {
  const check = async () => {
    try {
      const result = await runHealthJob(options.facts(options.now()));
      if (result.ran && result.outcome.enqueued > 0) await options.drain();
      if (result.ran) {
        const notices = result.outcome.plan.notices.map((n) => `${n.problem}:${n.kind}`);
        if (notices.length > 0) options.logger.warn({ period: result.period, notices }, 'self-health notices');
      }
    } catch (error) {
      options.logger.error({ err: error, job: 'health-check' }, 'alert job health-check failed');
    }
  };
  const task = cron.schedule(HEALTH_CHECK_CRON, check, { timezone: 'Etc/UTC', noOverlap: true, name: 'radar-health' });
  const first = (options.after ?? Promise.resolve()).then(check);
  return {
    async stop() {
      await task.destroy();
      await first;
    },
  };
}
