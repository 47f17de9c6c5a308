import type {
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  BlockOverflowAction,
  RespondFn,
  ViewSubmitAction,
} from '@slack/bolt';
import type { AlertRuntime } from '../../alerts/alert-runtime.js';
import type { LifecycleResult } from '../../alerts/alert-store.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import { assignModal, interventionModal } from './alert-modals.js';
import {
  ALERT_ACTIONS,
  ALERT_MENU_ACTION,
  ALERT_MENU_ACTIONS,
  ALERT_VIEWS,
  type AlertMenuAction,
  MODAL_INPUTS,
} from './alert-text.js';

type AnyClient = AllMiddlewareArgs['client'];

export const ALERT_NOT_FOUND = 'That alert no longer exists in Radar’s state.';
export const NOTE_REQUIRED = 'Write what you did, so the next person knows.';
export const ALREADY = (why: string): string => `Nothing changed: ${why}.`;

function alertIdOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

async function tellIfUnchanged(result: LifecycleResult, respond: RespondFn | undefined): Promise<void> {
  if (respond === undefined || result.kind === 'changed') return;
  const text = result.kind === 'not-found' ? ALERT_NOT_FOUND : ALREADY(result.why);
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/**
 * The alert card's buttons and modals. Every listener acks first; the change runs afterwards as a compare-and-set
 * in the store (a double click changes the alert once and updates the card once), with the actor taken from the
 * signed payload (`body.user.id`), never from the button's value, which carries only the alert id.
 */
export function registerAlertActions(app: App, runtime: AlertRuntime, tasks: BackgroundTasks, logger: Logger): void {
  const change: Record<'acknowledge' | 'snooze', (id: number, actor: string) => Promise<LifecycleResult>> = {
    acknowledge: (id, actor) => runtime.acknowledge(id, actor),
    snooze: (id, actor) => runtime.snooze(id, actor),
  };
  const modals = { assign: assignModal, log: interventionModal };

  /** Runs one action on one alert after the ack: a compare-and-set change, or a modal opened with the trigger. */
  const perform = (
    kind: AlertMenuAction,
    id: number | null,
    ctx: { actor: string; triggerId: string; client: AnyClient; respond: RespondFn | undefined },
  ) => {
    tasks.run(`alert ${kind}`, async () => {
      if (kind === 'assign' || kind === 'log') {
        const alert = id === null ? null : await runtime.store.getAlert(id);
        if (alert === null) return tellIfUnchanged({ kind: 'not-found' }, ctx.respond);
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: modals[kind](alert) });
        return;
      }
      const result = id === null ? ({ kind: 'not-found' } as const) : await change[kind](id, ctx.actor);
      logger.info({ action: kind, alert: id, actor: ctx.actor, outcome: result.kind }, 'alert action');
      await tellIfUnchanged(result, ctx.respond);
    });
  };

  const buttons: [string, AlertMenuAction][] = [
    [ALERT_ACTIONS.acknowledge, 'acknowledge'],
    [ALERT_ACTIONS.snooze, 'snooze'],
    [ALERT_ACTIONS.assign, 'assign'],
    [ALERT_ACTIONS.logIntervention, 'log'],
  ];
  for (const [actionId, kind] of buttons) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, client, respond }) => {
      await ack();
      perform(kind, alertIdOf(action.value), {
        actor: body.user.id,
        triggerId: body.trigger_id,
        client,
        respond: body.container.type === 'message' ? respond : undefined,
      });
    });
  }

  // The per-line menu of overflow summaries: the same actions, chosen from `<action>:<alert id>`.
  app.action<BlockOverflowAction>(ALERT_MENU_ACTION, async ({ ack, action, body, client, respond }) => {
    await ack();
    const [kind = '', idText] = action.selected_option.value.split(':');
    if (!(ALERT_MENU_ACTIONS as readonly string[]).includes(kind)) return;
    perform(kind as AlertMenuAction, alertIdOf(idText), {
      actor: body.user.id,
      triggerId: body.trigger_id,
      client,
      respond,
    });
  });

  app.view<ViewSubmitAction>(ALERT_VIEWS.assign, async ({ ack, body, view }) => {
    const assignee = view.state.values[MODAL_INPUTS.assignee.block]?.[MODAL_INPUTS.assignee.action]?.selected_user;
    if (!assignee) {
      await ack({ response_action: 'errors', errors: { [MODAL_INPUTS.assignee.block]: 'Pick a person.' } });
      return;
    }
    await ack();
    const id = alertIdOf(view.private_metadata);
    tasks.run(ALERT_VIEWS.assign, async () => {
      const result = id === null ? 'not-found' : (await runtime.assign(id, body.user.id, assignee)).kind;
      logger.info({ action: 'assign', alert: id, actor: body.user.id, assignee, outcome: result }, 'alert action');
    });
  });

  app.view<ViewSubmitAction>(ALERT_VIEWS.logIntervention, async ({ ack, body, view }) => {
    const note = view.state.values[MODAL_INPUTS.note.block]?.[MODAL_INPUTS.note.action]?.value?.trim() ?? '';
    if (note === '') {
      await ack({ response_action: 'errors', errors: { [MODAL_INPUTS.note.block]: NOTE_REQUIRED } });
      return;
    }
    await ack();
    const id = alertIdOf(view.private_metadata);
    // The view id is unique per opened modal: a resubmitted (replayed) submission logs the note once.
    const requestKey = `view:${view.id}`;
    tasks.run(ALERT_VIEWS.logIntervention, async () => {
      const result =
        id === null ? 'not-found' : (await runtime.logIntervention(id, body.user.id, note, requestKey)).kind;
      logger.info({ action: 'log-intervention', alert: id, actor: body.user.id, outcome: result }, 'alert action');
    });
  });
}
