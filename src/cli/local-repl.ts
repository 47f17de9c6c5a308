import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatCommandList } from '../commands/command-help.js';
import { COMMANDS } from '../commands/index.js';
import type { RadarConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { type Locale, parseLocale, supportedLocaleList } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';
import { ask } from './ask.js';
import type { CliSession } from './cli-context.js';
import { describeError } from './describe-error.js';
import { DEFAULT_CHARTS_ROOT, defaultChartsFolder, parsePromptLine } from './prompt-line.js';

const HISTORY_LIMIT = 500;

/**
 * Local mode: the slash commands at a prompt, on the bundled demo or a given warehouse, for
 * trying Radar before (or without) installing it in Slack. History persists between runs.
 */
export async function runLocalRepl(session: CliSession, config: RadarConfig): Promise<void> {
  const historyFile = config.RADAR_HISTORY_FILE ?? join(homedir(), '.radar_history');
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: 'radar> ',
    history: loadHistory(historyFile),
    historySize: HISTORY_LIMIT,
    removeHistoryDuplicates: true,
    terminal: process.stdin.isTTY === true,
  });
  let locale = session.context.locale;
  let t = translator(locale);
  const source = session.usingDemo ? t('cli.demoSource') : session.sourceLabel;
  console.log(t('cli.welcome', { source, language: languageName(locale) }));
  console.log(`${t('cli.welcomeHint')}\n`);
  rl.prompt();
  for await (const line of rl) {
    const input = line.trim();
    if (input === '') {
      rl.prompt();
      continue;
    }
    if (input === 'exit' || input === 'quit') break;
    saveHistory(historyFile, input);
    if (input === 'help' || input === '?') {
      console.log(formatCommandList(COMMANDS, locale));
    } else if (/^lang(\s|$)/i.test(input)) {
      try {
        const chosen = chooseLanguage(input.slice(4).trim(), locale);
        if (chosen !== locale) {
          locale = chosen;
          t = translator(locale);
          console.log(t('cli.languageNow', { language: languageName(locale) }));
        } else {
          console.log(t('cli.languageIs', { language: languageName(locale) }));
        }
      } catch (error) {
        console.log(describeError(error, locale).message);
      }
    } else {
      try {
        const line = parsePromptLine(input, locale);
        const chartsRoot = config.RADAR_CHARTS_DIR ?? DEFAULT_CHARTS_ROOT;
        const command = line.text.split(' ')[0] ?? '';
        const out = line.out ?? defaultChartsFolder(chartsRoot, command, session.context.now());
        const context = { ...session.context, locale };
        const result = await ask(line.text, context, { json: line.json, details: line.details, out });
        console.log(result.output);
      } catch (error) {
        console.log(describeError(error, locale).message);
      }
    }
    console.log();
    rl.prompt();
  }
  rl.close();
}

/** `lang zh-CN` → that language; a bare `lang` keeps the current one (and says which it is). */
export function chooseLanguage(given: string, current: Locale): Locale {
  if (given === '') return current;
  const locale = parseLocale(given);
  if (locale === undefined) {
    throw new UsageError(
      translator(current)('language.usage.unknown', {
        given: `lang ${given.slice(0, 40)}`,
        supported: supportedLocaleList(),
      }),
    );
  }
  return locale;
}

function languageName(locale: Locale): string {
  return translator(locale)(`language.name.${locale}` as MessageKey);
}

function loadHistory(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    // readline wants the newest entry first.
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_LIMIT).reverse();
  } catch {
    return [];
  }
}

function saveHistory(file: string, line: string): void {
  try {
    appendFileSync(file, `${line}\n`);
  } catch {
    // History is a convenience; an unwritable home directory must not stop the prompt.
  }
}
