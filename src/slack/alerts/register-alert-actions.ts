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
import { type Translate, translator } from '../../i18n/translate.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import type { ReaderLocales } from '../reader-locale.js';
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

/** Why a button press changed nothing, in the presser's language (from the alert as the store left it). */
export function unchangedText(t: Translate, kind: AlertMenuAction, result: LifecycleResult): string | null {
  if (result.kind === 'changed') return null;
  if (result.kind === 'not-found') return t('alerts.reply.notFound');
  const { alert } = result;
  if (alert.state === 'resolved') return t('alerts.reply.resolved');
  if (kind === 'acknowledge' && alert.acknowledgedBy !== null) {
    return t('alerts.reply.acknowledged', { user: alert.acknowledgedBy });
  }
  if (kind === 'snooze') return t('alerts.reply.snoozed');
  return t('alerts.reply.unchanged', { why: result.why });
}

function alertIdOf(value: string | undefined): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

async function tellIfUnchanged(
  kind: AlertMenuAction,
  result: LifecycleResult,
  respond: RespondFn | undefined,
  t: Translate,
): Promise<void> {
  const text = unchangedText(t, kind, result);
  if (respond === undefined || text === null) return;
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/**
 * The alert card's buttons and modals. Every listener acks first; the change runs afterwards as a compare-and-set
 * in the store (a double click changes the alert once and updates the card once), with the actor taken from the
 * signed payload (`body.user.id`), never from the button's value, which carries only the alert id.
 */
export function registerAlertActions(
  app: App,
  runtime: AlertRuntime,
  tasks: BackgroundTasks,
  logger: Logger,
  /** Modals and replies are in the presser's language. */
  readerLocales: ReaderLocales,
): void {
  const presser = async (userId: string) => translator(await readerLocales.localeOf(userId));
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
        // The alert is read first: a modal's trigger expires in 3 s, so the language lookup runs beside it.
        const [alert, t] = await Promise.all([id === null ? null : runtime.store.getAlert(id), presser(ctx.actor)]);
        if (alert === null) return tellIfUnchanged(kind, { kind: 'not-found' }, ctx.respond, t);
        await ctx.client.views.open({ trigger_id: ctx.triggerId, view: modals[kind](alert, t) });
        return;
      }
      const result = id === null ? ({ kind: 'not-found' } as const) : await change[kind](id, ctx.actor);
      logger.info({ action: kind, alert: id, actor: ctx.actor, outcome: result.kind }, 'alert action');
      if (result.kind !== 'changed' && ctx.respond !== undefined) {
        await tellIfUnchanged(kind, result, ctx.respond, await presser(ctx.actor));
      }
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
      const t = await presser(body.user.id);
      await ack({ response_action: 'errors', errors: { [MODAL_INPUTS.assignee.block]: t('alerts.reply.pickPerson') } });
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
      const t = await presser(body.user.id);
      await ack({ response_action: 'errors', errors: { [MODAL_INPUTS.note.block]: t('alerts.reply.noteRequired') } });
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
