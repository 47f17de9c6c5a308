import { AlertRuntime, type ScanReport } from '../../alerts/alert-runtime.js';
import type { DigestRun } from '../../alerts/digest/run-digest.js';
import { openAlertStore, stateLocation } from '../../alerts/open-alert-store.js';
import { DEFAULT_STATE_DB, SqliteAlertStore } from '../../alerts/sqlite/sqlite-alert-store.js';
import { createChartRenderer } from '../../charts/render-pool.js';
import { openCliSession } from '../../cli/cli-context.js';
import { type RadarConfig, slackMode } from '../../config.js';
import { ConfigError, RadarError, UsageError } from '../../errors.js';
import { createLogger } from '../../logging.js';
import { renderDigest } from './digest-blocks.js';
import { createPrintTransport, messageAsText } from './print-transport.js';
import { alertChannels, createSlackAlerts } from './slack-alerts.js';

export interface AlertCliOptions {
  /** ISO 8601 instant with a zone (`2026-11-23T10:00:00Z`); default the system clock. */
  readonly now?: string | undefined;
  readonly preview?: boolean | undefined;
}

/** Parses `--now`; a time without a zone is refused rather than guessed. */
export function parseNow(text: string | undefined, system: () => number = Date.now): number {
  if (text === undefined) return system();
  const ms = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim()) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(
      `--now must be an ISO 8601 instant with a zone, such as 2026-11-23T10:00:00Z (got "${text}").`,
    );
  }
  return ms;
}

/** Some messages can never be delivered (a deleted channel, Radar not in it): the operator must act. */
export class DeliveryFailedPermanently extends RadarError {
  readonly code = 'delivery-failed-permanently';
}

const LOCAL_CHANNELS = { alertChannel: 'RADAR_ALERT_CHANNEL', escalationChannel: 'RADAR_ESCALATION_CHANNEL' };

/**
 * `radar scan` and `radar digest`, once, at `--now`. With Slack tokens they run for real (state in RADAR_STATE_DB,
 * messages to Slack). Without (local mode) they run on an in-memory copy of the state and print what would be
 * posted; the state file is not changed, so the same command shows the same output until Slack mode runs it.
 */
export async function runAlertCli(
  job: 'scan' | 'digest',
  config: RadarConfig,
  options: AlertCliOptions,
  print: (text: string) => void,
): Promise<void> {
  const now = parseNow(options.now);
  const clock = () => now;
  const session = await openCliSession(config, () => new Date(now));
  const logger = createLogger({ level: 'warn', destination: { write: (line: string) => process.stderr.write(line) } });
  const statePath = config.RADAR_STATE_DB ?? DEFAULT_STATE_DB;
  const local = slackMode(config) === 'local';
  let runtime: AlertRuntime;
  let closeRenderer = async (): Promise<void> => undefined;
  if (local) {
    const store = SqliteAlertStore.openDryRun(statePath, now);
    const channels = alertChannels(config) ?? { ...LOCAL_CHANNELS, managers: config.RADAR_MANAGERS };
    print(`Local mode (no Slack tokens): printing what would be posted; ${statePath} is not changed.`);
    if (config.RADAR_STATE_URL !== undefined) {
      print('RADAR_STATE_URL is not read in local mode: the dry run starts from the SQLite state file.');
    }
    if (job === 'digest') print("Managers' Slack time zones are unknown without Slack: using UTC.");
    runtime = new AlertRuntime({
      store,
      transport: createPrintTransport(store, channels, clock, print, config.language),
      context: session.context,
      now: clock,
      scanCron: config.RADAR_SCAN_CRON,
      managers: config.RADAR_MANAGERS,
      digestChannel: config.RADAR_DIGEST_CHANNEL,
      timeZoneOf: async () => 'UTC',
      channelLocale: config.language,
      logger,
    });
  } else {
    const renderer = createChartRenderer();
    closeRenderer = () => renderer.close();
    const store = config.RADAR_ALERT_CHANNEL === undefined ? undefined : await openAlertStore(config, now, logger);
    const alerts = createSlackAlerts(config, {
      context: session.context,
      now: clock,
      logger,
      renderer,
      ...(store === undefined ? {} : { store }),
    });
    if (alerts === null) {
      throw new ConfigError(
        `radar ${job} needs RADAR_ALERT_CHANNEL (a channel id such as C0123ABCD) with Slack tokens.`,
      );
    }
    runtime = alerts.runtime;
  }
  try {
    if (job === 'scan') printScan(await runtime.scan(), session.sourceLabel, print);
    else printDigests(await runtime.digest(options.preview ?? false), print);
    const dead = runtime.deadLetters();
    if (dead.length > 0) {
      throw new DeliveryFailedPermanently(
        `${dead.length} message${dead.length === 1 ? '' : 's'} failed permanently and will not be retried (${dead.join('; ')}). Check that RADAR_ALERT_CHANNEL, RADAR_ESCALATION_CHANNEL and RADAR_DIGEST_CHANNEL name channels that exist and that Radar is invited to (/invite @radar); the entries stay in ${stateLocation(config)} as dead letters.`,
      );
    }
  } finally {
    await runtime.close();
    await closeRenderer();
    session.close();
  }
}

function printScan(report: ScanReport, warehouse: string, print: (text: string) => void): void {
  const { scan, sla, delivered } = report;
  if (!scan.ran) print(`Scan ${scan.period}: already ran for this period (nothing decided again).`);
  else {
    const { plan, created } = scan.outcome;
    const count = (d: string) => created.filter((a) => a.delivery === d).length;
    print(
      `Scan ${scan.period} of ${warehouse}: ${plan.baseline !== null ? `baseline (${plan.baseline}), ${count('baseline')} customers tracked` : `${count('individual')} new alerts, ${count('overflow')} in the overflow summary`}; ${plan.resolutions.length} resolved.`,
    );
  }
  if (sla.ran) {
    const { plan } = sla.outcome;
    print(
      `SLA check ${sla.period}: ${plan.reminders.flat().length} reminders, ${plan.escalations.length} escalations, ${plan.wake.length} snoozes ended.`,
    );
  }
  const retrying = delivered.failed > 0 ? `, ${delivered.failed} failed (will retry)` : '';
  const dead = delivered.dead.length > 0 ? `, ${delivered.dead.length} failed permanently` : '';
  print(`Delivered ${delivered.delivered} message${delivered.delivered === 1 ? '' : 's'}${retrying}${dead}.`);
}

function printDigests(runs: readonly DigestRun[], print: (text: string) => void): void {
  if (runs.length === 0) print('No digest recipients: set RADAR_MANAGERS (and optionally RADAR_DIGEST_CHANNEL).');
  for (const run of runs) {
    const to = run.to.kind === 'manager' ? `@${run.to.userId}` : `#${run.to.channel}`;
    if (run.status === 'not-due') print(`${to}: not due yet (due ${run.dueLocal}).`);
    else if (run.status === 'already-sent') print(`${to}: ${run.isoWeek} digest already sent.`);
    else if (run.status === 'missed') {
      print(
        `${to}: ${run.isoWeek} digest skipped: due ${run.dueLocal}, more than 3 days ago; next Monday's comes instead.`,
      );
    } else if (run.status === 'sent') print(`${to}: ${run.digest.isoWeek} digest sent (due ${run.digest.dueLocal}).`);
    else print(`--- digest preview for ${to} ---\n${messageAsText(renderDigest(run.digest))}\n`);
  }
}
