import type { Locale } from '../i18n/locale.js';
import { isMessageKey, type Translate, translator } from '../i18n/translate.js';
import type { AnyCommandDefinition } from './command-definition.js';
import { COMMON_OPTION_HELP, COMMON_OPTIONS, COMMON_WORDS, DEFAULT_CHART_LIMIT } from './common-options.js';

/**
 * A command's own help text in the reader's language: `command.<name>.<part>` in the catalogue (summary, help,
 * option.<key>, word.<word>); the definition's English stands in for a part the catalogue does not have.
 */
export function commandText(
  command: AnyCommandDefinition,
  part: string,
  english: string,
  t: Translate,
  values?: Readonly<Record<string, string | number>>,
): string {
  const key = `command.${command.slash.replace(/^\//, '')}.${part}`;
  return isMessageKey(key) ? t(key, values) : english;
}

export function commandSummary(command: AnyCommandDefinition, locale: Locale = 'en'): string {
  return commandText(command, 'summary', command.summary, translator(locale));
}

export function formatCommandHelp(command: AnyCommandDefinition, locale: Locale = 'en'): string {
  const t = translator(locale);
  const { syntax } = command;
  const help = commandText(command, 'help', command.help.join('\n'), t);
  const lines = [`*${command.slash}* — ${commandSummary(command, locale)}`, ''];
  lines.push(help, '');
  lines.push(t('help.examples'), ...command.examples.slice(0, 3).map((e) => `  ${e}`), '');
  lines.push(t('usage.usageLine', { slash: command.slash, usage: syntax.usage }));
  lines.push(t('help.options'));
  for (const [key, spec] of Object.entries(syntax.options)) {
    const allowed = commandText(command, `allowed.${key}`, spec.allowed, t);
    const description = commandText(command, `option.${key}`, spec.description, t, spec.helpValues);
    lines.push(`  ${key}=${allowed} — ${description}`);
  }
  for (const [key, spec] of Object.entries(COMMON_OPTIONS)) {
    const description = t(COMMON_OPTION_HELP[key as keyof typeof COMMON_OPTIONS], { limit: DEFAULT_CHART_LIMIT });
    lines.push(`  ${key}=${spec.allowed} — ${description}`);
  }
  lines.push(t('help.words'));
  for (const [word, description] of Object.entries(syntax.words ?? {})) {
    lines.push(`  ${word} — ${commandText(command, `word.${word}`, description, t)}`);
  }
  for (const [word, key] of Object.entries(COMMON_WORDS)) lines.push(`  ${word} — ${t(key)}`);
  lines.push('', t('help.methodsLine', { methods: methodsLink(command.slash), glossary: 'docs/glossary.md' }));
  return lines.join('\n');
}

/** The command's section of docs/methods.md (its `## /command` heading's anchor). */
export function methodsLink(slash: string): string {
  return `docs/methods.md#${slash.replace(/^\//, '')}`;
}

export function formatCommandList(commands: readonly AnyCommandDefinition[], locale: Locale = 'en'): string {
  const t = translator(locale);
  const width = Math.max(...commands.map((c) => c.slash.length));
  return [
    t('help.listIntro'),
    ...commands.map((c) => `  ${c.slash.padEnd(width)}  ${commandSummary(c, locale)}`),
    '',
    t('help.listCommon'),
  ].join('\n');
}
