import type { App, BlockButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { CommandAnswer } from '../commands/command-answer.js';
import { formatAccountCsv } from '../commands/present-text.js';
import { resolveInvocation, runCommand } from '../commands/run-command.js';
import type { AnswerParts } from '../commands/shown-outcome.js';
import { isRadarError } from '../errors.js';
import { numberFormat } from '../format/number-format.js';
import { type Translate, translator } from '../i18n/translate.js';
import { layoutAnswer, layoutDetails, slug } from './answer-blocks.js';
import { uploadAttachments } from './attachments.js';
import type { BackgroundTasks } from './background-tasks.js';
import type { SlackMessage } from './block-types.js';
import { decodeAnswerValue } from './lead-blocks.js';
import { ANSWER_ACTIONS, BUTTON_EXPIRED, INTERNAL_ERROR, LIST_THREAD_TEXT, NO_LIST } from './messages.js';
import { postMessage } from './post-message.js';
import type { ListenerDeps } from './slack-deps.js';

/** Where a pressed button sits: a channel message (answer in its thread) or an ephemeral one (answer ephemerally). */
interface Container {
  readonly channelId: string;
  /** The message's ts; undefined for ephemeral messages, which have no thread. */
  readonly threadTs: string | undefined;
}

function containerOf(body: BlockButtonAction): Container | undefined {
  const container = (body as { container?: unknown }).container as
    | { channel_id?: string; message_ts?: string; is_ephemeral?: boolean }
    | undefined;
  const channelId = container?.channel_id ?? body.channel?.id;
  if (channelId === undefined) return undefined;
  return { channelId, threadTs: container?.is_ephemeral ? undefined : (container?.message_ts ?? body.message?.ts) };
}

/**
 * The buttons of an answer: "Method and data" posts the method part in the answer's thread, "List all N" posts every
 * account as a CSV there, and "Open card" shows the account's /customer card to whoever pressed it. Each re-runs the
 * command (answers are not stored), so the numbers are those of the current export.
 */
export function registerAnswerActions(app: App, deps: ListenerDeps, tasks: BackgroundTasks): void {
  app.action<BlockButtonAction>(ANSWER_ACTIONS.details, async ({ ack, action, body, client, respond }) => {
    await ack();
    tasks.run('answer details', async () => {
      const pressed = await pressedAnswer(body, decodeAnswerValue(action.value), respond, deps, 'shown');
      if (pressed === undefined) return;
      const { where, answer, t } = pressed;
      const layout = layoutDetails(answer, { maxMessages: 4, t });
      await post(client, respond, where, layout.messages, deps);
    });
  });

  app.action<BlockButtonAction>(ANSWER_ACTIONS.list, async ({ ack, action, body, client, respond }) => {
    await ack();
    tasks.run('answer list', async () => {
      // The one answer whose list rows are read: they cross from the command worker for this button only.
      const pressed = await pressedAnswer(body, decodeAnswerValue(action.value), respond, deps, 'whole');
      if (pressed === undefined) return;
      const { where, invocation, answer, t } = pressed;
      const list = answer.lead?.list;
      if (list === undefined) return tell(respond, NO_LIST(t, invocation), deps);
      const text = LIST_THREAD_TEXT(t, list.rows.length, invocation);
      await post(
        client,
        respond,
        where,
        [{ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }],
        deps,
      );
      const file = {
        filename: `${slug(invocation)}-all.csv`,
        title: t('slack.list.fileTitle', { invocation, count: numberFormat(t.locale).count(list.rows.length) }),
        content: Buffer.from(`\uFEFF${formatAccountCsv(list)}\r\n`, 'utf8'),
      };
      // Ephemeral answers keep their files private too: the CSV goes to the presser's DM with Radar.
      const channel =
        where.threadTs === undefined
          ? (await client.conversations.open({ users: body.user.id })).channel?.id
          : where.channelId;
      if (channel === undefined) return;
      const failure = await uploadAttachments(client, channel, [file], text, deps.logger, t);
      if (failure !== undefined) await tell(respond, failure, deps);
    });
  });

  app.action<BlockButtonAction>({ action_id: new RegExp(`^${ANSWER_ACTIONS.openCard}_\\d+$`) }, async (args) => {
    const { ack, action, body, respond } = args;
    await ack();
    tasks.run('open card', async () => {
      const lookup = decodeLookup(action.value);
      const pressed = await pressedAnswer(
        body,
        lookup === undefined ? undefined : `/customer ${lookup}`,
        respond,
        deps,
        'shown',
      );
      if (pressed === undefined) return;
      for (const message of layoutAnswer(pressed.answer, { maxMessages: 2, t: pressed.t }).messages) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: [...message.blocks],
        });
      }
    });
  });
}

function decodeLookup(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as { v?: unknown; lookup?: unknown };
    return parsed.v === 1 && typeof parsed.lookup === 'string' && parsed.lookup !== '' ? parsed.lookup : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer a pressed button stands for, re-run for the presser, with where the button sits; undefined (the
 * presser already told why) when the button no longer decodes or the command fails.
 */
async function pressedAnswer(
  body: BlockButtonAction,
  invocation: string | undefined,
  respond: RespondFn,
  deps: ListenerDeps,
  parts: AnswerParts,
): Promise<{ where: Container; invocation: string; answer: CommandAnswer; t: Translate } | undefined> {
  // The presser's language (a `lang=` in the command the button carries still wins, through runCommand).
  const presser = translator(await deps.readerLocales.localeOf(body.user.id));
  const where = containerOf(body);
  if (where === undefined || invocation === undefined) {
    await tell(respond, BUTTON_EXPIRED(presser), deps);
    return undefined;
  }
  const answer = await answerFor(invocation, body.user.id, where.channelId, respond, deps, presser, parts);
  if (answer === undefined) return undefined;
  return { where, invocation, answer, t: answer.locale === undefined ? presser : translator(answer.locale) };
}

async function answerFor(
  invocation: string,
  userId: string,
  channelId: string,
  respond: RespondFn,
  deps: ListenerDeps,
  t: Translate,
  parts: AnswerParts,
) {
  try {
    const { command, text } = resolveInvocation(invocation, deps.commands);
    const context = { ...deps.contextFor({ userId, channelId }), locale: t.locale };
    const outcome = deps.executor
      ? await deps.executor.run(command, text, context, { parts })
      : await runCommand(command, text, context);
    return outcome.kind === 'answer' ? outcome.answer : undefined;
  } catch (error) {
    if (isRadarError(error)) await tell(respond, error.messageIn(t.locale), deps);
    else {
      deps.logger.error({ err: error, command: invocation }, 'an answer button failed');
      await tell(respond, INTERNAL_ERROR(t, invocation), deps);
    }
    return undefined;
  }
}

async function post(
  client: webApi.WebClient,
  respond: RespondFn,
  where: Container,
  messages: readonly SlackMessage[],
  deps: ListenerDeps,
): Promise<void> {
  for (const message of messages) {
    try {
      if (where.threadTs === undefined) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: [...message.blocks],
        });
      } else {
        await postMessage(client, where.channelId, message, where.threadTs);
      }
    } catch (error) {
      deps.logger.warn({ err: error, channel: where.channelId }, 'posting an answer part failed');
      return;
    }
  }
}

async function tell(respond: RespondFn, text: string, deps: ListenerDeps): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not send an ephemeral note');
  }
}
