import type { App } from '@slack/bolt';
import type { AnyCommandDefinition } from '../commands/command-definition.js';
import { parseCommand } from '../commands/run-command.js';
import { isRadarError } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { logRequest, type RequestOutcome } from '../logging.js';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { UNKNOWN_COMMAND, WORKING_TEXT } from './messages.js';
import { localeWithin } from './reader-locale.js';
import type { ListenerDeps } from './slack-deps.js';

/** How long an ack waits for the asker's language from Slack before answering in the configured one. */
export const ACK_LOCALE_BUDGET_MS = 1_000;

/**
 * One listener per registered command. It parses the text first (zod, no I/O: well inside Slack's 3 s): `help` and
 * a usage mistake are the ack's own ephemeral reply, with nothing after it. Real work is acked with an ephemeral
 * "Working on …" and handed to a background task; no analysis runs before the ack.
 */
export function registerCommands(app: App, deps: ListenerDeps, tasks: BackgroundTasks): void {
  for (const command of deps.commands) {
    app.command(command.slash, async ({ ack, command: payload, client, respond }) => {
      const text = payload.text ?? '';
      const started = deps.clock.now();
      const locale = await localeWithin(deps.readerLocales, payload.user_id, ACK_LOCALE_BUDGET_MS);
      const immediate = immediateReply(command, text, locale);
      if (immediate.kind === 'reply') {
        await ack({ response_type: 'ephemeral', text: immediate.text });
        logRequest(deps.logger, {
          command: command.slash,
          user: payload.user_id,
          channel: payload.channel_id,
          durationMs: deps.clock.now() - started,
          outcome: immediate.outcome,
          code: immediate.code,
        });
        return;
      }
      // `lang=` on the command speaks for the asker from the first word Radar says back.
      await ack({
        response_type: 'ephemeral',
        text: WORKING_TEXT(translator(immediate.locale ?? locale), `${command.slash} ${text}`.trim()),
      });
      tasks.run(command.slash, async () => {
        await answerRequest(
          {
            command,
            text,
            userId: payload.user_id,
            channelId: payload.channel_id,
            client,
            respond,
            via: 'command',
            locale,
          },
          deps,
        );
      });
    });
  }
  // The manifest can name a command this deployment does not have yet (an older build behind a newer manifest):
  // answer it instead of letting Bolt time out into Slack's "operation_timeout".
  const known = new Set(deps.commands.map((c) => c.slash));
  app.command(/^\/.+/, async ({ ack, command: payload }) => {
    if (known.has(payload.command)) return;
    deps.logger.warn({ command: payload.command, user: payload.user_id }, 'slash command not in the registry');
    const locale = await localeWithin(deps.readerLocales, payload.user_id, ACK_LOCALE_BUDGET_MS);
    await ack({ response_type: 'ephemeral', text: UNKNOWN_COMMAND(translator(locale), payload.command, [...known]) });
  });
}

/**
 * The reply a command gets in its ack when parsing alone answers it (help, a usage mistake); for real work, the
 * language the command asked for with `lang=`, if it did.
 */
function immediateReply(
  command: AnyCommandDefinition,
  text: string,
  locale: Locale,
):
  | { kind: 'reply'; text: string; outcome: RequestOutcome; code: string }
  | { kind: 'run'; locale?: Locale | undefined } {
  try {
    const parsed = parseCommand(command, text, locale);
    return parsed.kind === 'help'
      ? { kind: 'reply', text: parsed.text, outcome: 'answered', code: 'help' }
      : { kind: 'run', locale: parsed.common.locale };
  } catch (error) {
    // Anything but a usage mistake is left to the full run, which reports it with the usual care.
    if (isRadarError(error) && error.code === 'usage')
      return { kind: 'reply', text: error.messageIn(locale), outcome: 'usage', code: 'usage' };
    return { kind: 'run' };
  }
}
