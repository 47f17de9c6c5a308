import { getHeapStatistics } from 'node:v8';
import type { ChartRenderer } from '../src/charts/render-pool.js';
import type { CommandContext } from '../src/commands/command-definition.js';
import { COMMANDS } from '../src/commands/index.js';
import { runCommand } from '../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../src/data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../src/data/warehouse-provider.js';

/**
 * One or more commands in one process, for profiling one command's CPU time and memory without the whole bench:
 *   npx tsx bench/command-footprint.ts <warehouse.sqlite | demo> <repeats> "/value-segments" ["/conversion-cohort" …]
 * `--charts` also renders each answer's charts through the chart workers (what the bench's 5k run does), so their
 * share of the process's memory shows. Prints, per command, the first answer and later runs' times with the CPU
 * time they took, and at the end the process's peak RSS and where its memory sits. Use RADAR_CACHE_DIR for a
 * snapshot cache built by `radar prepare`.
 */
async function main(): Promise<void> {
  const [where = 'demo', repeatsText = '3', ...rest] = process.argv.slice(2);
  const charts = rest.includes('--charts');
  const texts = rest.filter((t) => t !== '--charts');
  const path = where === 'demo' ? ensureDemoWarehouse('full') : where;
  const provider = createWarehouseProvider(path);
  const context: CommandContext = { warehouse: provider.get, now: () => new Date(), locale: 'en' };
  const before = memory();
  let renderer: ChartRenderer | undefined;
  if (charts) {
    const { createChartRenderer } = await import('../src/charts/render-pool.js');
    renderer = createChartRenderer();
  }
  try {
    for (const text of texts) {
      const [slash = '', ...words] = text.split(' ');
      const command = COMMANDS.find((c) => c.slash === slash);
      if (!command) throw new Error(`no command ${slash}`);
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i <= Number(repeatsText); i++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const outcome = await runCommand(command, words.join(' '), context);
        if (outcome.kind !== 'answer') throw new Error(`${text}: ${outcome.kind}`);
        if (renderer) await Promise.all(outcome.answer.charts.map((chart) => renderer?.render(chart.spec)));
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      const [first = 0, ...later] = times;
      const sorted = [...later].sort((a, b) => a - b);
      const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
      const [firstCpu = 0, ...laterCpu] = cpu;
      const meanLaterCpu = laterCpu.reduce((a, b) => a + b, 0) / Math.max(1, laterCpu.length);
      process.stdout.write(
        `${text}: first ${ms(first)} (cpu ${ms(firstCpu)}), p50 ${ms(p(0.5))}, p95 ${ms(p(0.95))}, later cpu mean ${ms(meanLaterCpu)}\n`,
      );
    }
  } finally {
    await renderer?.close();
  }
  const after = memory();
  const heap = getHeapStatistics();
  process.stdout.write(
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; at start rss ${mb(before.rss)} heap ${mb(before.heapUsed)}; ` +
      `at end rss ${mb(after.rss)} heap used ${mb(after.heapUsed)} (total ${mb(heap.total_heap_size)}) ` +
      `external ${mb(after.external)} arrayBuffers ${mb(after.arrayBuffers)}\n`,
  );
  provider.close();
}

function memory(): NodeJS.MemoryUsage {
  return process.memoryUsage();
}

const ms = (v: number) => `${Math.round(v)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

await main();
