import { workerData } from 'node:worker_threads';
import { createWarehouseProvider } from '../data/warehouse-provider.js';
import { radarErrorDetails } from '../workers/radar-error-transport.js';
import { serveWorkerRequests } from '../workers/serve-worker-requests.js';
import type { CommandContext } from './command-definition.js';
import type { CommandRunRequest, CommandWorkerData } from './command-pool.js';
import { COMMANDS } from './index.js';
import { type CommandOutcome, resolveInvocation, runCommand } from './run-command.js';

/**
 * Runs slash commands off the main thread for command-pool.ts. Each worker keeps its own
 * read-only warehouse connection (reopened when the export file is replaced).
 */
const { warehousePath } = workerData as CommandWorkerData;
const warehouse = createWarehouseProvider(warehousePath);
/** The reply to a warm-up request: nothing to show (the pool's caller discards it). */
const WARMED: CommandOutcome = { kind: 'help', text: '', common: { private: false, charts: 'none' } };

serveWorkerRequests<CommandRunRequest, CommandOutcome>({
  handle(request) {
    if (request.warm) {
      warehouse.get();
      return WARMED;
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
    return runCommand(command, text, context);
  },
  errorDetails: radarErrorDetails,
});
