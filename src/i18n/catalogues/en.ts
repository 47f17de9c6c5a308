/**
 * English: the one message catalogue of the `en` locale. Flat ICU MessageFormat strings keyed by dotted ids,
 * sectioned by prefix. Every other catalogue has exactly these keys with the same placeholders (the catalogue
 * test checks), so this file is also the list of everything Radar says.
 *
 * Numbers arrive pre-formatted by numberFormat(locale) as strings; a `{n, plural, …}` argument is the raw count.
 * Keys under alerts. digest. home. notice. slack. belong to the Slack surfaces' block at the end.
 */
export const en = {
  // ── Languages ──
  'language.name.en': 'English',
  'language.name.zh-CN': 'Simplified Chinese (简体中文)',
  'language.usage.unknown': '`{given}`: Radar does not write in this language. Use one of: {supported}.',

  // ── Category levels (data values shown in the reader's language; --json keeps the raw value) ──
  'term.stage.Activation': 'Activation',
  'term.stage.Growth': 'Growth',
  'term.stage.Maturity': 'Maturity',
  'term.stage.Retention': 'Retention',
  'term.stage.Dormant': 'Dormant',
  'term.tier.Basic': 'Basic',
  'term.tier.Bronze': 'Bronze',
  'term.tier.Silver': 'Silver',
  'term.tier.Gold': 'Gold',
  'term.tier.Platinum': 'Platinum',
  'term.zone.red': 'red zone',
  'term.zone.yellow': 'yellow zone',
  'term.zone.green': 'green zone',
  'term.segment.HV': 'high value',
  'term.segment.SMB': 'SMB',
  'term.segment.other': 'other',
  'term.route.manual-intervention': 'Manual intervention',
  'term.route.dedicated-acceleration': 'Dedicated acceleration',
  'term.route.automated-nurture': 'Automated nurture',
  'term.route.standard': 'Standard engagement',

  // ── The context line closing every main message ──
  'context.population': '{count} {population}',
  'context.dataAsOf': 'data as of {date}',
  'context.dataDateUnknown': 'data date unknown',

  // ── Errors and usage, shared by every command ──
  'usage.givenTwice': '`{key}` is given twice.',
  'usage.notAllowed': '`{given}` is not allowed: {key} takes {allowed}.',
  'usage.unknownOption': 'Unknown option `{key}`.',
  'usage.unknownOptionKnown': 'Unknown option `{key}`. Options: {options}.',
  'usage.unknownWord': "I don't understand `{word}`.",
  'usage.unknownWordKnown': "I don't understand `{word}`. Words this command takes: {words}.",
  'usage.usageLine': 'Usage: {slash} {usage}',
  'usage.moreLine': 'More: {slash} help',
  'usage.noCommand': 'There is no command `{given}`. Commands: {commands}. Type `help` for what each does.',
  'usage.empty': '(empty)',

  // ── Help ──
  'help.examples': 'Examples:',
  'help.options': 'Options:',
  'help.words': 'Words:',
  'help.methodsLine': 'How it is computed: {methods} · what each score means: {glossary}',
  'help.listIntro': 'Radar commands (add `help` to any of them for options, e.g. `/priority help`):',
  'help.listCommon': 'Every command also takes `private`, `list`, `charts=default|all|none` and `lang=en|zh`.',
  'help.common.charts': 'how many charts to attach: up to {limit} (default), all, or none',
  'help.common.lang': 'answer in this language: en (English) or zh (简体中文); default: yours',
  'help.common.help': 'show what the command computes and its options',
  'help.common.private': 'answer only to you (in Slack: ephemeral text, charts in your DM with Radar)',
  'help.common.list': 'every account of the group, with raw numbers (CSV), not just the first ten',

  // ── The command line (radar ask, the local prompt) ──
  'cli.chartFiles': 'Chart files:',
  'cli.nothingToList': 'This answer names no group of accounts to list.',
  'cli.allAsCsv': 'All {count} (CSV):',
  'cli.welcome': 'Radar local mode — answering from {source}, in {language}.',
  'cli.demoSource': 'the bundled demo warehouse',
  'cli.welcomeHint':
    'Type `help` for the commands, e.g. `/segment-anomalies` or `/radar doctor`; `lang zh-CN` to answer in Chinese; `exit` or Ctrl-D to quit.',
  'cli.languageNow': 'Answers are now in {language}.',
  'cli.languageIs': 'Answers are in {language}. Change with `lang en` or `lang zh-CN`.',
  'cli.unknownFlag': 'Unknown flag `{flag}`. The prompt takes --json, --details and --out DIR.',
  'cli.outNeedsFolder': '`--out` needs a folder, e.g. `/priority top 5 --out charts`.',

  // ── Answer parts every command shares ──
  'answer.methodAndData': 'Method and data',

  // ── Slack surfaces (alerts, digests, App Home) ──
  // Keys under alerts. digest. home. notice. slack. go here (engineer B's block), nothing else does.
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
