import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREPARE_NODE_FLAGS, SERVE_ALLOCATOR_ENV, SERVE_NODE_FLAGS } from '../src/cli/allocator-relaunch.js';
import { distIsStale } from '../src/cli/build-freshness.js';
import { ensureScaledDemoWarehouse } from '../src/data/demo/demo-cache.js';
import { ensureDemoWarehouse } from '../src/data/demo/demo-warehouse-path.js';
import { COMPILED_WORKERS_ENV } from '../src/workers/worker-pool.js';
import type {
  BenchReport,
  CleaningCost,
  MachineInfo,
  SizeFailure,
  SizeResult,
  SnapshotCacheResult,
} from './bench-types.js';
import { measureCleaningCost } from './measure-cleaning-cost.js';
import { measureColdStart, measureLocalPromptStart } from './measure-cold-start.js';
import type { SizeTask } from './size-run.js';
import { percentile } from './stats.js';
import { checkTargets } from './targets.js';
import { formatDuration, writeReport } from './write-report.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface SizePlan {
  readonly label: string;
  /** Undefined: the bundled default demo (4,734 customers, byte-identical to the one tests use). */
  readonly customers?: number;
  readonly repeats: number;
  readonly commandBudgetMs: number;
  readonly charts: boolean;
  readonly slackConcurrency: number;
  readonly slackAnswerTimeoutMs: number;
}

const BURST = 20;
const CLEANING_COST_ROWS = 1_000_000;
const FULL: readonly SizePlan[] = [
  {
    label: '5k',
    repeats: 7,
    commandBudgetMs: 30_000,
    charts: true,
    slackConcurrency: BURST,
    slackAnswerTimeoutMs: 120_000,
  },
  {
    label: '100k',
    customers: 100_000,
    repeats: 4,
    commandBudgetMs: 20_000,
    charts: false,
    slackConcurrency: BURST,
    slackAnswerTimeoutMs: 120_000,
  },
  {
    label: '1M',
    customers: 1_000_000,
    repeats: 2,
    commandBudgetMs: 20_000,
    charts: false,
    // Off at 1M: 20 answers of a few seconds each, queued on one command worker (2 cores), would add minutes the
    // 15-minute budget does not have (building the 1M warehouse and its snapshot cache takes most of it). Acks do
    // not depend on the size (commands run off the event loop); answers at 1M are measured per command above.
    slackConcurrency: 0,
    slackAnswerTimeoutMs: 90_000,
  },
];
const QUICK: readonly SizePlan[] = [
  {
    label: '5k',
    repeats: 3,
    commandBudgetMs: 10_000,
    charts: true,
    slackConcurrency: BURST,
    slackAnswerTimeoutMs: 120_000,
  },
];

async function main(): Promise<void> {
  const started = performance.now();
  const quick = process.argv.includes('--quick');
  const only = process.argv
    .find((a) => a.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',');
  const plans = (quick ? QUICK : FULL).filter((p) => only === undefined || only.includes(p.label));
  // --demo=international runs every size on the international profile (Unicode keys, offsets) instead of `full`.
  const demo = process.argv.includes('--demo=international') ? 'international' : 'full';
  const machine = machineInfo();
  say(
    `machine: ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}; mode ${quick ? 'quick' : 'full'}; demo ${demo}`,
  );

  const defaultDemo = ensureDemoWarehouse(demo);
  const coldRuns = await measureColdStart(repoRoot, defaultDemo);
  say(
    coldRuns
      ? `cold start: ${coldRuns.map((r) => Math.round(r)).join(', ')} ms`
      : 'cold start: dist/ not built, skipped',
  );
  const promptRuns = await measureLocalPromptStart(repoRoot, defaultDemo);
  say(
    promptRuns
      ? `npm start to the local prompt: ${promptRuns.map((r) => Math.round(r)).join(', ')} ms`
      : 'npm start to the local prompt: dist/ not built, skipped',
  );

  const scratch = mkdtempSync(join(tmpdir(), 'radar-bench-'));
  const sizes: SizeResult[] = [];
  const failures: SizeFailure[] = [];
  try {
    for (const plan of plans) {
      let warehousePath = defaultDemo;
      let buildMs = 0;
      let cached = true;
      let customers = 4_734;
      if (plan.customers !== undefined) {
        say(`${plan.label}: preparing the ${plan.customers.toLocaleString('en-US')}-customer warehouse…`);
        const scaled = await ensureScaledDemoWarehouse(plan.customers, demo);
        warehousePath = scaled.path;
        buildMs = scaled.buildMs;
        cached = !scaled.built;
        customers = plan.customers;
        say(`${plan.label}: ${cached ? 'cached' : `built in ${formatDuration(buildMs)}`} (${warehousePath})`);
      }
      say(`${plan.label}: preparing the snapshot cache…`);
      const snapshotCache = await runPrepare(warehousePath, join(scratch, `${plan.label}-prepare.json`));
      say(
        `${plan.label}: snapshot cache ${snapshotCache.built ? `built in ${formatDuration(snapshotCache.ms)}` : 'already there'}`,
      );
      const task: SizeTask = {
        label: plan.label,
        customers,
        warehousePath,
        buildMs,
        cached,
        snapshotCache,
        repeats: plan.repeats,
        commandBudgetMs: plan.commandBudgetMs,
        charts: plan.charts,
        slackConcurrency: plan.slackConcurrency,
        slackAnswerTimeoutMs: plan.slackAnswerTimeoutMs,
        out: join(scratch, `${plan.label}.json`),
      };
      try {
        await runChild(task);
        sizes.push(JSON.parse(readFileSync(task.out, 'utf8')) as SizeResult);
      } catch (error) {
        // A size that crashes (e.g. out of memory) is a finding: report it and go on with the others.
        const reason = error instanceof Error ? error.message : String(error);
        say(`${plan.label}: FAILED (${reason})`);
        failures.push({ label: plan.label, customers, reason });
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const cleaningCost = runCleaningCost(CLEANING_COST_ROWS);

  const report: BenchReport = {
    startedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine,
    coldStart: coldRuns ? { runs: coldRuns, p50: percentile(coldRuns, 50) } : null,
    promptStart: promptRuns ? { runs: promptRuns, p50: percentile(promptRuns, 50) } : null,
    sizes,
    failures,
    cleaningCost,
    wallMs: performance.now() - started,
  };
  const directory = join(repoRoot, 'bench', 'results');
  writeReport(report, directory);
  for (const t of checkTargets(report))
    say(`${t.met === null ? '–  ' : t.met ? 'met' : 'MISSED'} ${t.target}: ${t.measured}`);
  say(`wrote bench/results/latest.md and latest.json in ${formatDuration(report.wallMs)}`);
}

/**
 * In this process, after the sizes so it does not load their machine; 1M rows in quick mode too, as the issue asks
 * for the cost at 1M and it takes well under a minute.
 */
function runCleaningCost(rows: number): CleaningCost {
  say(`cleaning rule: measuring its cost at ${rows.toLocaleString('en-US')} rows…`);
  try {
    const results = measureCleaningCost(rows);
    const shipped = results.find((r) => r.step === 'ranking' && r.variant === 'after');
    say(`cleaning rule: latest-row ranking as shipped ${shipped ? Math.round(shipped.nsPerRow) : 'n/a'} ns/row`);
    return { rows, results };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    say(`cleaning rule: FAILED (${reason})`);
    return { rows, results: [], error: reason };
  }
}

/** The size in a fresh Node process (through tsx, like this script), so its peak RSS is honest. */
function runChild(task: SizeTask): Promise<void> {
  // Its pools start the compiled workers, as `radar serve` does, when dist/ is up to date (`npm run bench` builds it).
  const compiled = !distIsStale(repoRoot);
  if (!compiled) say(`${task.label}: dist/ is missing or older than src/, so its worker threads run the sources (tsx)`);
  return runScript('size-run.ts', [JSON.stringify(task)], `the ${task.label} process`, compiled);
}

/**
 * The snapshot cache of `warehousePath`, built (or found) in its own process as `radar prepare` builds it: the
 * launcher's PREPARE_NODE_FLAGS, Node's own allocator (serve's is not prepare's), and the compiled table threads when
 * dist/ is up to date.
 */
async function runPrepare(warehousePath: string, out: string): Promise<SnapshotCacheResult> {
  const compiled = !distIsStale(repoRoot);
  if (!compiled)
    say('the snapshot cache build: dist/ is missing or older than src/, so its threads run the sources (tsx)');
  await runScript('prepare-run.ts', [warehousePath, out], 'the snapshot cache build', compiled, 'prepare');
  return JSON.parse(readFileSync(out, 'utf8')) as SnapshotCacheResult;
}

function runScript(
  name: string,
  args: readonly string[],
  what: string,
  compiledWorkers = false,
  launch: 'serve' | 'prepare' = 'serve',
): Promise<void> {
  const script = join(repoRoot, 'bench', name);
  return new Promise((resolvePromise, reject) => {
    // A size process stands for `radar serve`: the allocator and heap settings its launcher sets
    // (allocator-relaunch.ts), and 6 GB of heap (at 1M customers a command holds millions of rows; RSS is what the
    // report judges). `radar prepare` runs with its launcher's flags and Node's own allocator.
    const serve = launch === 'serve';
    const flags = serve ? ['--max-old-space-size=6144', ...SERVE_NODE_FLAGS] : [...PREPARE_NODE_FLAGS];
    const env = {
      ...(serve ? SERVE_ALLOCATOR_ENV : {}),
      ...process.env,
      ...(compiledWorkers ? { [COMPILED_WORKERS_ENV]: '1' } : {}),
    };
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${what} exited with ${code ?? 'a crash'}`)),
    );
  });
}

function machineInfo(): MachineInfo {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg(),
  };
}

function say(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

await main();
