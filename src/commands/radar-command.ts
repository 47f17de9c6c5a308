import { translator } from '../i18n/translate.js';
import type { CommandAnswer } from './command-answer.js';
import type { AnyCommandDefinition, CommandDefinition } from './command-definition.js';
import { commandSummary, formatCommandList } from './command-help.js';
import { buildDoctorAnswer } from './doctor.js';

type RadarOptions = { readonly action: 'commands' | 'doctor' };

/** `/radar` lists the commands; `/radar doctor` checks the warehouse. */
export function createRadarCommand(commands: () => readonly AnyCommandDefinition[]): CommandDefinition<RadarOptions> {
  return {
    slash: '/radar',
    summary: translator('en')('command.radar.summary'),
    syntax: {
      slash: '/radar',
      usage: '[doctor]',
      options: {},
      words: { doctor: translator('en')('command.radar.word.doctor') },
    },
    examples: ['/radar', '/radar doctor'],
    help: [translator('en')('command.radar.help')],
    requirements: [],
    parse(args) {
      return { action: args.takeWord('doctor') ? 'doctor' : 'commands' };
    },
    run(options, context): CommandAnswer {
      if (options.action === 'doctor') return buildDoctorAnswer(context.warehouse(), commands(), context.locale);
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
