import { Command, CommanderError } from 'commander';
import { type ConfigFlags, loadConfig, slackMode } from '../config.js';
import { ConfigError, UsageError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale, parseLocale, supportedLocaleList } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { ask } from './ask.js';
import { openCliSession } from './cli-context.js';
import { describeError } from './describe-error.js';
import { runLocalRepl } from './local-repl.js';
import { thresholdsFromState } from './state-thresholds.js';

/** The language a failure is reported in: the one the command was asked in, once that is known. */
let errorLocale: Locale = DEFAULT_LOCALE;

const program = new Command()
  .name('radar')
  .description('Customer-success analytics from a customer-360 warehouse, in Slack or at this prompt.')
  .option(
    '-w, --warehouse <path|url>',
    'SQLite export, postgres:// URL (?schema=…) or DuckDB file (default: RADAR_WAREHOUSE, else the bundled demo)',
  )
  .showHelpAfterError('(run `radar --help` for usage)')
  .exitOverride();

program
  .command('ask')
  .description('answer one slash command and print the summary, e.g. radar ask "/segment-anomalies all"')
  .argument('<command...>', 'the slash command and its options')
  .option('--json', 'print the structured result instead of the summary')
  .option('--details', 'also print the "Method and data" part (method, thresholds, every figure, data quality)')
  .option('--out <dir>', 'write the chart PNGs to this directory')
  .option('--lang <language>', 'answer in this language: en or zh-CN (default: RADAR_LANGUAGE, else en)')
  .action(async (words: string[], options: { json?: boolean; details?: boolean; out?: string; lang?: string }) => {
    const config = loadConfig(process.env, globalFlags());
    const session = await openCliSession(config, undefined, cliLanguage(options.lang, config.language));
    try {
      const zoneThresholds = await thresholdsFromState(config, Date.now());
      const context = zoneThresholds === undefined ? session.context : { ...session.context, zoneThresholds };
      const result = await ask(words.join(' '), context, options);
      console.log(result.output);
    } finally {
      session.close();
    }
  });

program
  .command('doctor')
  .description('check a warehouse: tables, columns, rows, duplication, data date, which commands can run')
  .option('--json', 'print the structured report')
  .option('--lang <language>', 'write the report in this language: en or zh-CN')
  .action(async (options: { json?: boolean; lang?: string }) => {
    const config = loadConfig(process.env, globalFlags());
    const session = await openCliSession(config, undefined, cliLanguage(options.lang, config.language));
    try {
      console.log((await ask('/radar doctor', session.context, options)).output);
    } finally {
      session.close();
    }
  });

program
  .command('prepare')
  .description('build the snapshot cache of the warehouse now (radar serve builds it by itself in the background)')
  .action(async () => {
    const { prepareSnapshotCache } = await import('./prepare.js');
    console.log(await prepareSnapshotCache(loadConfig(process.env, globalFlags())));
  });

program
  .command('serve')
  .description('run the Slack app (HTTP on PORT at /slack/events, or Socket Mode when SLACK_APP_TOKEN is set)')
  .action(async () => {
    const config = loadConfig(process.env, globalFlags());
    const mode = slackMode(config);
    if (mode === 'local') {
      throw new ConfigError(
        'radar serve needs SLACK_BOT_TOKEN plus SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).',
      );
    }
    const { serveSlack } = await import('../slack/serve.js');
    await serveSlack(config, mode);
  });

program
  .command('rules')
  .description('the zone thresholds in force, who changed them, customers per rule today; --backtest compares')
  .option(
    '--backtest [thresholds...]',
    'backtest on the weekly snapshots, e.g. --backtest red_below=45 green_above=70 (none = the thresholds in force)',
  )
  .option('--json', 'print the structured result')
  .action(async (options: { backtest?: boolean | string[]; json?: boolean }) => {
    const { runStateCommand } = await import('./state-commands.js');
    await runStateCommand('rules', loadConfig(process.env, globalFlags()), options, (text) => console.log(text));
  });

program
  .command('status')
  .description("Radar's own state: version, data date, last and next scan and digest, alerts, deliveries, problems")
  .option('--json', 'print the structured result')
  .action(async (options: { json?: boolean }) => {
    const { runStateCommand } = await import('./state-commands.js');
    await runStateCommand('status', loadConfig(process.env, globalFlags()), options, (text) => console.log(text));
  });

program
  .command('scan')
  .description('run the red-zone scan (and SLA check) once; without Slack tokens, print what would be posted')
  .option('--now <iso>', 'the instant to scan at, e.g. 2026-11-23T10:00:00Z (default: now)')
  .action(async (options: { now?: string }) => {
    const { runAlertCli } = await import('../slack/alerts/alert-cli.js');
    await runAlertCli('scan', loadConfig(process.env, globalFlags()), options, (text) => console.log(text));
  });

program
  .command('digest')
  .description("send the weekly manager digests that are due (Monday 09:00 in each manager's zone)")
  .option('--now <iso>', 'the instant to check at, e.g. 2026-11-23T14:00:00Z (default: now)')
  .option('--preview', 'print every digest now, without sending or recording it')
  .action(async (options: { now?: string; preview?: boolean }) => {
    const { runAlertCli } = await import('../slack/alerts/alert-cli.js');
    await runAlertCli('digest', loadConfig(process.env, globalFlags()), options, (text) => console.log(text));
  });

program.action(async () => {
  const config = loadConfig(process.env, globalFlags());
  const mode = slackMode(config);
  if (mode !== 'local') {
    const { serveSlack } = await import('../slack/serve.js');
    await serveSlack(config, mode);
    return;
  }
  errorLocale = config.language;
  const session = await openCliSession(config);
  try {
    // A missing, unreadable or foreign file is said (exit 1) before the prompt, not after the first question.
    session.context.warehouse();
    const zoneThresholds = await thresholdsFromState(config, Date.now());
    await runLocalRepl(
      zoneThresholds === undefined ? session : { ...session, context: { ...session.context, zoneThresholds } },
      config,
    );
  } finally {
    session.close();
  }
});

/** `--lang zh-CN` → zh-CN; absent → RADAR_LANGUAGE; a language Radar lacks is a usage error (exit 2). */
function cliLanguage(given: string | undefined, fallback: Locale): Locale {
  errorLocale = fallback;
  if (given === undefined) return fallback;
  const locale = parseLocale(given);
  if (locale !== undefined) {
    errorLocale = locale;
    return locale;
  }
  throw new UsageError(
    translator(fallback)('language.usage.unknown', { given: `--lang ${given}`, supported: supportedLocaleList() }),
  );
}

function globalFlags(): ConfigFlags {
  const { warehouse } = program.opts<{ warehouse?: string }>();
  return warehouse === undefined ? {} : { warehouse };
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const { message, exitCode } = describeError(error, errorLocale);
    console.error(`radar: ${message}`);
    process.exitCode = exitCode;
  }
}
