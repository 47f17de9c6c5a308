import type { App } from '@slack/bolt';
import type { AnyCommandDefinition } from '../commands/command-definition.js';
import { assessCommands } from '../commands/doctor.js';
import { inspectWarehouse } from '../data/inspect-warehouse.js';
import { isRadarError } from '../errors.js';
import { numberFormat } from '../format/number-format.js';
import type { KnownBlock } from './block-types.js';
import { contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from './mrkdwn.js';
import type { SlackAppDeps } from './slack-deps.js';

const fmt = numberFormat();

/** The Home tab takes 100 blocks; keep a margin for the alerts section. */
const HOME_BLOCKS_MAX = 100;
const ALERTS_BLOCKS_MAX = 30;

export const HOME_INTRO =
  'Radar answers customer-success questions from the customer-360 warehouse, right in Slack: who to call first, ' +
  'which segments behave oddly, which accounts are slipping. Every answer says what it was computed on.';

export const ALERTS_NOT_CONFIGURED = 'Red-zone alerts: not configured.';

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text } };
}

function commandBlocks(commands: readonly AnyCommandDefinition[]): KnownBlock[] {
  return commands.map((c) => {
    const examples = c.examples
      .slice(0, 3)
      .map((e) => `\`${escapeMrkdwn(e)}\``)
      .join('  ');
    return mrkdwnSection(
      truncate(`*${c.slash}* — ${escapeMrkdwn(c.summary)}${examples ? `\nTry ${examples}` : ''}`, 3000),
    );
  });
}

function healthBlocks(deps: SlackAppDeps, userId: string): KnownBlock[] {
  try {
    const warehouse = deps.contextFor({ userId, channelId: '' }).warehouse();
    const health = inspectWarehouse(warehouse);
    const present = health.tables.filter((t) => t.present);
    const missing = health.tables.filter((t) => !t.present);
    const readiness = assessCommands(health, deps.commands);
    const lines = [
      `Data date: *${health.dataDate ?? 'unknown'}*`,
      `Tables: ${present.length} of ${health.tables.length} present${
        missing.length > 0 ? ` (missing: ${missing.map((t) => t.name).join(', ')})` : ''
      }; ${fmt.count(present.reduce((sum, t) => sum + t.rows, 0))} rows.`,
      ...readiness.map(
        (r) =>
          `${r.runnable === 'yes' ? ':large_green_circle:' : r.runnable === 'with fallback' ? ':large_yellow_circle:' : ':red_circle:'} ${r.slash}${
            r.reasons.length > 0 ? ` — ${escapeMrkdwn(r.reasons.join('; '))}` : ''
          }`,
      ),
    ];
    return [mrkdwnSection(truncate(lines.join('\n'), 3000))];
  } catch (error) {
    const reason = isRadarError(error) ? error.userMessage : 'the warehouse could not be inspected';
    deps.logger.warn({ err: error }, 'App Home: warehouse health failed');
    return [mrkdwnSection(truncate(`:red_circle: ${escapeMrkdwn(reason)}`, 3000))];
  }
}

async function alertsBlocks(deps: SlackAppDeps, userId: string): Promise<KnownBlock[]> {
  if (deps.homeAlertsSection === undefined) return [mrkdwnSection(ALERTS_NOT_CONFIGURED)];
  try {
    const blocks = await deps.homeAlertsSection(userId);
    return blocks.length > 0 ? blocks.slice(0, ALERTS_BLOCKS_MAX) : [mrkdwnSection('No open alerts for you.')];
  } catch (error) {
    deps.logger.warn({ err: error, user: userId }, 'App Home: alerts section failed');
    return [mrkdwnSection('Your alerts could not be loaded right now.')];
  }
}

/** The Home tab: what Radar is, its commands with examples, warehouse health, and the user's alerts. */
export async function buildHomeView(
  deps: SlackAppDeps,
  userId: string,
): Promise<{ type: 'home'; blocks: KnownBlock[] }> {
  const blocks: KnownBlock[] = [
    header('Radar'),
    mrkdwnSection(HOME_INTRO),
    contextBlock(['Add `private` to any command to get the answer only for yourself; `help` explains a command.']),
    { type: 'divider' },
    header('Your alerts'),
    ...(await alertsBlocks(deps, userId)),
    { type: 'divider' },
    header('Warehouse health'),
    ...healthBlocks(deps, userId),
    { type: 'divider' },
    header('Commands'),
    ...commandBlocks(deps.commands),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS_MAX) };
}

export function registerAppHome(app: App, deps: SlackAppDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const started = deps.clock.now();
    try {
      await client.views.publish({ user_id: event.user, view: await buildHomeView(deps, event.user) });
      deps.logger.info({ user: event.user, durationMs: deps.clock.now() - started }, 'App Home published');
    } catch (error) {
      deps.logger.warn({ err: error, user: event.user }, 'App Home publish failed');
    }
  });
}
