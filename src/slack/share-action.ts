import type { App, BlockButtonAction } from '@slack/bolt';
import { translator } from '../i18n/translate.js';
import { answerRequest } from './answer-request.js';
import type { BackgroundTasks } from './background-tasks.js';
import { SHARE_ACTION_ID, SHARE_EXPIRED } from './messages.js';
import { decodeShareValue } from './share-button.js';
import type { ListenerDeps } from './slack-deps.js';

/** How long a pressed Share button is remembered; the private answer it sits on is replaced long before. */
const SHARE_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * The "Share in channel" button under a private answer: runs the command again (from the button's value) and posts
 * the answer in the channel it was asked in, attributed to whoever pressed the button (from the signed payload).
 * Idempotent: a successful share replaces the private answer (and its button) with "Shared in #channel", and a
 * press of a button already being shared, or shared, is ignored (a double click, a slow replace). A share that
 * could not be posted forgets the press, so the button works again after Radar is invited.
 */
export function registerShareAction(app: App, deps: ListenerDeps, tasks: BackgroundTasks): void {
  const pressed = new Map<string, number>();
  app.action<BlockButtonAction>(SHARE_ACTION_ID, async ({ ack, action, body, client, respond }) => {
    await ack();
    const request = decodeShareValue(action.value);
    const [head = '', ...rest] = request?.text.split(/\s+/) ?? [];
    const command = deps.commands.find((c) => c.slash === head.toLowerCase());
    if (request === undefined || command === undefined) {
      tasks.run('share', async () => {
        const t = translator(await deps.readerLocales.localeOf(body.user.id));
        await respond({ response_type: 'ephemeral', replace_original: false, text: SHARE_EXPIRED(t) });
      });
      return;
    }
    const now = deps.clock.now();
    for (const [key, at] of pressed) if (now - at > SHARE_MEMORY_MS) pressed.delete(key);
    const key = shareKey(body, action.value ?? '');
    if (pressed.has(key)) {
      deps.logger.info({ user: body.user.id, command: command.slash }, 'share pressed again; already shared');
      return;
    }
    pressed.set(key, now);
    tasks.run(`${command.slash} share`, async () => {
      const outcome = await answerRequest(
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
      );
      if (outcome !== 'answered') pressed.delete(key);
    });
  });
}

/** One private answer's button, as pressed by one person: the message it sits on (ephemeral ones have a ts too). */
function shareKey(body: { user: { id: string }; container?: unknown }, value: string): string {
  const container = body.container as { channel_id?: unknown; message_ts?: unknown } | undefined;
  const where =
    typeof container?.message_ts === 'string' ? `${String(container.channel_id)}:${container.message_ts}` : '';
  return `${body.user.id}|${where}|${value}`;
}
