import type { CommandContext, OpenAlertSummary } from '../commands/command-definition.js';
import type { Locale } from '../i18n/locale.js';
import type { Logger } from '../logging.js';
import { type JobResult, runScanJob, runSlaJob } from './alert-jobs.js';
import type { AlertStore, LifecycleResult, ScanOutcome, SlaOutcome } from './alert-store.js';
import type { Alert } from './alert-types.js';
import { type DrainResult, OutboxDrainer, type OutboxTransport } from './deliver-outbox.js';
import { type DigestRun, runDigestJob } from './digest/run-digest.js';
import { SNOOZE_MS } from './sla.js';

export interface AlertRuntimeOptions {
  readonly store: AlertStore;
  readonly transport: OutboxTransport;
  /** Warehouse access (and the §5 line of the digest runs through the command layer with it). */
  readonly context: CommandContext;
  /** Epoch ms; injected everywhere below. */
  readonly now: () => number;
  readonly scanCron: string;
  readonly managers: readonly string[];
  readonly digestChannel?: string | undefined;
  readonly timeZoneOf: (userId: string) => Promise<string>;
  /** Each manager's language for their digest (Slack users.info); the channel copy uses `channelLocale`. */
  readonly localeOf?: (userId: string) => Promise<Locale>;
  /** RADAR_LANGUAGE: the language of channel posts (the digest's channel copy included). */
  readonly channelLocale?: Locale;
  readonly logger: Logger;
  /** Runs the scan job elsewhere (a command worker, see command-pool.ts runScan); in-process when absent. */
  readonly runScanJob?: (now: number) => Promise<JobResult<ScanOutcome>>;
}

export interface ScanReport {
  readonly scan: JobResult<ScanOutcome>;
  readonly sla: JobResult<SlaOutcome>;
  readonly delivered: DrainResult;
}

/**
 * The alerts feature wired together: jobs, lifecycle actions and delivery over one store and one transport. Every
 * change is followed by a drain, so what a job or a click decided goes out at once; what cannot go out now waits in
 * the outbox for the next drain. Slack adapters and the CLI call this; it knows neither.
 */
export class AlertRuntime {
  readonly store: AlertStore;
  readonly #options: AlertRuntimeOptions;
  readonly #drainer: OutboxDrainer;
  /** Active alerts by customer key, for the synchronous CommandContext.openAlertsFor; refreshed after each change. */
  #openByKey = new Map<string, OpenAlertSummary>();
  /** Entries this runtime gave up on (failed permanently), for `radar scan` / `radar digest` to report. */
  readonly #dead: string[] = [];

  constructor(options: AlertRuntimeOptions) {
    this.#options = options;
    this.store = options.store;
    this.#drainer = new OutboxDrainer(options.store, options.transport, options.now, options.logger);
  }

  now(): number {
    return this.#options.now();
  }

  get managers(): readonly string[] {
    return this.#options.managers;
  }

  timeZoneOf(userId: string): Promise<string> {
    return this.#options.timeZoneOf(userId);
  }

  /** The scan for the current period, then the SLA check, then delivery. */
  async scan(): Promise<ScanReport> {
    const now = this.now();
    const scan = this.#options.runScanJob
      ? await this.#options.runScanJob(now)
      : await runScanJob({
          store: this.store,
          warehouse: this.#options.context.warehouse,
          scanCron: this.#options.scanCron,
          now,
        });
    const sla = await runSlaJob(this.store, now);
    const delivered = await this.drain();
    return { scan, sla, delivered };
  }

  async checkSla(): Promise<JobResult<SlaOutcome>> {
    const result = await runSlaJob(this.store, this.now());
    await this.drain();
    return result;
  }

  async digest(preview = false): Promise<DigestRun[]> {
    const runs = await runDigestJob({
      store: this.store,
      context: this.#options.context,
      now: this.now(),
      managers: this.#options.managers,
      channel: this.#options.digestChannel,
      timeZoneOf: this.#options.timeZoneOf,
      ...(this.#options.localeOf === undefined ? {} : { localeOf: this.#options.localeOf }),
      ...(this.#options.channelLocale === undefined ? {} : { channelLocale: this.#options.channelLocale }),
      preview,
    });
    if (!preview) await this.drain();
    return runs;
  }

  async drain(): Promise<DrainResult> {
    const result = await this.#drainer.drain();
    this.#dead.push(...result.dead);
    await this.refreshIndex();
    return result;
  }

  /** Every entry that failed permanently in this runtime's drains so far. */
  deadLetters(): readonly string[] {
    return [...new Set(this.#dead)];
  }

  acknowledge(alertId: number, actor: string): Promise<LifecycleResult> {
    return this.#act(() => this.store.acknowledge({ alertId, actor, now: this.now() }));
  }

  assign(alertId: number, actor: string, assignee: string): Promise<LifecycleResult> {
    return this.#act(() => this.store.assign({ alertId, actor, assignee, now: this.now() }));
  }

  snooze(alertId: number, actor: string): Promise<LifecycleResult> {
    const now = this.now();
    return this.#act(() => this.store.snooze({ alertId, actor, now, untilMs: now + SNOOZE_MS }));
  }

  logIntervention(alertId: number, actor: string, note: string, requestKey: string): Promise<LifecycleResult> {
    return this.#act(() => this.store.logIntervention({ alertId, actor, note, requestKey, now: this.now() }));
  }

  async #act(change: () => Promise<LifecycleResult>): Promise<LifecycleResult> {
    const result = await change();
    if (result.kind === 'changed') await this.drain();
    return result;
  }

  /** Every open alert in the last refreshed index (sent to command workers, which cannot reach the store). */
  allOpenAlerts(): OpenAlertSummary[] {
    return [...this.#openByKey.values()];
  }

  /** Open alerts of these customers, from the last refreshed index (for /customer). */
  openAlertsFor(customerKeys: readonly string[]): OpenAlertSummary[] {
    return customerKeys.flatMap((key) => {
      const summary = this.#openByKey.get(key);
      return summary === undefined ? [] : [summary];
    });
  }

  async refreshIndex(): Promise<Alert[]> {
    const active = await this.store.activeAlerts();
    this.#openByKey = new Map(
      active.map((a) => [
        a.customer.key,
        {
          customerKey: a.customer.key,
          state: a.state,
          detectedAt: new Date(a.detectedAt).toISOString(),
          assignee: a.assignee,
        },
      ]),
    );
    return active;
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
