import { pathToFileURL } from 'node:url';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartDefinition } from '../src/charts/chart-definition.js';
import { createOfflineLoader } from '../src/charts/offline-loader.js';
import { PNG_OPTIONS, renderChartSvg } from '../src/charts/render-png.js';
import { loadSharp } from '../src/charts/sharp-library.js';
import { CHART_CONFIG, PIXEL_RATIO } from '../src/charts/theme.js';
import { COMMANDS } from '../src/commands/index.js';
import { runCommand } from '../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../src/data/demo/demo-warehouse-path.js';
import { quoteIdentifier } from '../src/data/inspect-schema.js';
import { createWarehouseProvider } from '../src/data/warehouse-provider.js';
import { WAREHOUSE_TABLES } from '../src/data/warehouse-schema.js';
import { percentile } from './stats.js';

/**
 * Where a warm render's CPU goes, phase by phase, for every `charts=all` chart on the demo: the steps of
 * renderChartPng (render-png.ts) done one at a time in this thread, each timed with process CPU (sharp's work on
 * libuv threads included), JIT-warm (two untimed passes first), every spec new to the caches. Medians over `rounds`.
 * Not part of `npm run bench`; `npx tsx bench/measure-chart-phases.ts [rounds]` prints the table.
 */
const PHASES = ['compile', 'parse', 'dataflow', 'svg', 'raster', 'encode'] as const;
type Phase = (typeof PHASES)[number];

export async function measureChartPhases(rounds = 5): Promise<{ id: string; ms: Record<Phase, number> }[]> {
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`rounds must be a positive whole number, got ${rounds}`);
  const charts = await demoCharts();
  const first = charts[0];
  if (first === undefined) throw new Error('the demo answered no charts');
  const sharp = await loadSharp();
  // Installs the chart fonts' text metrics, as every real render does first.
  await renderChartSvg(first.spec);
  const samples = charts.map(
    () => Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<Phase, number[]>,
  );
  for (let round = -2; round < rounds; round++) {
    for (const [index, chart] of charts.entries()) {
      const sample = samples[index] as Record<Phase, number[]>;
      let last = process.cpuUsage();
      const lap = (phase: Phase) => {
        const used = process.cpuUsage(last);
        last = process.cpuUsage();
        if (round >= 0) sample[phase].push((used.user + used.system) / 1000);
      };
      const spec = { ...chart.spec, description: `phases ${round}` } as ChartDefinition['spec'];
      const vegaSpec = compile(spec, { config: CHART_CONFIG, logger: vega.logger(vega.Error) }).spec;
      lap('compile');
      const runtime = vega.parse(vegaSpec);
      lap('parse');
      const view = new vega.View(runtime, { renderer: 'none', loader: createOfflineLoader(), logLevel: vega.Error });
      await view.runAsync();
      lap('dataflow');
      const svg = await view.toSVG(PIXEL_RATIO);
      view.finalize();
      lap('svg');
      const raw = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
      lap('raster');
      const { width, height, channels } = raw.info;
      await sharp(raw.data, { raw: { width, height, channels } }).png(PNG_OPTIONS).toBuffer();
      lap('encode');
    }
  }
  return charts.map((chart, index) => {
    const sample = samples[index] as Record<Phase, number[]>;
    return {
      id: chart.id,
      ms: Object.fromEntries(PHASES.map((p) => [p, percentile(sample[p], 50)])) as Record<Phase, number>,
    };
  });
}

/** Every `charts=all` chart the demo answers (23 charts on the full demo). */
export async function demoCharts(): Promise<ChartDefinition[]> {
  const provider = createWarehouseProvider(ensureDemoWarehouse('full'));
  const context = { warehouse: provider.get, now: () => new Date(), locale: 'en' as const };
  const email = provider
    .get()
    .firstRow<{ email: string }>(
      `SELECT trim(primary_email) AS email FROM ${quoteIdentifier(WAREHOUSE_TABLES.value.name)} LIMIT 1`,
    )?.email;
  const charts: ChartDefinition[] = [];
  for (const command of COMMANDS) {
    if (command.slash === '/radar') continue;
    const text = `${command.slash === '/customer' ? (email ?? '') : ''} charts=all`.trim();
    const outcome = await runCommand(command, text, context);
    if (outcome.kind === 'answer') charts.push(...outcome.answer.charts);
  }
  return charts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await measureChartPhases(Number(process.argv[2] ?? 5));
  const cell = (value: number) => value.toFixed(1).padStart(8);
  console.log(`${'CPU ms (median)'.padEnd(30)}${PHASES.map((p) => p.padStart(8)).join('')}   total`);
  for (const row of rows) {
    const total = PHASES.reduce((sum, p) => sum + row.ms[p], 0);
    console.log(`${row.id.padEnd(30)}${PHASES.map((p) => cell(row.ms[p])).join('')}${cell(total)}`);
  }
  const mean = (p: Phase) => rows.reduce((sum, row) => sum + row.ms[p], 0) / rows.length;
  const meanTotal = PHASES.reduce((sum, p) => sum + mean(p), 0);
  console.log(`${'mean per chart'.padEnd(30)}${PHASES.map((p) => cell(mean(p))).join('')}${cell(meanTotal)}`);
  process.exit(0);
}
