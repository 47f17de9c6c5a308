import { createChartRenderer } from '../src/charts/render-pool.js';
import type { AnyCommandDefinition, CommandContext } from '../src/commands/command-definition.js';
import { runCommand } from '../src/commands/run-command.js';
import type { ChartResult } from './bench-types.js';
import { summarise, timed } from './stats.js';

const WARM_RENDERS = 5;

/**
 * Every chart every command can attach (`charts=all`). Cold: the chart's first render in a freshly started worker
 * (thread start, vega/sharp/font loading included), what the first answer after a restart pays. Warm: renders on
 * that worker once it has rendered the chart before — the same spec, as when a second person asks the same command on
 * the same data, so the worker's compiled-spec cache answers the vega-lite step. Warm, new data: the same chart with
 * a spec the worker has not seen (a changed title), which compiles again, as the first ask after a new export does.
 */
export async function measureCharts(
  commands: readonly AnyCommandDefinition[],
  textFor: (slash: string) => string,
  context: CommandContext,
): Promise<ChartResult[]> {
  const results: ChartResult[] = [];
  for (const command of commands) {
    if (command.slash === '/radar') continue;
    const outcome = await runCommand(command, `${textFor(command.slash)} charts=all`.trim(), context);
    if (outcome.kind !== 'answer') continue;
    for (const chart of outcome.answer.charts) {
      const renderer = createChartRenderer({ poolSize: 1 });
      try {
        const cold = await timed(() => renderer.render(chart.spec));
        const warm: number[] = [];
        for (let i = 0; i < WARM_RENDERS; i++) warm.push((await timed(() => renderer.render(chart.spec))).ms);
        const fresh: number[] = [];
        for (let i = 0; i < WARM_RENDERS; i++) {
          const spec = { ...chart.spec, description: `bench run ${i}` } as typeof chart.spec;
          fresh.push((await timed(() => renderer.render(spec))).ms);
        }
        results.push({
          id: chart.id,
          command: command.slash,
          coldMs: cold.ms,
          warm: summarise(warm),
          warmNewSpec: summarise(fresh),
        });
      } finally {
        await renderer.close();
      }
    }
  }
  return results;
}
