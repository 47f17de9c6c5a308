import type { App } from '@slack/bolt';
import type { AnyCommandDefinition } from '../commands/command-definition.js';
import { commandSummary } from '../commands/command-help.js';
import { assessCommands } from '../commands/doctor.js';
import { inspectWarehouse } from '../data/inspect-warehouse.js';
import { isRadarError } from '../errors.js';
import { numberFormat } from '../format/number-format.js';
import { joinList } from '../i18n/join.js';
import { type Translate, translator } from '../i18n/translate.js';
import type { KnownBlock } from './block-types.js';
import { contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from './mrkdwn.js';
import type { ListenerDeps, SlackAppDeps } from './slack-deps.js';

/** The Home tab takes 100 blocks; keep a margin for the alerts section. */
const HOME_BLOCKS_MAX = 100;
const ALERTS_BLOCKS_MAX = 30;

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text } };
}

function commandBlocks(commands: readonly AnyCommandDefinition[], t: Translate): KnownBlock[] {
  return commands.map((c) => {
    const examples = c.examples
      .slice(0, 3)
      .map((e) => `\`${escapeMrkdwn(e)}\``)
      .join('  ');
    return mrkdwnSection(
      truncate(
        `*${c.slash}* — ${escapeMrkdwn(commandSummary(c, t.locale))}${examples ? `\n${t('home.try', { examples })}` : ''}`,
        3000,
      ),
    );
  });
}

function healthBlocks(deps: SlackAppDeps, userId: string, t: Translate): KnownBlock[] {
  const fmt = numberFormat(t.locale);
  try {
    const warehouse = deps.contextFor({ userId, channelId: '' }).warehouse();
    const health = inspectWarehouse(warehouse);
    const present = health.tables.filter((t) => t.present);
    const missing = health.tables.filter((t) => !t.present);
    const readiness = assessCommands(health, deps.commands, t.locale);
    const tables = {
      present: fmt.count(present.length),
      total: fmt.count(health.tables.length),
      rows: fmt.count(present.reduce((sum, table) => sum + table.rows, 0)),
    };
    const lines = [
      t('home.health.dataDate', { date: health.dataDate ?? t('home.health.unknown') }),
      missing.length > 0
        ? t('home.health.tablesMissing', { ...tables, missing: missing.map((table) => table.name).join(', ') })
        : t('home.health.tables', tables),
      ...readiness.map(
        (r) =>
          `${r.runnable === 'yes' ? ':large_green_circle:' : r.runnable === 'with fallback' ? ':large_yellow_circle:' : ':red_circle:'} ${r.slash}${
            r.reasons.length > 0 ? ` — ${escapeMrkdwn(joinList(t, r.reasons))}` : ''
          }`,
      ),
    ];
    return [mrkdwnSection(truncate(lines.join('\n'), 3000))];
  } catch (error) {
    const reason = isRadarError(error) ? error.messageIn(t.locale) : t('home.health.failed');
    deps.logger.warn({ err: error }, 'App Home: warehouse health failed');
    return [mrkdwnSection(truncate(`:red_circle: ${escapeMrkdwn(reason)}`, 3000))];
  }
}

async function alertsBlocks(deps: SlackAppDeps, userId: string, t: Translate): Promise<KnownBlock[]> {
  if (deps.homeAlertsSection === undefined) return [mrkdwnSection(t('home.alerts.notConfigured'))];
  try {
    const blocks = await deps.homeAlertsSection(userId, t);
    return blocks.length > 0 ? blocks.slice(0, ALERTS_BLOCKS_MAX) : [mrkdwnSection(t('home.alerts.none'))];
  } catch (error) {
    deps.logger.warn({ err: error, user: userId }, 'App Home: alerts section failed');
    return [mrkdwnSection(t('home.alerts.failed'))];
  }
}

/**
 * The Home tab in the viewer's language: what Radar is, its commands with examples, warehouse health, and the user's
 * alerts.
 */
export async function buildHomeView(
  deps: SlackAppDeps,
  userId: string,
  t: Translate = translator('en'),
): Promise<{ type: 'home'; blocks: KnownBlock[] }> {
  const blocks: KnownBlock[] = [
    header('Radar'),
    mrkdwnSection(t('home.intro')),
    contextBlock([t('home.hint')]),
    { type: 'divider' },
    header(t('home.header.alerts')),
    ...(await alertsBlocks(deps, userId, t)),
    { type: 'divider' },
    header(t('home.header.health')),
    ...healthBlocks(deps, userId, t),
    { type: 'divider' },
    header(t('home.header.commands')),
    ...commandBlocks(deps.commands, t),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_BLOCKS_MAX) };
}

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const started = deps.clock.now();
    try {
      const t = translator(await deps.readerLocales.localeOf(event.user));
      await client.views.publish({ user_id: event.user, view: await buildHomeView(deps, event.user, t) });
      deps.logger.info({ user: event.user, durationMs: deps.clock.now() - started }, 'App Home published');
    } catch (error) {
      deps.logger.warn({ err: error, user: event.user }, 'App Home publish failed');
    }
  });
}
