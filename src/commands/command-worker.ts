import { workerData } from 'node:worker_threads';
import type { JobResult } from '../alerts/alert-jobs.js';
import type { ScanOutcome } from '../alerts/alert-store.js';
import { createWarehouseProvider } from '../data/warehouse-provider.js';
import { radarErrorDetails } from '../workers/radar-error-transport.js';
import { serveWorkerRequests } from '../workers/serve-worker-requests.js';
import type { CommandContext } from './command-definition.js';
import type { CommandRunRequest, CommandWorkerData, CommandWorkerReply, CommandWorkerRequest } from './command-pool.js';
import { COMMANDS } from './index.js';
import { type CommandOutcome, resolveInvocation, runCommand } from './run-command.js';
import { type OutcomeReply, replyWithParts } from './shown-outcome.js';

/**
 * Runs slash commands (and, when the pool was given the state, the red-zone scan) off the main thread for
 * command-pool.ts. Each worker keeps its own read-only warehouse connection (reopened when the export file is
 * replaced) and the per-export structures built on it, which its commands and scans share.
 */
const { warehousePath, scan } = workerData as CommandWorkerData;
const warehouse = createWarehouseProvider(warehousePath);
/** The reply to a warm-up request: nothing to show (the pool's caller discards it). */
const WARMED: CommandOutcome = { kind: 'help', text: '', common: { private: false, charts: 'none' } };
/** The scan job on this thread, loaded on the first scan (its state store and scheduling code only then). */
let scanJob: Promise<(now: number) => Promise<JobResult<ScanOutcome>>> | undefined;

serveWorkerRequests<CommandWorkerRequest, CommandWorkerReply>({
  async handle(request) {
    if ('scanAt' in request) {
      if (scan === undefined) throw new Error('This command worker was started without the scan state');
      scanJob ??= import('../alerts/scan-worker.js').then((module) => module.scanInThisThread(scan, warehouse.get));
      return (await scanJob)(request.scanAt);
    }
    return runRequest(request);
  },
  errorDetails: radarErrorDetails,
});

async function runRequest(request: CommandRunRequest): Promise<OutcomeReply> {
  if (request.warm) {
    warehouse.get();
    return { outcome: WARMED };
  }
  const { command, text } = resolveInvocation(`${request.slash} ${request.text}`, COMMANDS, request.locale);
  const { openAlerts, radarState, staleAfterMs, zoneThresholds } = request;
  const context: CommandContext = {
    ...(radarState === undefined ? {} : { radarState: async () => radarState }),
    ...(staleAfterMs === undefined ? {} : { staleAfterMs }),
    ...(zoneThresholds === undefined ? {} : { zoneThresholds }),
    warehouse: warehouse.get,
    now: () => new Date(request.nowMs),
    locale: request.locale,
    ...(openAlerts === undefined
      ? {}
      : { openAlertsFor: (keys) => openAlerts.filter((alert) => keys.includes(alert.customerKey)) }),
  };
  return replyWithParts(await runCommand(command, text, context), request.parts ?? 'whole');
}
