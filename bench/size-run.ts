import { statSync, writeFileSync } from 'node:fs';
import { createChartRenderer } from '../src/charts/render-pool.js';
import type { CommandContext } from '../src/commands/command-definition.js';
import { createCommandPool } from '../src/commands/command-pool.js';
import { COMMANDS } from '../src/commands/index.js';
import { quoteIdentifier } from '../src/data/inspect-schema.js';
import type { Warehouse } from '../src/data/open-warehouse.js';
import { createWarehouseProvider } from '../src/data/warehouse-provider.js';
import { WAREHOUSE_TABLES } from '../src/data/warehouse-schema.js';
import type { CommandResult, SizeResult, SnapshotCacheResult } from './bench-types.js';
import { measureCharts } from './measure-charts.js';
import { measureCommand } from './measure-commands.js';
import { measureScan } from './measure-scan.js';
import { measureSlackBurst } from './measure-slack.js';
import { peakRssMb } from './stats.js';

/** What the parent passes a size's child process (as one JSON argument). */
export interface SizeTask {
  readonly label: string;
  readonly customers: number;
  readonly warehousePath: string;
  readonly buildMs: number;
  readonly cached: boolean;
  readonly snapshotCache: SnapshotCacheResult | null;
  readonly repeats: number;
  readonly commandBudgetMs: number;
  readonly charts: boolean;
  readonly slackConcurrency: number;
  readonly slackAnswerTimeoutMs: number;
  readonly out: string;
}

/**
 * One size in its own process, so its peak RSS is its own: the Slack burst, every command (default charts), the
 * red-zone scan, and (when asked) every chart cold and warm. Writes a SizeResult as JSON to `task.out`.
 */
async function main(task: SizeTask): Promise<void> {
  const started = performance.now();
  const provider = createWarehouseProvider(task.warehousePath);
  const context: CommandContext = { warehouse: provider.get, now: () => new Date(), locale: 'en' };
  const renderer = createChartRenderer();
  try {
    const textFor = benchTexts(provider.get());
    // The Slack burst first, as a freshly started `radar serve` meets it: its main thread answers no command (the
    // command worker does), so it holds no per-export structures; the chart workers warmed as serve warms them. The
    // in-process measurements below then build the main thread's own, once the command worker has stopped.
    const executor = task.slackConcurrency > 0 ? createCommandPool({ warehousePath: task.warehousePath }) : null;
    if (executor !== null) await renderer.warm?.();
    const slack =
      executor !== null
        ? await measureSlackBurst(
            COMMANDS,
            textFor,
            () => context,
            renderer,
            executor,
            task.slackConcurrency,
            task.slackAnswerTimeoutMs,
          ).finally(() => executor.close())
        : null;
    if (slack)
      log(
        task,
        `slack burst: ack p99 ${Math.round(slack.ack.p99)} ms, answered p50 ${Math.round(slack.answered.p50)} ms`,
      );
    const commands: CommandResult[] = [];
    for (const command of COMMANDS) {
      const text = textFor(command.slash);
      const result = await measureCommand({ command, text }, context, provider.get, renderer, {
        repeats: task.repeats,
        budgetMs: task.commandBudgetMs,
      });
      commands.push(result);
      log(
        task,
        `${result.invocation}: first ${Math.round(result.first.endToEnd)} ms, p50 ${Math.round(result.endToEnd.p50)} ms${result.error ? ` (error: ${result.error})` : ''}`,
      );
    }
    // `/customer <name>`: the organisation of the same customer, so the lookup goes by name (issue 19's target).
    const customerCommand = COMMANDS.find((c) => c.slash === '/customer');
    const name = benchCustomerName(provider.get());
    if (customerCommand && name) {
      const result = await measureCommand({ command: customerCommand, text: name }, context, provider.get, renderer, {
        repeats: task.repeats,
        budgetMs: task.commandBudgetMs,
      });
      commands.push(result);
      log(
        task,
        `${result.invocation}: first ${Math.round(result.first.endToEnd)} ms, p50 ${Math.round(result.endToEnd.p50)} ms`,
      );
    }
    const scan = await measureScan(provider.get);
    log(task, `scan: first ${Math.round(scan.firstMs)} ms, p50 ${Math.round(scan.repeat.p50)} ms`);
    // measureCharts starts its own one-worker pools: the size's renderer stops first, so one chart pool runs at a
    // time, as in `radar serve` (close() is safe to call again below).
    if (task.charts) await renderer.close();
    const charts = task.charts ? await measureCharts(COMMANDS, textFor, context) : [];
    const result: SizeResult = {
      label: task.label,
      customers: task.customers,
      warehouse: {
        path: task.warehousePath,
        bytes: statSync(task.warehousePath).size,
        buildMs: task.buildMs,
        cached: task.cached,
      },
      snapshotCache: task.snapshotCache,
      commands,
      scan,
      slack,
      charts,
      peakRssMb: peakRssMb(),
      wallMs: performance.now() - started,
    };
    writeFileSync(task.out, JSON.stringify(result, null, 2));
  } finally {
    await renderer.close();
  }
}

/**
 * What the bench types after each command: nothing (default options), except `/radar doctor` and `/customer`
 * with a real customer's email (the first value row's), so the card is found at every size.
 */
function benchTexts(warehouse: Warehouse): (slash: string) => string {
  const table = quoteIdentifier(WAREHOUSE_TABLES.value.name);
  const email = warehouse.firstRow<{ email: string }>(
    `SELECT trim(primary_email) AS email FROM ${table} LIMIT 1`,
  )?.email;
  return (slash) => (slash === '/radar' ? 'doctor' : slash === '/customer' ? (email ?? '') : '');
}

/** The organisation name of the first value row, for a lookup by name (null when it has none). */
function benchCustomerName(warehouse: Warehouse): string | null {
  const table = quoteIdentifier(WAREHOUSE_TABLES.value.name);
  const name = warehouse.firstRow<{ name: string | null }>(
    `SELECT trim(primary_organization) AS name FROM ${table} WHERE primary_organization IS NOT NULL LIMIT 1`,
  )?.name;
  return name ? name : null;
}

function log(task: SizeTask, line: string): void {
  process.stderr.write(`[bench ${task.label}] ${line}\n`);
}

const arg = process.argv[2];
if (arg === undefined) throw new Error('size-run: pass the task as a JSON argument');
await main(JSON.parse(arg) as SizeTask);
// Abandoned Slack answers may still be computing; the result is written, so stop here.
process.exit(0);
