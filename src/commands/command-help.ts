import type { AnyCommandDefinition } from './command-definition.js';
import { COMMON_OPTIONS, COMMON_WORDS } from './common-options.js';

export function formatCommandHelp(command: AnyCommandDefinition): string {
  const { syntax } = command;
  const lines = [`*${command.slash}* — ${command.summary}`, `Usage: ${command.slash} ${syntax.usage}`, ''];
  lines.push(...command.help, '');
  const options = { ...syntax.options, ...COMMON_OPTIONS };
  lines.push('Options:');
  for (const [key, spec] of Object.entries(options)) lines.push(`  ${key}=${spec.allowed} — ${spec.description}`);
  const words = { ...syntax.words, ...COMMON_WORDS };
  lines.push('Words:');
  for (const [word, description] of Object.entries(words)) lines.push(`  ${word} — ${description}`);
  lines.push('Examples:', ...command.examples.map((e) => `  ${e}`));
  lines.push('', `Method and defaults: ${methodsLink(command.slash)}`);
  return lines.join('\n');
}

/** The command's section of docs/methods.md (its `## /command` heading's anchor). */
export function methodsLink(slash: string): string {
  return `docs/methods.md#${slash.replace(/^\//, '')}`;
}

export function formatCommandList(commands: readonly AnyCommandDefinition[]): string {
  const width = Math.max(...commands.map((c) => c.slash.length));
  return [
    'Radar commands (add `help` to any of them for options, e.g. `/priority help`):',
    ...commands.map((c) => `  ${c.slash.padEnd(width)}  ${c.summary}`),
    '',
    'Every command also takes `private` and `charts=default|all|none`.',
  ].join('\n');
}
