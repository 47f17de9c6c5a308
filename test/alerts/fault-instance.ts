/**
 * One Radar instance for the two-instance fault test (test/slack/two-instances-fault.test.ts): the production
 * wiring of `radar serve`'s alerts (openAlertStore on RADAR_STATE_URL, createSlackAlerts: the Slack transport with
 * its WebClient, AlertRuntime), driven over stdin instead of cron so the test sets the time of each cycle:
 *   `scan <epoch ms> <base|changed>` → the scan, the SLA check and delivery, as the hourly tick runs them;
 *   `digest <epoch ms>` → the digest job and delivery.
 * Answers `done <line>` on stdout. The test kills it with SIGKILL at any point.
 */
import { createInterface } from 'node:readline';
import type { AlertRuntime } from '../../src/alerts/alert-runtime.js';
import { openAlertStore } from '../../src/alerts/open-alert-store.js';
import { openCliSession } from '../../src/cli/cli-context.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { createSlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import { StubRenderer } from './slack-harness.js';

const env = JSON.parse(process.argv[2] ?? '{}') as Record<string, string>;
const warehouses = JSON.parse(process.argv[3] ?? '{}') as Record<string, string>;
const config = loadConfig(env);
const logger = createLogger({ level: 'warn', destination: { write: (line: string) => process.stderr.write(line) } });
let now = Number(process.argv[4]);
/** Sent as a header on every Slack call, so the test knows which instance made a post. */
const name = process.argv[5] ?? 'radar';
const clock = () => now;
const store = await openAlertStore(config, now, logger);
const runtimes = new Map<string, AlertRuntime>();
for (const [warehouseName, path] of Object.entries(warehouses)) {
  const session = openCliSession({ ...config, RADAR_WAREHOUSE: path }, () => new Date(now));
  // A 1 s client timeout: the test's "timeout after Slack posted" cases fire quickly (production: 20 s).
  const alerts = createSlackAlerts(config, {
    context: session.context,
    now: clock,
    logger,
    renderer: new StubRenderer(),
    clientOverrides: { retryConfig: { retries: 0 }, timeout: 1_000, headers: { 'x-radar-instance': name } },
    store,
  });
  if (alerts === null) throw new Error('RADAR_ALERT_CHANNEL is not set');
  runtimes.set(warehouseName, alerts.runtime);
}
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [command, at, warehouse = 'base'] = line.trim().split(' ');
  now = Number(at);
  const runtime = runtimes.get(warehouse);
  if (runtime === undefined) throw new Error(`unknown warehouse ${warehouse}`);
  if (command === 'scan') {
    const report = await runtime.scan();
    process.stdout.write(`done ${JSON.stringify({ ran: report.scan.ran, delivered: report.delivered })}\n`);
  } else if (command === 'digest') {
    const runs = await runtime.digest();
    process.stdout.write(`done ${JSON.stringify(runs.map((r) => r.status))}\n`);
  }
}
