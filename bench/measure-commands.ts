import type { ChartRenderer } from '../src/charts/render-pool.js';
import type { AnyCommandDefinition, CommandContext } from '../src/commands/command-definition.js';
import { runCommand } from '../src/commands/run-command.js';
import type { Warehouse } from '../src/data/open-warehouse.js';
import { translator } from '../src/i18n/translate.js';
import { layoutAnswer } from '../src/slack/answer-blocks.js';
import type { CommandResult, PhaseTimes } from './bench-types.js';
import { summarise } from './stats.js';

export interface CommandPlan {
  readonly command: AnyCommandDefinition;
  readonly text: string;
}

export interface RepeatPolicy {
  /** Measured runs after the first. */
  readonly repeats: number;
  /**
   * Stop repeating a command once its runs have taken this long (1M answers can take tens of seconds each); one
   * run after the first always happens, so p50 / p95 are never the first run's figure.
   */
  readonly budgetMs: number;
}

/** Slack shows at most this many messages per channel answer (deliver-answer's CHANNEL_MAX_MESSAGES). */
const MAX_MESSAGES = 3;

/**
 * One command, end to end as Slack runs it minus the network: parse + load + analyse (runCommand; load is the time
 * the warehouse spent reading, analyse the rest), render (every attached chart to PNG through the renderer, in
 * parallel as delivery does), present (CommandAnswer → Block Kit messages).
 */
export async function measureCommand(
  plan: CommandPlan,
  context: CommandContext,
  warehouse: () => Warehouse,
  renderer: ChartRenderer,
  policy: RepeatPolicy,
): Promise<CommandResult> {
  const invocation = `${plan.command.slash}${plan.text === '' ? '' : ` ${plan.text}`}`;
  const runs: PhaseTimes[] = [];
  let charts = 0;
  const started = performance.now();
  try {
    for (let i = 0; i <= policy.repeats; i++) {
      if (i > 1 && performance.now() - started > policy.budgetMs) break;
      const readBefore = warehouse().readMs;
      const t0 = performance.now();
      const outcome = await runCommand(plan.command, plan.text, context);
      const t1 = performance.now();
      if (outcome.kind !== 'answer') throw new Error(`${invocation} answered with help`);
      const load = warehouse().readMs - readBefore;
      charts = outcome.answer.charts.length;
      await Promise.all(outcome.answer.charts.map((chart) => renderer.render(chart.spec)));
      const t2 = performance.now();
      layoutAnswer(outcome.answer, { maxMessages: MAX_MESSAGES, t: translator(outcome.answer.locale ?? 'en') });
      const t3 = performance.now();
      runs.push({ load, analyse: t1 - t0 - load, render: t2 - t1, present: t3 - t2, endToEnd: t3 - t0 });
    }
  } catch (error) {
    return {
      ...summariseRuns(invocation, charts, runs),
      error: error instanceof Error ? error.message : String(error),
    };
  }
  return summariseRuns(invocation, charts, runs);
}

function summariseRuns(invocation: string, charts: number, runs: readonly PhaseTimes[]): CommandResult {
  const [first, ...rest] = runs;
  const later = rest.length > 0 ? rest : runs;
  const pick = (phase: keyof PhaseTimes) => summarise(later.map((r) => r[phase]));
  return {
    invocation,
    charts,
    runs: runs.length,
    first: first ?? {
      load: Number.NaN,
      analyse: Number.NaN,
      render: Number.NaN,
      present: Number.NaN,
      endToEnd: Number.NaN,
    },
    load: pick('load'),
    analyse: pick('analyse'),
    render: pick('render'),
    present: pick('present'),
    endToEnd: pick('endToEnd'),
  };
}
