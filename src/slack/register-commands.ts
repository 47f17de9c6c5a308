import type { App } from '@slack/bolt';
import type { AnyCommandDefinition } from '../commands/command-definition.js';
import { parseCommand } from '../commands/run-command.js';
import { isRadarError } from '../errors.js';
import { logRequest, type RequestOutcome } from '../logging.js';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { UNKNOWN_COMMAND, WORKING_TEXT } from './messages.js';
import type { SlackAppDeps } from './slack-deps.js';

/**
 * One listener per registered command. It parses the text first (zod, no I/O: well inside Slack's 3 s): `help` and
 * a usage mistake are the ack's own ephemeral reply, with nothing after it. Real work is acked with an ephemeral
 * "Working on …" and handed to a background task; no analysis runs before the ack.
 */
export function registerCommands(app: App, deps: SlackAppDeps, tasks: BackgroundTasks): void {
  for (const command of deps.commands) {
    app.command(command.slash, async ({ ack, command: payload, client, respond }) => {
      const text = payload.text ?? '';
      const started = deps.clock.now();
      const immediate = immediateReply(command, text);
      if (immediate !== null) {
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
      await ack({ response_type: 'ephemeral', text: WORKING_TEXT(`${command.slash} ${text}`.trim()) });
      tasks.run(command.slash, async () => {
        await answerRequest(
          { command, text, userId: payload.user_id, channelId: payload.channel_id, client, respond, via: 'command' },
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
    await ack({ response_type: 'ephemeral', text: UNKNOWN_COMMAND(payload.command, [...known]) });
  });
}

/** The reply a command gets in its ack when parsing alone answers it (help, a usage mistake); null for real work. */
function immediateReply(
  command: AnyCommandDefinition,
  text: string,
): { text: string; outcome: RequestOutcome; code: string } | null {
  try {
    const parsed = parseCommand(command, text);
    return parsed.kind === 'help' ? { text: parsed.text, outcome: 'answered', code: 'help' } : null;
  } catch (error) {
    // Anything but a usage mistake is left to the full run, which reports it with the usual care.
    if (isRadarError(error) && error.code === 'usage')
      return { text: error.userMessage, outcome: 'usage', code: 'usage' };
    return null;
  }
}
