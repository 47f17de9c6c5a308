import type { JobResult } from '../alerts/alert-jobs.js';
import type { ScanOutcome } from '../alerts/alert-store.js';
import type { ScanWorkerData } from '../alerts/scan-worker.js';
import type { ZoneThresholds } from '../analysis/zones/zone-thresholds.js';
import type { Locale } from '../i18n/locale.js';
import { reviveRadarError } from '../workers/radar-error-transport.js';
import { siblingModule, WorkerPool } from '../workers/worker-pool.js';
import type { AnyCommandDefinition, CommandContext, OpenAlertSummary } from './command-definition.js';
import type { RadarStateSnapshot } from './radar-state.js';
import { type CommandOutcome, runCommand } from './run-command.js';
import { type AnswerParts, type OutcomeReply, outcomeOfReply } from './shown-outcome.js';

export interface CommandWorkerData {
  readonly warehousePath: string;
  /** Where the red-zone scan finds Radar's state; absent when this pool runs no scans. */
  readonly scan?: ScanWorkerData;
}

export interface CommandRunRequest {
  readonly slash: string;
  readonly text: string;
  /** The injected clock's reading when the request arrived. */
  readonly nowMs: number;
  /** The reader's language (context.locale); `lang=` in the text still overrides it. */
  readonly locale: Locale;
  /** Open alerts (a small set) for /customer; undefined when alerts are not tracked. */
  readonly openAlerts?: readonly OpenAlertSummary[];
  /** Radar's own state for /radar rules and /radar status, read on the main thread (workers cannot reach the store). */
  readonly radarState?: RadarStateSnapshot;
  /** RADAR_STALE_AFTER in ms, when answers are judged for staleness. */
  readonly staleAfterMs?: number;
  /** The zone thresholds in force (context.zoneThresholds), for every command that zones customers. */
  readonly zoneThresholds?: ZoneThresholds;
  /** Start-up warm-up: open the warehouse and answer nothing (slash and text are ignored). */
  readonly warm?: true;
  /** What of the answer to send back (`whole` unless set). */
  readonly parts?: AnswerParts;
}

/** The red-zone scan job for the period of `scanAt` (a clock reading in ms). */
export interface ScanRunRequest {
  readonly scanAt: number;
}

export type CommandWorkerRequest = CommandRunRequest | ScanRunRequest;
export type CommandWorkerReply = OutcomeReply | JobResult<ScanOutcome>;

export interface RunOptions {
  /** What of the answer the caller reads; `whole` unless set (see AnswerParts). */
  readonly parts?: AnswerParts;
}

/** Runs a command and returns its outcome; in-process or in worker threads, chosen at startup. */
export interface CommandExecutor {
  run(
    command: AnyCommandDefinition,
    text: string,
    context: CommandContext,
    options?: RunOptions,
  ): Promise<CommandOutcome>;
  /** Starts the workers and opens the warehouse in each before the first command needs them. */
  warm?(): Promise<void>;
  close(): Promise<void>;
}

/** Command workers that also run the red-zone scan (createCommandPool with `scan`). */
export interface CommandPool extends CommandExecutor {
  /**
   * The scan job in a command worker, on the per-export structures its commands built (the scan and /priority share
   * the ranking and zone columns): a scan thread of its own built them again, ≈ the export's whole working set twice.
   */
  runScan(now: number): Promise<JobResult<ScanOutcome>>;
}

/**
 * Commands in worker threads: loading and analysing a large warehouse takes seconds, and on
 * the main thread that would hold up every other request's 3-second Slack ack.
 */
export function createCommandPool(options: {
  readonly warehousePath: string;
  readonly size?: number;
  /** Run the red-zone scan in these workers too (runScan), on this state. */
  readonly scan?: ScanWorkerData;
  /** All open alerts, passed to the worker with each request (the worker cannot reach the main thread's store). */
  readonly openAlerts?: () => readonly OpenAlertSummary[];
  /**
   * The zone thresholds in force, read from the store before each command (one small query) unless the context
   * carries them: a change saved in the modal holds from the next answer on.
   */
  readonly thresholdsInForce?: () => Promise<ZoneThresholds>;
}): CommandPool {
  const pool = new WorkerPool<CommandWorkerRequest, CommandWorkerReply>({
    entry: siblingModule(import.meta.url, 'command-worker'),
    workerData: {
      warehousePath: options.warehousePath,
      ...(options.scan === undefined ? {} : { scan: options.scan }),
    } satisfies CommandWorkerData,
    ...(options.size === undefined ? {} : { size: options.size }),
    reviveError: reviveRadarError,
    failure: (message, cause) => new Error(`Running the command failed: ${message}`, { cause }),
  });
  return {
    async run(command, text, context, runOptions) {
      const openAlerts = options.openAlerts?.();
      // Only /radar reads Radar's own state; other commands do not wait for the store.
      const radarState = command.slash === '/radar' ? await context.radarState?.() : undefined;
      const zoneThresholds = context.zoneThresholds ?? (await options.thresholdsInForce?.());
      const request: CommandRunRequest = {
        slash: command.slash,
        text,
        nowMs: context.now().getTime(),
        locale: context.locale,
        ...(openAlerts === undefined ? {} : { openAlerts }),
        ...(radarState === undefined ? {} : { radarState }),
        ...(context.staleAfterMs === undefined ? {} : { staleAfterMs: context.staleAfterMs }),
        ...(zoneThresholds === undefined ? {} : { zoneThresholds }),
        ...(runOptions?.parts === undefined ? {} : { parts: runOptions.parts }),
      };
      return outcomeOfReply((await pool.run(request)) as OutcomeReply);
    },
    async runScan(now) {
      if (options.scan === undefined) throw new Error('This command pool was created without the scan state');
      return (await pool.run({ scanAt: now })) as JobResult<ScanOutcome>;
    },
    async warm() {
      // One request per worker: each idle slot takes one, so every worker starts and opens the warehouse.
      await Promise.all(
        Array.from({ length: pool.size }, () =>
          pool.run({ slash: '', text: '', nowMs: Date.now(), locale: 'en', warm: true }),
        ),
      );
    },
    close: () => pool.close(),
  };
}

/** The same contract on the calling thread: the CLI, and tests that inject commands the worker cannot import. */
export const inProcessCommandExecutor: CommandExecutor = {
  run: (command, text, context) => runCommand(command, text, context),
  close: async () => {},
};
