import type { Alert } from '../../alerts/alert-types.js';
import type { KnownBlock } from '../block-types.js';
import { escapeMrkdwn, mrkdwnSection, truncate } from '../mrkdwn.js';
import { ALERT_VIEWS, customerName, MODAL_INPUTS } from './alert-text.js';

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

function intro(alert: Alert): KnownBlock {
  return mrkdwnSection(truncate(`*${customerName(alert.customer)}*\n${escapeMrkdwn(alert.customer.reason)}`, 3000));
}

/** An alert's modal: its id travels in private_metadata, the customer and reason come first, then one input. */
function alertModal(alert: Alert, callbackId: string, title: string, submit: string, input: KnownBlock): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: String(alert.id),
    title: { type: 'plain_text', text: title },
    submit: { type: 'plain_text', text: submit },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [intro(alert), input],
  };
}

/** "Assign…": a user picker (preset to the current assignee); the chosen person gets a DM. */
export function assignModal(alert: Alert): ModalView {
  return alertModal(alert, ALERT_VIEWS.assign, 'Assign alert', 'Assign', {
    type: 'input',
    block_id: MODAL_INPUTS.assignee.block,
    label: { type: 'plain_text', text: 'Who takes it?' },
    element: {
      type: 'users_select',
      action_id: MODAL_INPUTS.assignee.action,
      placeholder: { type: 'plain_text', text: 'Pick a person' },
      ...(alert.assignee === null ? {} : { initial_user: alert.assignee }),
    },
  });
}

/** "Log intervention": what was done; the first note meets the 48 h SLA. */
export function interventionModal(alert: Alert): ModalView {
  return alertModal(alert, ALERT_VIEWS.logIntervention, 'Log intervention', 'Log it', {
    type: 'input',
    block_id: MODAL_INPUTS.note.block,
    label: { type: 'plain_text', text: 'What did you do?' },
    element: {
      type: 'plain_text_input',
      action_id: MODAL_INPUTS.note.action,
      multiline: true,
      max_length: NOTE_MAX_LENGTH,
      placeholder: { type: 'plain_text', text: 'e.g. Called the CFO, agreed a usage review on Friday' },
    },
  });
}
