import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { THRESHOLD_KEYS, type ThresholdKey } from '../analysis/zones/zone-thresholds.js';
import type { CommandAnswer } from './command-answer.js';
import type { OptionSpec } from './command-args.js';
import type { AnyCommandDefinition, CommandDefinition } from './command-definition.js';
import { formatCommandList } from './command-help.js';
import { buildDoctorAnswer } from './doctor.js';
import { buildRulesAnswer } from './rules/rules-answer.js';
import { RULES_MESSAGES } from './rules/rules-messages.js';
import { buildStatusAnswer } from './rules/status-answer.js';
import { STATUS_MESSAGES } from './rules/status-messages.js';

type RadarOptions =
  | { readonly action: 'commands' | 'doctor' | 'status' }
  | {
      readonly action: 'rules';
      readonly proposed: Readonly<Partial<Record<ThresholdKey, string>>>;
      readonly backtest: boolean;
    };

/** Threshold values are read as text here and validated together when run (their order depends on each other). */
const thresholdOptions: Record<string, OptionSpec<unknown>> = Object.fromEntries(
  Object.entries(THRESHOLD_KEYS).map(([name, key]) => [
    name,
    { schema: z.string(), allowed: 'a number', description: RULES_MESSAGES.optionDescriptions[key] },
  ]),
);

/** Radar's version, as package.json says (src/ and dist/ both sit one level below it). */
export function radarVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `/radar` lists the commands; `doctor` checks the warehouse; `rules` the zone thresholds; `status` Radar itself. */
export function createRadarCommand(commands: () => readonly AnyCommandDefinition[]): CommandDefinition<RadarOptions> {
  return {
    slash: '/radar',
    summary:
      'What Radar can answer, a warehouse check (`doctor`), the zone thresholds (`rules`) and Radar’s own state (`status`)',
    syntax: {
      slash: '/radar',
      usage: '[doctor | status | rules [backtest] [red_below=N] [green_above=N] [fallback_red=X] [fallback_yellow=X]]',
      options: thresholdOptions,
      words: {
        doctor: 'check the warehouse and say which commands can run',
        status: 'version, data date, last and next scan and digest, alerts, deliveries, cache, problems',
        rules: 'the zone thresholds in force, who changed them, customers per rule today',
        backtest: 'with rules: the weekly backtest of the thresholds in force (and of proposed ones, if given)',
      },
    },
    examples: ['/radar', '/radar doctor', '/radar status', '/radar rules', '/radar rules red_below=45'],
    help: [
      'Lists the commands, or with `doctor` reports the warehouse tables, columns, row counts, duplication and data date.',
      ...RULES_MESSAGES.help,
      ...STATUS_MESSAGES.help,
    ],
    requirements: [],
    parse(args) {
      const action = args.takeWord('doctor')
        ? 'doctor'
        : args.takeWord('status')
          ? 'status'
          : args.takeWord('rules')
            ? 'rules'
            : 'commands';
      const proposed: Partial<Record<ThresholdKey, string>> = {};
      for (const [name, key] of Object.entries(THRESHOLD_KEYS)) {
        const value = args.option<string>(name);
        if (value !== undefined) proposed[key] = value;
      }
      const backtest = args.takeWord('backtest');
      if (action !== 'rules' && (backtest || Object.keys(proposed).length > 0)) {
        throw args.usage(RULES_MESSAGES.notWithAction(action === 'commands' ? '/radar' : action));
      }
      return action === 'rules' ? { action, proposed, backtest } : { action };
    },
    run(options, context): CommandAnswer | Promise<CommandAnswer> {
      if (options.action === 'doctor') return buildDoctorAnswer(context.warehouse(), commands());
      if (options.action === 'rules') return buildRulesAnswer(options, context);
      if (options.action === 'status') return buildStatusAnswer(context, radarVersion());
      const list = formatCommandList(commands());
      return {
        command: '/radar',
        title: 'Radar — customer analytics in Slack',
        lead: {
          takeaway: 'Radar answers these questions; start with /priority to see whom to call first.',
          accounts: [],
          tables: [],
          notes: commands().map((c) => `${c.slash} — ${c.summary}`),
          context: 'Add help to any command for examples, e.g. /priority help.',
        },
        headline: 'Ask any of these; each answer says what it was computed on.',
        sections: [{ kind: 'text', lines: list.split('\n') }],
        provenance: { tables: [], n: 0, filters: [], thresholds: [], dataDate: null, qualityNotes: [] },
        charts: [],
        chartsOmitted: 0,
        data: { commands: commands().map((c) => ({ slash: c.slash, summary: c.summary, usage: c.syntax.usage })) },
      };
    },
  };
}
