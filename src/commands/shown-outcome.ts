import { accountListLength, lazyAccountList } from './account-list.js';
import type { AccountList } from './command-answer.js';
import type { CommandOutcome } from './run-command.js';

/**
 * Which parts of an answer a caller reads. `whole`: everything (`--json`, the "List all N" button, /radar rules
 * previews). `shown`: what a Slack message shows: the account list's rows stay behind unless the command asked for
 * them (`list`, which attaches them as a CSV), and the structured `data` (for `--json`) is left out.
 */
export type AnswerParts = 'whole' | 'shown';

/**
 * An outcome as it crosses from the command worker to the main thread. For `shown`, a list whose rows stayed behind
 * crosses as its columns and `listRowCount` (the "List all N" button shows N): /priority's list of every customer is
 * a million rows at 1M (272 MB on the main thread per answer, and as much again serialised for the copy).
 */
export interface OutcomeReply {
  readonly outcome: CommandOutcome;
  readonly listRowCount?: number;
}

/** In the worker: the outcome reduced to `parts`, without building a lazy list's rows that are not sent. */
export function replyWithParts(outcome: CommandOutcome, parts: AnswerParts): OutcomeReply {
  if (parts === 'whole' || outcome.kind !== 'answer') return { outcome };
  const { answer } = outcome;
  const list = answer.lead?.list;
  const rowsLeftBehind = list !== undefined && outcome.common.list !== true;
  const lead =
    answer.lead === undefined || list === undefined || !rowsLeftBehind
      ? answer.lead
      : { ...answer.lead, list: { columns: list.columns, rows: [] } };
  return {
    outcome: { ...outcome, answer: { ...answer, data: null, ...(lead === undefined ? {} : { lead }) } },
    ...(rowsLeftBehind ? { listRowCount: accountListLength(list) } : {}),
  };
}

/**
 * On the main thread: the outcome with a list whose rows stayed behind made whole again as far as a message needs
 * it (its length). Reading its rows is a caller's mistake (it should have asked for `whole`), so it throws rather
 * than show an empty list.
 */
export function outcomeOfReply(reply: OutcomeReply): CommandOutcome {
  const { outcome, listRowCount } = reply;
  if (listRowCount === undefined || outcome.kind !== 'answer' || outcome.answer.lead?.list === undefined) {
    return outcome;
  }
  const list: AccountList = lazyAccountList(outcome.answer.lead.list.columns, listRowCount, () => {
    throw new Error('The rows of this account list stayed in the command worker: run the command for its whole answer');
  });
  return { ...outcome, answer: { ...outcome.answer, lead: { ...outcome.answer.lead, list } } };
}
