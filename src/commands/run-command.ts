import { stampDataDate } from '../charts/chart-title.js';
import { answerFinished } from '../data/export-memory.js';
import { UsageError } from '../errors.js';
import { shortEcho } from '../format/short-echo.js';
import { type Locale, parseLocale, supportedLocaleList } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { CommandAnswer } from './command-answer.js';
import { CommandArgs, type CommandSyntax } from './command-args.js';
import type { AnyCommandDefinition, CommandContext, CommonOptions } from './command-definition.js';
import { formatCommandHelp } from './command-help.js';
import { COMMON_OPTIONS, COMMON_WORDS, DEFAULT_CHART_LIMIT } from './common-options.js';
import { withStalenessWarning } from './context-line.js';

export type CommandOutcome =
  | { readonly kind: 'answer'; readonly answer: CommandAnswer; readonly common: CommonOptions }
  | { readonly kind: 'help'; readonly text: string; readonly common: CommonOptions };

export interface CommandInvocation {
  readonly command: AnyCommandDefinition;
  readonly text: string;
}

/** Splits "/priority top 20" (slash optional) into the registered command and its text. */
export function resolveInvocation(
  input: string,
  commands: readonly AnyCommandDefinition[],
  locale: Locale = 'en',
): CommandInvocation {
  const trimmed = input.trim();
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const slash = head.startsWith('/') ? head.toLowerCase() : `/${head.toLowerCase()}`;
  const command = commands.find((c) => c.slash === slash);
  if (!command) {
    const t = translator(locale);
    throw new UsageError(
      t('usage.noCommand', {
        given: shortEcho(head) || t('usage.empty'),
        commands: commands.map((c) => c.slash).join(', '),
      }),
    );
  }
  return { command, text: rest.join(' ') };
}

/** A command's text, parsed and validated: help to show, or options ready to run. No warehouse is touched. */
export type ParsedCommand =
  | { readonly kind: 'help'; readonly text: string; readonly common: CommonOptions }
  | { readonly kind: 'run'; readonly options: unknown; readonly common: CommonOptions };

/**
 * The parse step alone (zod, no I/O), so Slack can answer `help` and usage mistakes in the ack itself and say
 * "Working on…" only for real work. Usage problems are thrown as UsageError.
 */
export function parseCommand(command: AnyCommandDefinition, text: string, readerLocale: Locale = 'en'): ParsedCommand {
  const syntax: CommandSyntax = {
    ...command.syntax,
    options: { ...command.syntax.options, ...COMMON_OPTIONS },
    words: { ...command.syntax.words, ...COMMON_WORDS },
  };
  const args = new CommandArgs(text, syntax, readerLocale);
  const locale = takeLanguage(args);
  const common: CommonOptions = {
    private: args.takeWord('private'),
    list: args.takeWord('list'),
    charts: args.option<CommonOptions['charts']>('charts') ?? 'default',
    ...(locale === undefined ? {} : { locale }),
  };
  if (args.takeWord('help')) {
    return { kind: 'help', text: formatCommandHelp(command, locale ?? readerLocale), common };
  }
  const options = command.parse(args);
  args.finish();
  return { kind: 'run', options, common };
}

/** `lang=zh`: the answer's language from here on (usage messages included); a language Radar lacks is a usage error. */
function takeLanguage(args: CommandArgs): Locale | undefined {
  const given = args.takePair('lang');
  if (given === undefined) return undefined;
  const locale = parseLocale(given);
  if (locale === undefined) {
    throw args.usage(
      args.t('language.usage.unknown', { given: shortEcho(`lang=${given}`), supported: supportedLocaleList() }),
    );
  }
  args.t = translator(locale);
  return locale;
}

/**
 * parse → load → analyse → present, shared by the CLI and Slack. Usage and data problems
 * are thrown as RadarError for the caller to show; nothing here knows about Slack.
 */
export async function runCommand(
  command: AnyCommandDefinition,
  text: string,
  context: CommandContext,
): Promise<CommandOutcome> {
  const parsed = parseCommand(command, text, context.locale);
  if (parsed.kind === 'help') return parsed;
  const locale = parsed.common.locale ?? context.locale;
  let ran: CommandAnswer;
  try {
    ran = await command.run(parsed.options as never, { ...context, locale });
  } finally {
    // Over the thread's memory budget, the per-export structures this answer did not use are let go.
    answerFinished();
  }
  const answer =
    context.staleAfterMs === undefined
      ? ran
      : withStalenessWarning(ran, context.now().getTime(), context.staleAfterMs, locale);
  const dated = {
    ...answer,
    locale,
    charts: answer.charts.map((c) => stampDataDate(c, answer.provenance.dataDate, locale)),
  };
  return { kind: 'answer', answer: limitCharts(dated, parsed.common.charts), common: parsed.common };
}

function limitCharts(answer: CommandAnswer, charts: CommonOptions['charts']): CommandAnswer {
  const keep = charts === 'none' ? 0 : charts === 'all' ? answer.charts.length : DEFAULT_CHART_LIMIT;
  if (answer.charts.length <= keep) return answer;
  return { ...answer, charts: answer.charts.slice(0, keep), chartsOmitted: answer.charts.length - keep };
}
