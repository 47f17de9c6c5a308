import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandAnswer } from '../commands/command-answer.js';
import type { CommandContext } from '../commands/command-definition.js';
import { COMMANDS } from '../commands/index.js';
import { formatAccountCsv, formatAnswerText, formatDetailsText } from '../commands/present-text.js';
import { resolveInvocation, runCommand } from '../commands/run-command.js';
import { numberFormat } from '../format/number-format.js';
import { translator } from '../i18n/translate.js';

export interface AskOptions {
  readonly json?: boolean;
  /** Print the "Method and data" part after the main message. */
  readonly details?: boolean;
  readonly out?: string;
}

export interface AskResult {
  readonly output: string;
  readonly chartFiles: readonly string[];
}

/** One command, as `radar ask` and the local prompt run it: the same code path Slack uses. */
export async function ask(input: string, context: CommandContext, options: AskOptions = {}): Promise<AskResult> {
  const { command, text } = resolveInvocation(input, COMMANDS, context.locale);
  const outcome = await runCommand(command, text, context);
  if (outcome.kind === 'help') return { output: outcome.text.replace(/\*([^*\n]+)\*/g, '$1'), chartFiles: [] };
  const chartFiles = options.out ? await writeCharts(outcome.answer, options.out) : [];
  const output = options.json
    ? JSON.stringify({ ...toJson(outcome.answer), ...(chartFiles.length > 0 ? { chartFiles } : {}) }, null, 2)
    : textOf(outcome.answer, outcome.common.list === true, options.details === true);
  const t = translator(outcome.answer.locale ?? context.locale);
  const written =
    chartFiles.length > 0 && !options.json
      ? `\n${t('cli.chartFiles')}\n${chartFiles.map((f) => `  ${f}`).join('\n')}`
      : '';
  return { output: output + written, chartFiles };
}

/** The main message; with `list` every account as CSV after it; with `--details` the method part after that. */
function textOf(answer: CommandAnswer, list: boolean, details: boolean): string {
  const locale = answer.locale ?? 'en';
  const t = translator(locale);
  const parts = [formatAnswerText(answer)];
  if (list) {
    parts.push(
      answer.lead?.list === undefined
        ? t('cli.nothingToList')
        : `${t('cli.allAsCsv', { count: numberFormat(locale).count(answer.lead.list.rows.length) })}\n${formatAccountCsv(answer.lead.list)}`,
    );
  }
  if (details) parts.push(`--- ${t('answer.methodAndData')} ---\n${formatDetailsText(answer)}`);
  return parts.join('\n\n');
}

async function writeCharts(answer: CommandAnswer, directory: string): Promise<string[]> {
  if (answer.charts.length === 0) return [];
  const { renderChartPng } = await import('../charts/render-png.js');
  mkdirSync(directory, { recursive: true });
  const files: string[] = [];
  for (const chart of answer.charts) {
    const file = join(directory, `${chart.id}.png`);
    writeFileSync(file, await renderChartPng(chart.spec));
    files.push(file);
  }
  return files;
}

function toJson(answer: CommandAnswer) {
  return {
    command: answer.command,
    title: answer.title,
    lead: answer.lead,
    headline: answer.headline,
    provenance: answer.provenance,
    sections: answer.sections,
    charts: answer.charts.map((c) => ({ id: c.id, title: c.title, altText: c.altText })),
    chartsOmitted: answer.chartsOmitted,
    result: answer.data,
  };
}
