import { createChartRenderer } from '../src/charts/render-pool.js';
import type { AnyCommandDefinition, CommandContext } from '../src/commands/command-definition.js';
import { runCommand } from '../src/commands/run-command.js';
import type { ChartResult } from './bench-types.js';
import { summarise, timed } from './stats.js';

const WARM_RENDERS = 5;

/**
 * Every chart every command can attach (`charts=all`). Cold: the chart's first render in a freshly started worker
 * (thread start, vega/sharp/font loading included), what the first answer after a restart pays. Warm: renders on
 * that worker once it has rendered the chart before.
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
        results.push({ id: chart.id, command: command.slash, coldMs: cold.ms, warm: summarise(warm) });
      } finally {
        await renderer.close();
      }
    }
  }
  return results;
}
