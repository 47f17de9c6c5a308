import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { THRESHOLD_KEYS, type ThresholdKey } from '../analysis/zones/zone-thresholds.js';
import { type MessageKey, translator } from '../i18n/translate.js';
import type { CommandAnswer } from './command-answer.js';
import type { OptionSpec } from './command-args.js';
import type { AnyCommandDefinition, CommandDefinition } from './command-definition.js';
import { commandSummary, formatCommandList } from './command-help.js';
import { buildDoctorAnswer } from './doctor.js';
import { buildRulesAnswer } from './rules/rules-answer.js';
import { buildStatusAnswer } from './rules/status-answer.js';

type RadarOptions =
  | { readonly action: 'commands' | 'doctor' | 'status' }
  | {
      readonly action: 'rules';
      readonly proposed: Readonly<Partial<Record<ThresholdKey, string>>>;
      readonly backtest: boolean;
    };

/**
 * Threshold values are read as text here and validated together when run (their order depends on each other). Help
 * shows them from the catalogue (`command.radar.allowed.*`, `command.radar.option.*`).
 */
const en = translator('en');
const thresholdOptions: Record<string, OptionSpec<unknown>> = Object.fromEntries(
  Object.keys(THRESHOLD_KEYS).map((name) => [
    name,
    {
      schema: z.string(),
      allowed: en(`command.radar.allowed.${name}` as MessageKey),
      description: en(`command.radar.option.${name}` as MessageKey),
    },
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
    summary: en('command.radar.summary'),
    syntax: {
      slash: '/radar',
      usage: '[doctor | status | rules [backtest] [red_below=N] [green_above=N] [fallback_red=X] [fallback_yellow=X]]',
      options: thresholdOptions,
      words: {
        doctor: en('command.radar.word.doctor'),
        status: en('command.radar.word.status'),
        rules: en('command.radar.word.rules'),
        backtest: en('command.radar.word.backtest'),
      },
    },
    examples: ['/radar', '/radar doctor', '/radar status', '/radar rules', '/radar rules red_below=45'],
    help: en('command.radar.help').split('\n'),
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
        throw args.usage(args.t('rules.notWithAction', { word: action === 'commands' ? '/radar' : action }));
      }
      return action === 'rules' ? { action, proposed, backtest } : { action };
    },
    run(options, context): CommandAnswer | Promise<CommandAnswer> {
      if (options.action === 'doctor')
        return buildDoctorAnswer(context.warehouse(), commands(), context.locale, context.now());
      if (options.action === 'rules') return buildRulesAnswer(options, context);
      if (options.action === 'status') return buildStatusAnswer(context, radarVersion());
      const t = translator(context.locale);
      const list = formatCommandList(commands(), context.locale);
      return {
        command: '/radar',
        title: t('radar.title'),
        lead: {
          takeaway: t('radar.takeaway'),
          accounts: [],
          tables: [],
          notes: commands().map((c) => `${c.slash} — ${commandSummary(c, context.locale)}`),
          context: t('radar.context'),
        },
        headline: t('radar.headline'),
        sections: [{ kind: 'text', lines: list.split('\n') }],
        provenance: { tables: [], n: 0, filters: [], thresholds: [], dataDate: null, qualityNotes: [] },
        charts: [],
        chartsOmitted: 0,
        data: { commands: commands().map((c) => ({ slash: c.slash, summary: c.summary, usage: c.syntax.usage })) },
      };
    },
  };
}
