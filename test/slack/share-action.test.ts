import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import type { KnownBlock } from '../../src/slack/block-types.js';
import { SHARE_ACTION_ID, SHARED_CONFIRMATION } from '../../src/slack/messages.js';
import { FAKE_CHANNELS, FAKE_USERS } from '../helpers/fake-slack/index.js';
import { sendBlockActions, sendSlashCommand } from '../helpers/slack-requests.js';
import { startTinyRadar, type TinyRadar } from './tiny-radar.js';

const running: TinyRadar[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

const alice = FAKE_USERS.newYork;
const PRIVATE_ANSWER_TS = '1736153999.000001';

/** A private /tiny answer in `channel`; returns the Share button's value. */
async function privateAnswer(r: TinyRadar, channel: string): Promise<string> {
  await sendSlashCommand(r.target, { command: '/tiny', text: 'private', userId: alice, channelId: channel });
  await r.settle();
  const blocks = r.responsePosts()[0]?.blocks as KnownBlock[];
  const actions = blocks.find((b) => b.type === 'actions') as { elements: { value: string }[] };
  return actions.elements[0]?.value ?? '';
}

function press(r: TinyRadar, value: string, channel: string) {
  return sendBlockActions(r.target, {
    userId: alice,
    actions: [{ actionId: SHARE_ACTION_ID, value }],
    message: { channelId: channel, ts: PRIVATE_ANSWER_TS, ephemeral: true },
  });
}

describe('slack/share button (HTTP level)', () => {
  it('posts once when pressed twice, and replaces the private answer with "Shared in #channel"', async () => {
    const r = await startTinyRadar();
    running.push(r);
    const value = await privateAnswer(r, FAKE_CHANNELS.publicMember);
    const [first, second] = await Promise.all([
      press(r, value, FAKE_CHANNELS.publicMember),
      press(r, value, FAKE_CHANNELS.publicMember),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await r.settle();
    expect((await press(r, value, FAKE_CHANNELS.publicMember)).status).toBe(200);
    await r.settle();

    expect(r.fake.calls.succeeded('chat.postMessage')).toHaveLength(1);
    expect(r.command.runs).toBe(2);
    const replaced = r.responsePosts().filter((p) => p.replace_original === true);
    expect(replaced).toEqual([
      expect.objectContaining({ text: SHARED_CONFIRMATION(translator('en'), FAKE_CHANNELS.publicMember) }),
    ]);
  });

  it('lets the button work again when the share could not be posted (Radar not in a private channel)', async () => {
    const r = await startTinyRadar();
    running.push(r);
    const value = await privateAnswer(r, FAKE_CHANNELS.privateNotMember);
    await press(r, value, FAKE_CHANNELS.privateNotMember);
    await r.settle();
    await press(r, value, FAKE_CHANNELS.privateNotMember);
    await r.settle();
    // Both presses ran the command again (the first share failed, so the second was not ignored).
    expect(r.command.runs).toBe(3);
    expect(r.fake.messagesIn(FAKE_CHANNELS.privateNotMember)).toEqual([]);
  });
});
