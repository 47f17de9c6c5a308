import type { App } from '@slack/bolt';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { WORKING_TEXT } from './messages.js';
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
}
