import type { CommandAnswer } from './command-answer.js';
import type { AnyCommandDefinition, CommandDefinition } from './command-definition.js';
import { formatCommandList } from './command-help.js';
import { buildDoctorAnswer } from './doctor.js';

type RadarOptions = { readonly action: 'commands' | 'doctor' };

/** `/radar` lists the commands; `/radar doctor` checks the warehouse. */
export function createRadarCommand(commands: () => readonly AnyCommandDefinition[]): CommandDefinition<RadarOptions> {
  return {
    slash: '/radar',
    summary: 'What Radar can answer, and a health check of the warehouse (`/radar doctor`)',
    syntax: {
      slash: '/radar',
      usage: '[doctor]',
      options: {},
      words: { doctor: 'check the warehouse and say which commands can run' },
    },
    examples: ['/radar', '/radar doctor'],
    help: [
      'Lists the commands, or with `doctor` reports the warehouse tables, columns, row counts, duplication and data date.',
    ],
    requirements: [],
    parse(args) {
      return { action: args.takeWord('doctor') ? 'doctor' : 'commands' };
    },
    run(options, context): CommandAnswer {
      if (options.action === 'doctor') return buildDoctorAnswer(context.warehouse(), commands());
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
