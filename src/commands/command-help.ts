import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { AnyCommandDefinition } from './command-definition.js';
import { COMMON_OPTION_HELP, COMMON_OPTIONS, COMMON_WORDS, DEFAULT_CHART_LIMIT } from './common-options.js';

export function formatCommandHelp(command: AnyCommandDefinition, locale: Locale = 'en'): string {
  const t = translator(locale);
  const { syntax } = command;
  const lines = [`*${command.slash}* — ${command.summary}`, ''];
  lines.push(...command.help, '');
  lines.push(t('help.examples'), ...command.examples.slice(0, 3).map((e) => `  ${e}`), '');
  lines.push(t('usage.usageLine', { slash: command.slash, usage: syntax.usage }));
  lines.push(t('help.options'));
  for (const [key, spec] of Object.entries(syntax.options))
    lines.push(`  ${key}=${spec.allowed} — ${spec.description}`);
  for (const [key, spec] of Object.entries(COMMON_OPTIONS)) {
    lines.push(
      `  ${key}=${spec.allowed} — ${t(COMMON_OPTION_HELP[key as keyof typeof COMMON_OPTIONS], { limit: DEFAULT_CHART_LIMIT })}`,
    );
  }
  lines.push(t('help.words'));
  for (const [word, description] of Object.entries(syntax.words ?? {})) lines.push(`  ${word} — ${description}`);
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
    ...commands.map((c) => `  ${c.slash.padEnd(width)}  ${c.summary}`),
    '',
    t('help.listCommon'),
  ].join('\n');
}
