import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { formatCommandList } from '../commands/command-help.js';
import { COMMANDS } from '../commands/index.js';
import type { RadarConfig } from '../config.js';
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
  const source = session.usingDemo ? 'the bundled demo warehouse' : session.warehousePath;
  console.log(`Radar local mode — answering from ${source}.`);
  console.log(
    'Type `help` for the commands, e.g. `/segment-anomalies` or `/radar doctor`; `exit` or Ctrl-D to quit.\n',
  );
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
      console.log(formatCommandList(COMMANDS));
    } else {
      try {
        const line = parsePromptLine(input);
        const chartsRoot = config.RADAR_CHARTS_DIR ?? DEFAULT_CHARTS_ROOT;
        const command = line.text.split(' ')[0] ?? '';
        const out = line.out ?? defaultChartsFolder(chartsRoot, command, session.context.now());
        const result = await ask(line.text, session.context, { json: line.json, out });
        console.log(result.output);
      } catch (error) {
        console.log(describeError(error).message);
      }
    }
    console.log();
    rl.prompt();
  }
  rl.close();
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
