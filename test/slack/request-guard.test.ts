import { afterEach, describe, expect, it } from 'vitest';
import { RequestReplayGuard, SIGNATURE_WINDOW_SEC } from '../../src/slack/request-guard.js';
import { FAKE_CHANNELS, FAKE_USERS } from '../helpers/fake-slack/index.js';
import {
  buildSlashCommandFields,
  computeSlackSignature,
  sendSignedRequest,
  sendSlashCommand,
} from '../helpers/slack-requests.js';
import { startTinyRadar, TINY_SIGNING_SECRET, type TinyRadar } from './tiny-radar.js';

const running: TinyRadar[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop();
});

async function radar(): Promise<TinyRadar> {
  const r = await startTinyRadar();
  running.push(r);
  return r;
}

function slashBody(r: TinyRadar): string {
  const responseUrl = r.fake.createResponseUrl({ userId: FAKE_USERS.newYork, channelId: FAKE_CHANNELS.publicMember });
  const fields = buildSlashCommandFields(
    { command: '/tiny', userId: FAKE_USERS.newYork, channelId: FAKE_CHANNELS.publicMember },
    responseUrl,
  );
  return new URLSearchParams(fields).toString();
}

const FORM = 'application/x-www-form-urlencoded';

describe('slack/request guard (HTTP level)', () => {
  it('answers a signed request once and refuses the same request replayed within 5 minutes with 401', async () => {
    const r = await radar();
    const body = slashBody(r);
    const timestampSec = Math.floor(Date.now() / 1000);
    expect((await sendSignedRequest(r.target, body, FORM, { timestampSec })).status).toBe(200);
    await r.settle();
    expect((await sendSignedRequest(r.target, body, FORM, { timestampSec })).status).toBe(401);
    await r.settle();
    expect(r.command.runs).toBe(1);
    expect(r.fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
  });

  it('refuses a signed request dated more than 5 minutes in the future with 401, and accepts one a minute ahead', async () => {
    const r = await radar();
    const nowSec = Math.floor(Date.now() / 1000);
    const future = { command: '/tiny', userId: FAKE_USERS.newYork, channelId: FAKE_CHANNELS.publicMember };
    expect((await sendSlashCommand(r.target, future, { timestampSec: nowSec + 6 * 60 })).status).toBe(401);
    expect((await sendSlashCommand(r.target, future, { timestampSec: nowSec + 60 })).status).toBe(200);
    await r.settle();
    expect(r.command.runs).toBe(1);
  });

  it('remembers a signature only until its window closes, so memory stays bounded', () => {
    let now = 1_800_000_000_000;
    const guard = new RequestReplayGuard(TINY_SIGNING_SECRET, () => now);
    const timestampSec = now / 1000;
    const signature = computeSlackSignature(TINY_SIGNING_SECRET, timestampSec, 'a=1');
    expect(guard.check(String(timestampSec), signature, 'a=1')).toBe('pass');
    expect(guard.check(String(timestampSec), signature, 'a=1')).toBe('replayed');
    // A forged signature is left for Bolt to refuse, and never remembered.
    expect(guard.check(String(timestampSec), 'v0=00', 'a=1')).toBe('pass');
    expect(guard.remembered).toBe(1);
    now += (SIGNATURE_WINDOW_SEC + 1) * 1000;
    expect(guard.check(String(now / 1000), computeSlackSignature(TINY_SIGNING_SECRET, now / 1000, 'b=2'), 'b=2')).toBe(
      'pass',
    );
    expect(guard.remembered).toBe(1);
  });
});
