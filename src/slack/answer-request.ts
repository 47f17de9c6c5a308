import type { RespondFn, webApi } from '@slack/bolt';
import type { AnyCommandDefinition } from '../commands/command-definition.js';
import { type CommandOutcome, runCommand } from '../commands/run-command.js';
import { isRadarError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { logRequest, type RequestOutcome } from '../logging.js';
import { type DeliveryResult, type DeliveryTarget, deliverPrivately, deliverToChannel } from './deliver-answer.js';
import { ASKED_BY, INTERNAL_ERROR, SHARE_NOT_POSSIBLE, SHARED_BY, SHARED_CONFIRMATION } from './messages.js';
import { offerThresholdEdit } from './rules/offer-threshold-edit.js';
import { encodeShareValue } from './share-button.js';
import type { ListenerDeps } from './slack-deps.js';

export interface AnswerRequest {
  readonly command: AnyCommandDefinition;
  /** The text after the command, as typed. */
  readonly text: string;
  readonly userId: string;
  readonly channelId: string;
  readonly client: webApi.WebClient;
  readonly respond: RespondFn;
  /** A slash command, or the Share button re-running one into its channel. */
  readonly via: 'command' | 'share';
  /** The asker's language, when the ack already looked it up; else it is looked up here. */
  readonly locale?: Locale;
}

/**
 * One request from start to log line: run the command (src/commands), deliver the answer (channel or private), and
 * map every failure to an ephemeral message. Never throws.
 */
export async function answerRequest(request: AnswerRequest, deps: ListenerDeps): Promise<RequestOutcome> {
  let result: RequestOutcome = 'internal_error';
  const done = deps.foreground?.begin();
  try {
    await answer(request, deps, (outcome) => {
      result = outcome;
    });
  } finally {
    done?.();
  }
  return result;
}

async function answer(
  request: AnswerRequest,
  deps: ListenerDeps,
  settled: (outcome: RequestOutcome) => void,
): Promise<void> {
  const started = deps.clock.now();
  const locale = request.locale ?? (await deps.readerLocales.localeOf(request.userId));
  // Radar's own notes follow the asker's language until the answer says which one it was written in (lang=).
  let t = translator(locale);
  const invocation = `${request.command.slash}${request.text.trim() === '' ? '' : ` ${request.text.trim()}`}`;
  const target: { -readonly [K in keyof DeliveryTarget]: DeliveryTarget[K] } = {
    client: request.client,
    respond: request.respond,
    userId: request.userId,
    channelId: request.channelId,
    invocation,
    renderer: deps.renderer,
    logger: deps.logger,
    t,
  };
  const finish = (outcome: RequestOutcome, extra: { code?: string; private?: boolean } = {}): void => {
    settled(outcome);
    logRequest(deps.logger, {
      command: request.via === 'share' ? `${request.command.slash} (share)` : request.command.slash,
      user: request.userId,
      channel: request.channelId,
      durationMs: deps.clock.now() - started,
      outcome,
      ...extra,
    });
  };
  const say = async (text: string): Promise<boolean> => {
    try {
      await request.respond({ response_type: 'ephemeral', replace_original: false, text });
      return true;
    } catch (error) {
      deps.logger.warn({ err: error, user: request.userId }, 'ephemeral reply failed');
      return false;
    }
  };

  const replaceOriginal = async (text: string): Promise<void> => {
    try {
      await request.respond({ response_type: 'ephemeral', replace_original: true, text });
    } catch (error) {
      deps.logger.warn({ err: error, user: request.userId }, 'replacing the private answer failed');
    }
  };

  let outcome: CommandOutcome;
  try {
    const context = { ...deps.contextFor({ userId: request.userId, channelId: request.channelId }), locale };
    outcome = deps.executor
      ? // What the messages show: a list's rows cross only when `list` attaches them (the button asks again).
        await deps.executor.run(request.command, request.text, context, { parts: 'shown' })
      : await runCommand(request.command, request.text, context);
  } catch (error) {
    if (isRadarError(error)) {
      const delivered = await say(error.messageIn(locale));
      finish(delivered ? (error.code === 'usage' ? 'usage' : 'data_error') : 'delivery_failed', { code: error.code });
      return;
    }
    deps.logger.error({ err: error, command: invocation }, 'command failed with an internal error');
    await say(INTERNAL_ERROR(t, invocation));
    finish('internal_error', { code: 'internal' });
    return;
  }

  if (outcome.kind === 'help') {
    finish((await say(outcome.text)) ? 'answered' : 'delivery_failed', { code: 'help' });
    return;
  }
  if (outcome.common.list === true) target.list = true;
  if (outcome.answer.locale !== undefined && outcome.answer.locale !== locale) {
    t = translator(outcome.answer.locale);
    target.t = t;
  }

  const isPrivate = request.via === 'command' && (outcome.common.private || deps.privateByDefault);
  let result: DeliveryResult;
  try {
    if (isPrivate) {
      const shareValue = encodeShareValue(invocation, request.channelId);
      result = await deliverPrivately(outcome.answer, target, {
        channelNote: false,
        ...(shareValue === undefined ? {} : { shareValue }),
      });
    } else {
      result = await deliverToChannel(outcome.answer, target, {
        attribution:
          request.via === 'share' ? SHARED_BY(t, request.userId, invocation) : ASKED_BY(t, request.userId, invocation),
        fallbackToPrivate: request.via === 'command',
      });
    }
  } catch (error) {
    deps.logger.error({ err: error, command: invocation }, 'delivering the answer failed unexpectedly');
    await say(INTERNAL_ERROR(t, invocation));
    finish('internal_error', { code: 'internal' });
    return;
  }

  if (request.via === 'share') {
    // Replacing the private answer removes its Share button, so it cannot be pressed into a second post.
    if (result.status === 'delivered') await replaceOriginal(SHARED_CONFIRMATION(t, request.channelId));
    if (result.status === 'cannot_post') await say(SHARE_NOT_POSSIBLE(t));
  }
  if (result.status === 'delivered') await offerThresholdEdit(request, deps, t);
  if (result.status === 'delivered') {
    finish('answered', {
      private: result.where === 'private',
      ...(result.notes.length > 0 ? { code: 'attachments_failed' } : {}),
    });
  } else {
    finish('delivery_failed', { code: result.code });
  }
}
