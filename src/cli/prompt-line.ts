import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';

/** Where the local prompt writes chart PNGs unless `--out DIR` or RADAR_CHARTS_DIR says otherwise. */
export const DEFAULT_CHARTS_ROOT = 'radar-charts';

export interface PromptLine {
  /** The slash command and its words, without the prompt's own flags. */
  readonly text: string;
  readonly json: boolean;
  /** `--details`: print the "Method and data" part too. */
  readonly details: boolean;
  /** The folder given with `--out DIR` or `--out=DIR`, else undefined. */
  readonly out: string | undefined;
}

/**
 * One line typed at the local prompt: the command, plus `--json`, `--details` and `--out DIR` / `--out=DIR` as `radar ask`
 * spells them. An unknown `--flag` or `--out` without a folder is a usage error, not a silently ignored word.
 */
export function parsePromptLine(line: string, locale: Locale = 'en'): PromptLine {
  const t = translator(locale);
  const words = line.trim().split(/\s+/);
  const kept: string[] = [];
  let json = false;
  let details = false;
  let out: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--json') json = true;
    else if (word === '--details') details = true;
    else if (word.startsWith('--out=')) out = word.slice('--out='.length);
    else if (word === '--out') out = words[++i];
    else if (word.startsWith('--')) throw new UsageError(t('cli.unknownFlag', { flag: word }));
    else {
      kept.push(word);
      continue;
    }
    if (out === '' || (word === '--out' && out === undefined)) {
      throw new UsageError(t('cli.outNeedsFolder'));
    }
  }
  return { text: kept.join(' '), json, details, out };
}

/**
 * The folder for one answer's charts when no `--out` was given: `<root>/<UTC time>-<command>`, so answers never
 * overwrite each other and the folder says what it holds.
 */
export function defaultChartsFolder(root: string, command: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  const name = command.replace(/^\//, '').replace(/[^\w-]+/g, '-') || 'answer';
  return join(root, `${stamp}-${name}`);
}
