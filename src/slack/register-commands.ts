import type { App } from '@slack/bolt';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { UNKNOWN_COMMAND, WORKING_TEXT } from './messages.js';
import type { SlackAppDeps } from './slack-deps.js';

/**
 * One listener per registered command. The listener acks at once (an ephemeral "working on it", so the asker sees
 * something within Slack's 3 s), then hands the work to a background task; nothing runs before the ack.
 */
export function registerCommands(app: App, deps: SlackAppDeps, tasks: BackgroundTasks): void {
  for (const command of deps.commands) {
    app.command(command.slash, async ({ ack, command: payload, client, respond }) => {
      const text = payload.text ?? '';
      await ack({ response_type: 'ephemeral', text: WORKING_TEXT(`${command.slash} ${text}`.trim()) });
      tasks.run(command.slash, () =>
        answerRequest(
          { command, text, userId: payload.user_id, channelId: payload.channel_id, client, respond, via: 'command' },
          deps,
        ),
      );
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
