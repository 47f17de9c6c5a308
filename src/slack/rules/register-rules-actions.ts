import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { AlertStore } from '../../alerts/alert-store.js';
import { readThresholds, type ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import type { RulesData } from '../../commands/rules/rules-answer.js';
import { describeChange, RULES_MESSAGES } from '../../commands/rules/rules-messages.js';
import { isRadarError } from '../../errors.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import type { KnownBlock } from '../block-types.js';
import { mrkdwnSection } from '../mrkdwn.js';
import { RULES_SLACK_MESSAGES as M } from './rules-slack-messages.js';
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
  readonly preview: (values: string) => Promise<RulesData>;
  readonly now: () => number;
  readonly logger: Logger;
}

/** The "Edit thresholds" offer under a /radar rules answer: admins only, everyone else gets nothing. */
export function editOfferBlocks(): KnownBlock[] {
  return [
    mrkdwnSection(M.editOffer),
    {
      type: 'actions',
      block_id: 'rules_edit',
      elements: [
        {
          type: 'button',
          action_id: RULES_ACTIONS.edit,
          style: 'primary',
          text: { type: 'plain_text', text: M.editButton },
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
export function registerRulesActions(app: App, deps: RulesSlackDeps, tasks: BackgroundTasks): void {
  const isAdmin = (userId: string) => deps.admins.includes(userId);
  const refuse = async (respond: RespondFn | undefined, userId: string, what: string) => {
    deps.logger.warn({ user: userId, action: what }, 'threshold change refused: not in RADAR_ADMINS');
    await respond?.({ response_type: 'ephemeral', replace_original: false, text: M.notAdmin });
  };

  app.action<BlockButtonAction>(RULES_ACTIONS.edit, async ({ ack, body, client, respond }) => {
    await ack();
    if (!isAdmin(body.user.id)) return refuse(respond, body.user.id, 'open');
    const triggerId = body.trigger_id;
    tasks.run('rules modal', async () => {
      // Only a small store read before views.open: the trigger id expires 3 s after the click.
      const inForce = await deps.store.thresholdsInForce();
      await client.views.open({ trigger_id: triggerId, view: thresholdModal({ inForce: inForce.thresholds }) });
    });
  });

  app.action<BlockButtonAction>(RULES_ACTIONS.preview, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (view === undefined || !isAdmin(body.user.id)) return refuse(undefined, body.user.id, 'preview');
    const typed = typedValues(view.state.values as never);
    tasks.run('rules preview', async () => {
      const inForce = (await deps.store.thresholdsInForce()).thresholds;
      let preview: string;
      try {
        preview = previewText(await deps.preview(asCommandText(typed)));
      } catch (error) {
        if (!isRadarError(error)) throw error;
        preview = M.previewFailed(error.userMessage);
      }
      await client.views.update({ view_id: view.id, view: thresholdModal({ inForce, typed, preview }) });
    });
  });

  app.view<ViewSubmitAction>(RULES_VIEW, async ({ ack, body, view }) => {
    const actor = body.user.id;
    if (!isAdmin(actor)) {
      deps.logger.warn({ user: actor }, 'threshold change refused: not in RADAR_ADMINS');
      await ack({ response_action: 'errors', errors: { [inputBlockId('redBelow')]: M.notAdminField } });
      return;
    }
    const inForce = (await deps.store.thresholdsInForce()).thresholds;
    const { thresholds, problems } = readThresholds(inForce, typedValues(view.state.values as never));
    if (problems.length > 0) {
      const errors: Record<string, string> = {};
      for (const p of problems) errors[inputBlockId(p.key)] ??= RULES_MESSAGES.problem(p);
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
          message: { type: 'radar-notice', to: 'alert', text: changeLine(actor, before, after) },
        }),
      });
      deps.logger.info({ user: actor, outcome: result.kind, thresholds }, 'zone thresholds');
      if (result.kind === 'changed') await deps.drain();
    });
  });
}

/** "<@U…> changed the zone thresholds: red_below 50 → 45. The next scan uses them." */
export function changeLine(actor: string, before: ZoneThresholds, after: ZoneThresholds): string {
  return RULES_MESSAGES.changeLine(RULES_MESSAGES.who(actor), describeChange(before, after));
}

export { INPUT_ACTION };
