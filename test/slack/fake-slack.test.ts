import { App, type BlockAction, LogLevel, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_CHANNELS,
  FAKE_TEAM,
  FAKE_USERS,
  FakeSlack,
  ManualClock,
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
  UPLOAD_METHOD,
} from '../helpers/fake-slack/index.js';
import {
  type SlackRequestTarget,
  sendAppHomeOpened,
  sendBlockActions,
  sendSlashCommand,
  sendUrlVerification,
  sendViewSubmission,
} from '../helpers/slack-requests.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Enough of a PNG for the fake: the magic, then an IHDR-sized tail. */
const PNG = Buffer.concat([PNG_MAGIC, Buffer.alloc(64, 7)]);

/** WebClient logs Slack's `response_metadata.messages`; the expected errors below would only be noise. */
const silentLogger: webApi.Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

function clientFor(fake: FakeSlack, options: webApi.WebClientOptions = {}): webApi.WebClient {
  return new webApi.WebClient(fake.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger,
    ...options,
  });
}

function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: { data?: { error?: string } }) => error.data?.error,
  );
}

function section(text: string) {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

describe('fake-slack', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;

  beforeEach(async () => {
    fake = await FakeSlack.start();
    client = clientFor(fake);
  });

  afterEach(async () => {
    await fake.stop();
  });

  describe('auth', () => {
    it('answers auth.test with the bot and team ids', async () => {
      const result = await client.auth.test();
      expect(result).toMatchObject({
        ok: true,
        user_id: FAKE_TEAM.botUserId,
        bot_id: FAKE_TEAM.botId,
        team_id: FAKE_TEAM.teamId,
        team: FAKE_TEAM.teamName,
      });
      const [call] = fake.calls.of('auth.test');
      expect(call?.headers.authorization).toBe(`Bearer ${fake.botToken}`);
      expect(call?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    });

    it('rejects a wrong token with invalid_auth and a missing one with not_authed', async () => {
      const stranger = new webApi.WebClient('xoxb-not-the-bot', {
        slackApiUrl: fake.apiUrl,
        retryConfig: { retries: 0 },
        logger: silentLogger,
      });
      expect(await errorCode(stranger.auth.test())).toBe('invalid_auth');
      const anonymous = await fetch(`${fake.apiUrl}auth.test`, { method: 'POST' });
      expect(await anonymous.json()).toEqual({ ok: false, error: 'not_authed' });
    });

    it('accepts JSON bodies as well as form bodies', async () => {
      const response = await fetch(`${fake.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fake.botToken}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ channel: FAKE_CHANNELS.publicMember, text: 'hi', blocks: [section('hi')] }),
      });
      expect(await response.json()).toMatchObject({ ok: true, channel: FAKE_CHANNELS.publicMember });
    });

    it('records which client made a call through its own API URL, and refuses a bad client name', async () => {
      const a = new webApi.WebClient(fake.botToken, {
        slackApiUrl: fake.apiUrlFor('A'),
        retryConfig: { retries: 0 },
        logger: silentLogger,
      });
      await a.auth.test();
      await client.auth.test();
      expect(fake.calls.of('auth.test').map((call) => call.client)).toEqual(['A', undefined]);
      expect(fake.apiUrlFor('B-2')).toBe(`${fake.baseUrl}/as/B-2/api/`);
      expect(() => fake.apiUrlFor('a/b')).toThrow(/client names are letters, digits and -/);
    });
  });

  describe('channel membership', () => {
    it('refuses a public channel until the bot joins it', async () => {
      const channel = FAKE_CHANNELS.publicNotMember;
      expect(await errorCode(client.chat.postMessage({ channel, text: 'hello' }))).toBe('not_in_channel');
      const joined = await client.conversations.join({ channel });
      expect(joined.channel?.is_member).toBe(true);
      const posted = await client.chat.postMessage({ channel, text: 'hello' });
      expect(posted.ok).toBe(true);
      expect(fake.messagesIn(channel).map((message) => message.text)).toEqual(['hello']);
    });

    it('cannot see or join a private channel it was not invited to', async () => {
      const channel = FAKE_CHANNELS.privateNotMember;
      expect(await errorCode(client.chat.postMessage({ channel, text: 'x' }))).toBe('channel_not_found');
      expect(await errorCode(client.conversations.join({ channel }))).toBe('channel_not_found');
      expect(await errorCode(client.conversations.info({ channel }))).toBe('channel_not_found');
      const member = await client.conversations.info({ channel: FAKE_CHANNELS.privateMember });
      expect(member.channel).toMatchObject({ is_private: true, is_member: true });
    });

    it('opens a DM per user and posts into it; a DM between two humans is out of reach', async () => {
      const opened = await client.conversations.open({ users: FAKE_USERS.shanghai });
      const dm = opened.channel?.id ?? '';
      expect(dm).toMatch(/^D/);
      expect((await client.conversations.open({ users: FAKE_USERS.shanghai })).channel?.id).toBe(dm);
      await client.chat.postMessage({ channel: dm, text: 'your digest' });
      expect(fake.messagesIn(dm)).toHaveLength(1);
      expect(await errorCode(client.chat.postMessage({ channel: FAKE_CHANNELS.humanDm, text: 'x' }))).toBe(
        'channel_not_found',
      );
    });

    it('reports each user time zone in users.info', async () => {
      const newYork = await client.users.info({ user: FAKE_USERS.newYork });
      const shanghai = await client.users.info({ user: FAKE_USERS.shanghai });
      expect(newYork.user?.tz).toBe('America/New_York');
      expect(shanghai.user).toMatchObject({ tz: 'Asia/Shanghai', tz_offset: 8 * 3600 });
      expect(await errorCode(client.users.info({ user: 'U0NOBODY001' }))).toBe('user_not_found');
    });

    it('reports a user locale only with include_locale, and as set per user', async () => {
      expect((await client.users.info({ user: FAKE_USERS.berlin })).user?.locale).toBeUndefined();
      expect((await client.users.info({ user: FAKE_USERS.berlin, include_locale: true })).user?.locale).toBe('en-US');
      fake.workspace.setLocale(FAKE_USERS.berlin, 'zh-CN');
      expect((await client.users.info({ user: FAKE_USERS.berlin, include_locale: true })).user?.locale).toBe('zh-CN');
      fake.workspace.setLocale(FAKE_USERS.berlin, 'en-US');
    });
  });

  describe('files.uploadV2', () => {
    it('stores the uploaded bytes and shares the file into the channel', async () => {
      const result = await client.filesUploadV2({
        channel_id: FAKE_CHANNELS.publicMember,
        file: PNG,
        filename: 'priority.png',
        title: 'Priority accounts',
        alt_text: 'Bar chart of priority accounts',
      });
      expect(result.ok).toBe(true);
      const [file] = [...fake.workspace.files.values()];
      expect(file?.id).toMatch(/^F[A-Z0-9]{8,}$/);
      expect(file).toMatchObject({
        state: 'completed',
        sharedTo: [FAKE_CHANNELS.publicMember],
        altText: 'Bar chart of priority accounts',
      });
      expect(fake.uploadedBytes(file?.id ?? '')?.subarray(0, 8)).toEqual(PNG_MAGIC);
      const upload = await fake.waitForCall(UPLOAD_METHOD);
      expect(upload.args).toMatchObject({ encoding: 'multipart', parts: [{ name: 'body', size: PNG.length }] });
      expect(fake.messagesIn(FAKE_CHANNELS.publicMember)[0]?.files).toEqual([file?.id]);
    });

    it('records a violation when an upload is completed without channel_id', async () => {
      const outcome = await errorCode(client.filesUploadV2({ file: PNG, filename: 'orphan.png' }));
      expect(outcome).toBe('invalid_arguments');
      expect(fake.violations).toEqual([expect.objectContaining({ rule: 'unshared_upload' })]);
    });

    it('rejects completing unknown or not-yet-uploaded files', async () => {
      const unknown = client.files.completeUploadExternal({
        files: [{ id: 'F0000NOPE01' }],
        channel_id: FAKE_CHANNELS.publicMember,
      });
      expect(await errorCode(unknown)).toBe('file_not_found');
      const reserved = await client.files.getUploadURLExternal({ filename: 'a.png', length: PNG.length });
      const early = client.files.completeUploadExternal({
        files: [{ id: reserved.file_id ?? '' }],
        channel_id: FAKE_CHANNELS.publicMember,
      });
      expect(await errorCode(early)).toBe('file_not_found');
    });

    it('refuses to share into a channel the bot is not in, leaving the file unshared', async () => {
      const outcome = await errorCode(
        client.filesUploadV2({ channel_id: FAKE_CHANNELS.publicNotMember, file: PNG, filename: 'x.png' }),
      );
      expect(outcome).toBe('not_in_channel');
      expect([...fake.workspace.files.values()][0]?.state).toBe('uploaded');
    });
  });

  describe('Block Kit limits', () => {
    const button = (text: string, extra: Record<string, unknown> = {}) => ({
      type: 'button',
      action_id: 'a',
      text: { type: 'plain_text', text },
      ...extra,
    });
    const invalid: Record<string, unknown[]> = {
      '51 blocks': Array.from({ length: 51 }, () => section('x')),
      'section text of 3001': [section('x'.repeat(3001))],
      '11 fields': [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
      'a field of 2001': [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2001) }] }],
      'header of 151': [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      '26 actions': [
        { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button('b', { action_id: `a${i}` })) },
      ],
      '11 context elements': [
        { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
      ],
      'button text of 76': [{ type: 'actions', elements: [button('b'.repeat(76))] }],
      'button value of 2001': [{ type: 'actions', elements: [button('b', { value: 'v'.repeat(2001) })] }],
      'action_id of 256': [{ type: 'actions', elements: [button('b', { action_id: 'a'.repeat(256) })] }],
      'block_id of 256': [{ ...section('x'), block_id: 'b'.repeat(256) }],
      'image without alt_text': [{ type: 'image', image_url: 'https://example.com/a.png' }],
      'image of an unshared file': [{ type: 'image', alt_text: 'chart', slack_file: { id: 'F0000NOPE01' } }],
    };

    it.each(Object.entries(invalid))('answers invalid_blocks for %s', async (_name, blocks) => {
      const result = await errorCode(
        client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 't', blocks: blocks as webApi.Block[] }),
      );
      expect(result).toBe('invalid_blocks');
    });

    it('answers msg_blocks_too_long past ~12,000 characters of block text', async () => {
      const blocks = Array.from({ length: 5 }, () => section('y'.repeat(2500)));
      const result = await errorCode(
        client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 't', blocks }),
      );
      expect(result).toBe('msg_blocks_too_long');
    });

    it('accepts 50 blocks in a message and 100 in the Home tab, not 101', async () => {
      const fifty = Array.from({ length: 50 }, () => section('z'));
      await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 't', blocks: fifty });
      const home = (count: number) =>
        client.views.publish({
          user_id: FAKE_USERS.newYork,
          view: { type: 'home', blocks: Array.from({ length: count }, () => section('h')) },
        });
      expect((await home(100)).ok).toBe(true);
      expect(await errorCode(home(101))).toBe('invalid_blocks');
      expect(fake.workspace.homeViews.get(FAKE_USERS.newYork)?.view.blocks).toHaveLength(100);
    });

    it('records a warning when blocks come without top-level text', async () => {
      await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, blocks: [section('only blocks')] });
      expect(fake.warnings).toEqual([expect.objectContaining({ method: 'chat.postMessage' })]);
    });
  });

  describe('failure switches', () => {
    it('rate-limits once, then the client retries by itself and the message is delivered once', async () => {
      const retrying = clientFor(fake, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
      fake.rateLimitNext('chat.postMessage', { retryAfterSec: 0 });
      const result = await retrying.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'once' });
      expect(result.ok).toBe(true);
      expect(fake.calls.of('chat.postMessage').map((call) => call.status)).toEqual([429, 200]);
      expect(fake.calls.succeeded('chat.postMessage')).toHaveLength(1);
      expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
    });

    it('surfaces a 429 as a request error when the client has no retries left', async () => {
      fake.rateLimitNext('chat.postMessage', { retryAfterSec: 0 });
      const failure = await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'x' }).catch((e) => e);
      expect(failure).toMatchObject({ code: webApi.ErrorCode.RequestError });
      expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(0);
    });

    it('serves 5xx, ok:false and hung calls on demand', async () => {
      fake.serverErrorNext('chat.postMessage', { status: 503 });
      const http = await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'x' }).catch((e) => e);
      expect(http).toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 503 });

      fake.errorNext('chat.postMessage', 'fatal_error');
      expect(await errorCode(client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'x' }))).toBe(
        'fatal_error',
      );

      fake.hangNext('users.info');
      const impatient = clientFor(fake, { timeout: 200 });
      const hung = await impatient.users.info({ user: FAKE_USERS.newYork }).catch((e) => e);
      expect(hung).toMatchObject({ code: webApi.ErrorCode.RequestError });
      expect((await fake.waitForCall('users.info')).status).toBe('hung');
    });
  });

  describe('response_url', () => {
    it('allows five uses, then answers 404 used_url', async () => {
      const url = fake.createResponseUrl({ channelId: FAKE_CHANNELS.privateNotMember, userId: FAKE_USERS.newYork });
      const post = (body: Record<string, unknown>) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      for (let i = 0; i < RESPONSE_URL_MAX_USES; i += 1) {
        expect((await post({ text: `reply ${i}`, response_type: i === 0 ? 'in_channel' : 'ephemeral' })).status).toBe(
          200,
        );
      }
      const sixth = await post({ text: 'one too many' });
      expect([sixth.status, await sixth.text()]).toEqual([404, 'used_url']);
      const state = fake.responseUrls.get(url);
      expect(state?.posts.map((p) => p.responseType)).toEqual([
        'in_channel',
        'ephemeral',
        'ephemeral',
        'ephemeral',
        'ephemeral',
      ]);
      // in_channel via response_url works even where the bot is not a member.
      expect(fake.messagesIn(FAKE_CHANNELS.privateNotMember)).toHaveLength(1);
    });

    it('expires 30 minutes after the interaction on the injected clock', async () => {
      await fake.stop();
      const clock = new ManualClock();
      fake = await FakeSlack.start({ clock });
      const url = fake.createResponseUrl();
      const post = () =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"late"}' });
      clock.advance(RESPONSE_URL_TTL_MS);
      expect((await post()).status).toBe(200);
      clock.advance(1);
      const late = await post();
      expect([late.status, await late.text()]).toEqual([404, 'expired_url']);
    });
  });
});

describe('fake-slack with a real Bolt app', () => {
  const signingSecret = 'radar-test-signing-secret';
  let fake: FakeSlack;
  let app: App;
  let target: SlackRequestTarget;
  let received: string[];

  beforeEach(async () => {
    received = [];
    fake = await FakeSlack.start();
    app = new App({
      signingSecret,
      token: fake.botToken,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/ping', async ({ ack, command, client }) => {
      await ack();
      await client.chat.postMessage({ channel: command.channel_id, text: `pong ${command.text}` });
    });
    app.action('ack_alert', async ({ ack, action, respond }) => {
      await ack();
      const value = action.type === 'button' ? action.value : undefined;
      await respond({ replace_original: true, text: `acknowledged ${value ?? ''}` });
    });
    app.view('log_intervention', async ({ ack, body, view }) => {
      await ack();
      received.push(`view ${body.user.id} ${view.state.values.note?.note_input?.value ?? ''}`);
    });
    app.action<BlockAction>('open_alerts', async ({ ack, body }) => {
      await ack();
      received.push(`home button ${body.user.id} ${body.container.type}`);
    });
    app.event('app_home_opened', async ({ event, client }) => {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section('Radar')] } });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    target = { url: `http://127.0.0.1:${port}/slack/events`, signingSecret, fake };
  });

  afterEach(async () => {
    await app.stop();
    await fake.stop();
  });

  it('acks a signed slash command and posts; a bad signature or a stale timestamp gets 401 and no post', async () => {
    const command = { command: '/ping', userId: FAKE_USERS.newYork, channelId: FAKE_CHANNELS.publicMember };
    expect((await sendSlashCommand(target, { ...command, text: 'forged' }, { wrongSecret: true })).status).toBe(401);
    expect((await sendSlashCommand(target, { ...command, text: 'stale' }, { staleTimestamp: true })).status).toBe(401);
    const accepted = await sendSlashCommand(target, { ...command, text: 'real' });
    expect(accepted.status).toBe(200);
    await fake.waitForCall('chat.postMessage');
    expect(fake.calls.of('chat.postMessage').map((call) => call.args.text)).toEqual(['pong real']);
    expect(fake.calls.of('auth.test')).toHaveLength(1);
  });

  it('routes a button click to its action and replaces the original message through the response_url', async () => {
    const alert = await new webApi.WebClient(fake.botToken, { slackApiUrl: fake.apiUrl }).chat.postMessage({
      channel: FAKE_CHANNELS.publicMember,
      text: 'Acme is red',
    });
    const ts = alert.ts ?? '';
    const response = await sendBlockActions(target, {
      userId: FAKE_USERS.newYork,
      actions: [{ actionId: 'ack_alert', value: 'alert-42' }],
      message: { channelId: FAKE_CHANNELS.publicMember, ts },
    });
    expect(response.status).toBe(200);
    await fake.waitForCall('response_url');
    expect(fake.workspace.findMessage(FAKE_CHANNELS.publicMember, ts)?.text).toBe('acknowledged alert-42');
  });

  it('publishes the Home tab on app_home_opened and answers url_verification', async () => {
    expect((await sendAppHomeOpened(target, FAKE_USERS.shanghai)).status).toBe(200);
    await fake.waitForCall('views.publish', (call) => call.args.user_id === FAKE_USERS.shanghai);
    const verification = await sendUrlVerification(target, 'challenge-123');
    expect(JSON.parse(verification.body)).toEqual({ challenge: 'challenge-123' });
  });

  it('delivers a modal submission and an App Home button click with the actor from the signed payload', async () => {
    const submitted = await sendViewSubmission(target, {
      userId: FAKE_USERS.berlin,
      callbackId: 'log_intervention',
      values: { note: { note_input: { type: 'plain_text_input', value: 'Called the CFO' } } },
    });
    const clicked = await sendBlockActions(target, {
      userId: FAKE_USERS.newYork,
      actions: [{ actionId: 'open_alerts' }],
    });
    expect([submitted.status, clicked.status]).toEqual([200, 200]);
    expect(received).toEqual([`view ${FAKE_USERS.berlin} Called the CFO`, `home button ${FAKE_USERS.newYork} view`]);
  });
});
