import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { AlertStore } from '../../alerts/alert-store.js';
import { readThresholds, type ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import { describeChange, problemText } from '../../commands/rules/rule-text.js';
import type { RulesData } from '../../commands/rules/rules-answer.js';
import { isRadarError } from '../../errors.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, translator } from '../../i18n/translate.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import type { KnownBlock } from '../block-types.js';
import { mrkdwnSection } from '../mrkdwn.js';
import { localeWithin, type ReaderLocales } from '../reader-locale.js';
import { ACK_LOCALE_BUDGET_MS } from '../register-commands.js';
import {
  asCommandText,
  INPUT_ACTION,
  inputBlockId,
  previewText,
  RULES_ACTIONS,
  RULES_VIEW,
  thresholdModal,
  typedValues,
} from './threshold-modal.js';

export interface RulesSlackDeps {
  readonly store: AlertStore;
  /** Delivers what a change enqueued (the one line to the alert channel). */
  readonly drain: () => Promise<unknown>;
  /** RADAR_ADMINS: the only people who get the button and whose submissions are saved. */
  readonly admins: readonly string[];
  /** Runs `/radar rules backtest <values>` through the shared command code (in a worker) and returns its data. */
  readonly preview: (values: string, locale: Locale) => Promise<RulesData>;
  readonly now: () => number;
  readonly logger: Logger;
}

/** The "Edit thresholds" offer under a /radar rules answer: admins only, everyone else gets nothing. */
export function editOfferBlocks(t: Translate): KnownBlock[] {
  return [
    mrkdwnSection(t('rules.slack.editOffer')),
    {
      type: 'actions',
      block_id: 'rules_edit',
      elements: [
        {
          type: 'button',
          action_id: RULES_ACTIONS.edit,
          style: 'primary',
          text: { type: 'plain_text', text: t('rules.slack.editButton') },
        },
      ],
    },
  ];
}

/**
 * The threshold modal: the button opens it at once (views.open within the trigger's 3 s, with the thresholds in
 * force read from the store), Preview runs the backtest in a command worker after the ack and updates the view,
 * Save validates before acking (bad values → `response_action: errors`, nothing saved) and records the change
 * afterwards. The actor is always the signed payload's user: a submission from anyone outside RADAR_ADMINS is refused.
 */
export function registerRulesActions(
  app: App,
  deps: RulesSlackDeps,
  tasks: BackgroundTasks,
  readerLocales: ReaderLocales,
): void {
  const isAdmin = (userId: string) => deps.admins.includes(userId);
  // The viewer's language; the modal must open within the trigger's 3 s, so users.info gets a budget.
  const viewerT = async (userId: string) => translator(await localeWithin(readerLocales, userId, ACK_LOCALE_BUDGET_MS));
  const refuse = async (respond: RespondFn | undefined, userId: string, what: string) => {
    deps.logger.warn({ user: userId, action: what }, 'threshold change refused: not in RADAR_ADMINS');
    if (respond === undefined) return;
    const t = await viewerT(userId);
    await respond({ response_type: 'ephemeral', replace_original: false, text: t('rules.slack.notAdmin') });
  };

  app.action<BlockButtonAction>(RULES_ACTIONS.edit, async ({ ack, body, client, respond }) => {
    await ack();
    if (!isAdmin(body.user.id)) return refuse(respond, body.user.id, 'open');
    const triggerId = body.trigger_id;
    tasks.run('rules modal', async () => {
      // Only a small store read before views.open: the trigger id expires 3 s after the click.
      const [inForce, t] = await Promise.all([deps.store.thresholdsInForce(), viewerT(body.user.id)]);
      await client.views.open({ trigger_id: triggerId, view: thresholdModal({ t, inForce: inForce.thresholds }) });
    });
  });

  app.action<BlockButtonAction>(RULES_ACTIONS.preview, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (view === undefined || !isAdmin(body.user.id)) return refuse(undefined, body.user.id, 'preview');
    const typed = typedValues(view.state.values as never);
    tasks.run('rules preview', async () => {
      const inForce = (await deps.store.thresholdsInForce()).thresholds;
      const t = await viewerT(body.user.id);
      let preview: string;
      try {
        preview = previewText(await deps.preview(asCommandText(typed), t.locale), t);
      } catch (error) {
        if (!isRadarError(error)) throw error;
        preview = t('rules.slack.previewFailed', { why: error.messageIn(t.locale) });
      }
      await client.views.update({ view_id: view.id, view: thresholdModal({ t, inForce, typed, preview }) });
    });
  });

  app.view<ViewSubmitAction>(RULES_VIEW, async ({ ack, body, view }) => {
    const actor = body.user.id;
    if (!isAdmin(actor)) {
      deps.logger.warn({ user: actor }, 'threshold change refused: not in RADAR_ADMINS');
      const t = await viewerT(actor);
      await ack({
        response_action: 'errors',
        errors: { [inputBlockId('redBelow')]: t('rules.slack.notAdminField') },
      });
      return;
    }
    const inForce = (await deps.store.thresholdsInForce()).thresholds;
    const { thresholds, problems } = readThresholds(inForce, typedValues(view.state.values as never));
    if (problems.length > 0) {
      const t = await viewerT(actor);
      const errors: Record<string, string> = {};
      for (const p of problems) errors[inputBlockId(p.key)] ??= problemText(t, p);
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    // The view id is unique per opened modal: a resubmitted (replayed) submission records once.
    const requestKey = `view:${view.id}`;
    tasks.run('rules save', async () => {
      const result = await deps.store.changeThresholds({
        actor,
        now: deps.now(),
        thresholds,
        requestKey,
        notice: (before, after) => ({
          dedupeKey: `rules-change:${requestKey}`,
          message: {
            type: 'radar-notice',
            to: 'alert',
            text: changeLine(actor, before, after, readerLocales.fallback),
          },
        }),
      });
      deps.logger.info({ user: actor, outcome: result.kind, thresholds }, 'zone thresholds');
      if (result.kind === 'changed') await deps.drain();
    });
  });
}

/** "<@U…> changed the zone thresholds: red_below 50 → 45. The next scan uses them." (the channel's language) */
export function changeLine(
  actor: string,
  before: ZoneThresholds,
  after: ZoneThresholds,
  locale: Locale = 'en',
): string {
  const t = translator(locale);
  return t('rules.changeLine', { who: `<@${actor}>`, changes: describeChange(t, before, after) });
}

export { INPUT_ACTION };
