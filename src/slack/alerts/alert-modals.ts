import type { Alert } from '../../alerts/alert-types.js';
import type { Translate } from '../../i18n/translate.js';
import type { KnownBlock } from '../block-types.js';
import { escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { ALERT_VIEWS, customerName, MODAL_INPUTS, zoneReason } from './alert-text.js';

/** Longest note Slack's plain-text input accepts here (and the store keeps). */
export const NOTE_MAX_LENGTH = 2000;

export interface ModalView {
  readonly type: 'modal';
  readonly callback_id: string;
  readonly private_metadata: string;
  readonly title: { readonly type: 'plain_text'; readonly text: string };
  readonly submit: { readonly type: 'plain_text'; readonly text: string };
  readonly close: { readonly type: 'plain_text'; readonly text: string };
  readonly blocks: KnownBlock[];
}

function intro(alert: Alert, t: Translate): KnownBlock {
  return mrkdwnSection(
    truncate(`*${customerName(t, alert.customer)}*\n${escapeMrkdwn(zoneReason(t, alert.customer))}`, 3000),
  );
}

/** An alert's modal: its id travels in private_metadata, the customer and reason come first, then one input. */
function alertModal(
  alert: Alert,
  t: Translate,
  callbackId: string,
  title: string,
  submit: string,
  input: KnownBlock,
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: String(alert.id),
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: t('alerts.modal.cancel') },
    blocks: [intro(alert, t), input],
  };
}

/** "Assign…" in the presser's language: a user picker (preset to the current assignee); the chosen person gets a DM. */
export function assignModal(alert: Alert, t: Translate): ModalView {
  return alertModal(alert, t, ALERT_VIEWS.assign, t('alerts.modal.assignTitle'), t('alerts.modal.assignSubmit'), {
    type: 'input',
    block_id: MODAL_INPUTS.assignee.block,
    label: { type: 'plain_text', text: t('alerts.modal.assignLabel') },
    element: {
      type: 'users_select',
      action_id: MODAL_INPUTS.assignee.action,
      placeholder: { type: 'plain_text', text: t('alerts.modal.assignPlaceholder') },
      ...(alert.assignee === null ? {} : { initial_user: alert.assignee }),
    },
  });
}

/** "Log intervention" in the presser's language: what was done; the first note meets the 48 h SLA. */
export function interventionModal(alert: Alert, t: Translate): ModalView {
  return alertModal(alert, t, ALERT_VIEWS.logIntervention, t('alerts.modal.logTitle'), t('alerts.modal.logSubmit'), {
    type: 'input',
    block_id: MODAL_INPUTS.note.block,
    label: { type: 'plain_text', text: t('alerts.modal.logLabel') },
    element: {
      type: 'plain_text_input',
      action_id: MODAL_INPUTS.note.action,
      multiline: true,
      max_length: NOTE_MAX_LENGTH,
      placeholder: { type: 'plain_text', text: t('alerts.modal.logPlaceholder') },
    },
  });
}
