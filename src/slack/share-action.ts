import type { App, BlockButtonAction } from '@slack/bolt';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { SHARE_ACTION_ID, SHARE_EXPIRED } from './messages.js';
import { decodeShareValue } from './share-button.js';
import type { SlackAppDeps } from './slack-deps.js';

/**
 * The "Share in channel" button under a private answer: runs the command again (from the button's value) and posts
 * the answer in the channel it was asked in, attributed to whoever pressed the button (from the signed payload).
 */
export function registerShareAction(app: App, deps: SlackAppDeps, tasks: BackgroundTasks): void {
  app.action<BlockButtonAction>(SHARE_ACTION_ID, async ({ ack, action, body, client, respond }) => {
    await ack();
    const request = decodeShareValue(action.value);
    const [head = '', ...rest] = request?.text.split(/\s+/) ?? [];
    const command = deps.commands.find((c) => c.slash === head.toLowerCase());
    if (request === undefined || command === undefined) {
      tasks.run('share', async () => {
        await respond({ response_type: 'ephemeral', replace_original: false, text: SHARE_EXPIRED });
      });
      return;
    }
    tasks.run(`${command.slash} share`, () =>
      answerRequest(
        {
          command,
          text: rest.join(' '),
          userId: body.user.id,
          channelId: request.channel,
          client,
          respond,
          via: 'share',
        },
        deps,
      ),
    );
  });
}
