import type { App, BlockButtonAction, RespondFn, ViewSubmitAction } from '@slack/bolt';
import type { AlertRuntime } from '../../alerts/alert-runtime.js';
import type { LifecycleResult } from '../../alerts/alert-store.js';
import type { Logger } from '../../logging.js';
import type { BackgroundTasks } from '../background-tasks.js';
import { assignModal, interventionModal } from './alert-modals.js';
import { ALERT_ACTIONS, ALERT_VIEWS, MODAL_INPUTS } from './alert-text.js';

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
  const simple = (actionId: string, act: (id: number, actor: string) => Promise<LifecycleResult>) => {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const id = alertIdOf(action.value);
      const actor = body.user.id;
      tasks.run(actionId, async () => {
        const result = id === null ? ({ kind: 'not-found' } as const) : await act(id, actor);
        logger.info({ action: actionId, alert: id, actor, outcome: result.kind }, 'alert action');
        await tellIfUnchanged(result, body.container.type === 'message' ? respond : undefined);
      });
    });
  };
  simple(ALERT_ACTIONS.acknowledge, (id, actor) => runtime.acknowledge(id, actor));
  simple(ALERT_ACTIONS.snooze, (id, actor) => runtime.snooze(id, actor));

  const withModal = (actionId: string, modal: typeof assignModal) => {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, client, respond }) => {
      await ack();
      const id = alertIdOf(action.value);
      tasks.run(actionId, async () => {
        const alert = id === null ? null : await runtime.store.getAlert(id);
        if (alert === null) {
          await tellIfUnchanged({ kind: 'not-found' }, respond);
          return;
        }
        await client.views.open({ trigger_id: body.trigger_id, view: modal(alert) });
      });
    });
  };
  withModal(ALERT_ACTIONS.assign, assignModal);
  withModal(ALERT_ACTIONS.logIntervention, interventionModal);

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
