import { pathToFileURL } from 'node:url';
import { RenderPool } from '../src/charts/render-pool.js';
import { demoCharts } from './measure-chart-phases.js';
import { peakRssMb } from './stats.js';

/**
 * What one chart worker thread costs in memory: process RSS with the demo's charts built (no worker), then after
 * a pool of `workers` has warmed up and rendered every `charts=all` chart `rounds` times. Run it alone (RSS counts
 * the whole process): `npx tsx bench/measure-chart-workers.ts [workers] [rounds]`.
 */
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

async function main(workers: number, rounds: number): Promise<void> {
  const charts = await demoCharts();
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  console.log(
    `${charts.length} charts; RSS before any worker: ${mb(base)} MB (peak so far ${Math.round(peakRssMb())} MB)`,
  );
  const pool = new RenderPool({ size: workers });
  await pool.warm();
  const warm = process.memoryUsage().rss;
  console.log(`after warm-up of ${workers}: ${mb(warm)} MB (+${mb((warm - base) / workers)} MB per worker)`);
  let highest = warm;
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      charts.map((chart) => pool.render({ ...chart.spec, description: `workers ${round}` } as typeof chart.spec)),
    );
    highest = Math.max(highest, process.memoryUsage().rss);
  }
  const after = process.memoryUsage().rss;
  console.log(
    `after ${rounds} × ${charts.length} renders: ${mb(after)} MB, highest sampled ${mb(highest)} MB (+${mb((highest - base) / workers)} MB per worker), peak RSS ${Math.round(peakRssMb())} MB`,
  );
  await pool.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  globalThis.gc?.();
  console.log(`after close: ${mb(process.memoryUsage().rss)} MB`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(Number(process.argv[2] ?? 1), Number(process.argv[3] ?? 3));
  process.exit(0);
}
