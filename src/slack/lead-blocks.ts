import { accountListLength } from '../commands/account-list.js';
import type { AnswerLead, CommandAnswer } from '../commands/command-answer.js';
import { formatTable } from '../commands/present-text.js';
import { numberFormat } from '../format/number-format.js';
import type { Translate } from '../i18n/translate.js';
import { accountName } from '../vocabulary/glossary.js';
import type { KnownBlock } from './block-types.js';
import { ANSWER_ACTIONS, LIST_ALL_TEXT, METHOD_AND_DATA_TEXT, OPEN_CARD_TEXT } from './messages.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from './mrkdwn.js';

/** Slack's cap on a button's `value`. */
const BUTTON_VALUE_MAX = 2000;

/** What the "Method and data" and "List all N" buttons carry: the command to run again. */
export function encodeAnswerValue(command: string): string | undefined {
  const value = JSON.stringify({ v: 1, text: command });
  return value.length <= BUTTON_VALUE_MAX ? value : undefined;
}

export function decodeAnswerValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as { v?: unknown; text?: unknown };
    return parsed.v === 1 && typeof parsed.text === 'string' && parsed.text.startsWith('/') ? parsed.text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The main message in Block Kit: the takeaway, each named account with an "Open card" button, at most two compact
 * tables, the notes and the context line, then "Method and data" and (for a group) "List all N".
 */
export function leadBlocks(answer: CommandAnswer, lead: AnswerLead, t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [mrkdwnSection(`*${escapeMrkdwn(truncate(lead.takeaway, 2900))}*`)];
  if (lead.accounts.length > 0) {
    const total = lead.accountsTotal ?? lead.accounts.length;
    if (lead.accountsTitle) {
      const fmt = numberFormat(t.locale);
      const title =
        total > lead.accounts.length
          ? t('slack.accountsShown', {
              title: lead.accountsTitle,
              shown: fmt.count(lead.accounts.length),
              total: fmt.count(total),
            })
          : lead.accountsTitle;
      blocks.push(mrkdwnSection(`*${escapeMrkdwn(title)}*`));
    }
    lead.accounts.forEach((account, index) => {
      const name = accountName(account.organisation, account.email);
      const text = `${index + 1}. *${escapeMrkdwn(name)}* · ${escapeMrkdwn(account.why)}\n→ ${escapeMrkdwn(account.action)}`;
      const value = JSON.stringify({ v: 1, lookup: account.lookup });
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(text, 2900) },
        ...(value.length <= BUTTON_VALUE_MAX
          ? {
              accessory: {
                type: 'button',
                action_id: `${ANSWER_ACTIONS.openCard}_${index}`,
                text: { type: 'plain_text', text: OPEN_CARD_TEXT(t) },
                value,
              },
            }
          : {}),
      });
    });
  } else if (lead.noAccounts) {
    blocks.push(mrkdwnSection(escapeMrkdwn(lead.noAccounts)));
  }
  for (const section of lead.tables) {
    const lines = formatTable(section.table).map((l) => escapeMrkdwn(l.trimEnd()));
    for (const chunk of chunkLines(lines, 2900)) {
      blocks.push(mrkdwnSection(`*${escapeMrkdwn(section.title)}*\n\`\`\`\n${chunk}\n\`\`\``));
    }
  }
  if (lead.notes && lead.notes.length > 0) {
    for (const chunk of chunkLines(lead.notes.map(escapeMrkdwn), 2900)) blocks.push(mrkdwnSection(chunk));
  }
  blocks.push(contextBlock([escapeMrkdwn(truncate(lead.context, 2900))]));
  const value = encodeAnswerValue(answer.command);
  if (value !== undefined) {
    const elements: { type: 'button'; action_id: string; text: { type: 'plain_text'; text: string }; value: string }[] =
      [
        {
          type: 'button',
          action_id: ANSWER_ACTIONS.details,
          text: { type: 'plain_text', text: METHOD_AND_DATA_TEXT(t) },
          value,
        },
      ];
    if (lead.list !== undefined && accountListLength(lead.list) > 0) {
      elements.push({
        type: 'button',
        action_id: ANSWER_ACTIONS.list,
        text: { type: 'plain_text', text: LIST_ALL_TEXT(t, accountListLength(lead.list)) },
        value,
      });
    }
    blocks.push({ type: 'actions', block_id: 'radar_answer_actions', elements });
  }
  return blocks;
}
