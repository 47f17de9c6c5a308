import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertStore } from '../../src/alerts/alert-store.js';
import { drainOutbox, LEASE_MS } from '../../src/alerts/deliver-outbox.js';
import { createLogger } from '../../src/logging.js';
import { OUTBOX_EVENT_TYPE } from '../../src/slack/alerts/delivery-read-back.js';
import { createSlackTransport } from '../../src/slack/alerts/slack-transport.js';
import { fixedReaderLocales } from '../../src/slack/reader-locale.js';
import { customer, HOUR, openStore, STORE_KINDS, T0 } from '../alerts/alert-fixtures.js';
import { scan } from '../alerts/scan-helpers.js';
import { StubRenderer } from '../alerts/slack-harness.js';
import { FAKE_CHANNELS, FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';

const logger = createLogger({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A store with one individual alert enqueued at T0 (after a quiet first scan), and a transport on the fake. */
async function setup(kind: (typeof STORE_KINDS)[number], alertChannel: string = FAKE_CHANNELS.publicMember) {
  const clock = new ManualClock(T0);
  const fake = await FakeSlack.start({ clock });
  const t = await openStore(kind, T0 - HOUR);
  cleanups.push(async () => {
    await t.cleanup();
    await fake.stop();
  });
  // A short client timeout: the "timeout after Slack posted" case must fire quickly.
  const client = new webApi.WebClient(fake.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    timeout: 300,
  });
  const transport = createSlackTransport({
    client,
    store: t.store,
    channels: { alertChannel, escalationChannel: alertChannel, managers: [] },
    renderer: new StubRenderer(),
    now: () => clock.now(),
    logger,
    readerLocales: fixedReaderLocales('en'),
  });
  await scan(t.store, [customer('k@x.com', 'green')], T0 - HOUR);
  const outcome = await scan(t.store, [customer('k@x.com', 'green'), customer('r@x.com', 'red', { rank: 1 })], T0);
  const id = outcome?.created[0]?.id ?? -1;
  const drain = (at: number) => {
    clock.advance(at - clock.now());
    return drainOutbox(t.store, transport, () => at, logger);
  };
  return { fake, store: t.store as AlertStore, transport, id, drain };
}

describe.each(STORE_KINDS)('slack/alert delivery exactly once (%s store, fake Slack over HTTP)', (kind) => {
  it('posts with metadata naming the outbox entry and records the ts', async () => {
    const { fake, store, id, drain } = await setup(kind);
    expect((await drain(T0)).delivered).toBe(1);
    const [message] = fake.messagesIn(FAKE_CHANNELS.publicMember);
    expect(message?.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { entry: `alert-post:${id}` } });
    expect((await store.getAlert(id))?.messageTs).toBe(message?.ts);
    // Nothing was uncertain: no history read.
    expect(fake.calls.succeeded('conversations.history')).toHaveLength(0);
  });

  it('does not post again after a timeout that came after Slack had posted: reads history back, records that ts', async () => {
    const { fake, store, id, drain } = await setup(kind);
    fake.acceptThenHangNext('chat.postMessage');
    expect(await drain(T0)).toMatchObject({ delivered: 0, failed: 1 });
    expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
    expect((await store.getAlert(id))?.messageTs).toBeNull();
    // The retry (30 s later) looks before posting and finds its own post.
    expect(await drain(T0 + 60_000)).toMatchObject({ delivered: 1, failed: 0 });
    const messages = fake.messagesIn(FAKE_CHANNELS.publicMember);
    expect(messages).toHaveLength(1);
    expect(fake.calls.succeeded('chat.postMessage')).toHaveLength(0);
    const history = fake.calls.succeeded('conversations.history')[0]?.args;
    expect(['true', '1', true]).toContain(history?.include_all_metadata);
    expect((await store.getAlert(id))?.messageTs).toBe(messages[0]?.ts);
  });

  it('does not post again after a crash between Slack accepting the post and the store recording it', async () => {
    const { fake, store, transport, id, drain } = await setup(kind);
    // The "crashed" instance: it leased the entry and posted, then died before completeOutbox.
    const [entry] = await store.claimOutbox(T0, LEASE_MS, 20);
    if (entry === undefined) throw new Error('nothing to deliver');
    await transport.deliver(entry);
    expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
    // Another instance, once the lease expired.
    expect(await drain(T0 + LEASE_MS)).toMatchObject({ delivered: 1 });
    expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
    expect((await store.getAlert(id))?.messageTs).toBe(fake.messagesIn(FAKE_CHANNELS.publicMember)[0]?.ts);
  });

  it('posts again when the unknown attempt never reached Slack (history has no such post)', async () => {
    const { fake, store, drain } = await setup(kind);
    await store.claimOutbox(T0, LEASE_MS, 20); // leased, then the instance died before posting
    expect(await drain(T0 + LEASE_MS)).toMatchObject({ delivered: 1 });
    expect(fake.calls.succeeded('conversations.history')).toHaveLength(1);
    expect(fake.messagesIn(FAKE_CHANNELS.publicMember)).toHaveLength(1);
  });

  it('gives up at once on channel_not_found: dead letter, reported, never retried', async () => {
    const { fake, store, drain } = await setup(kind, 'C0DOESNOTEXIST');
    const result = await drain(T0);
    expect(result).toMatchObject({ delivered: 0, failed: 0 });
    expect(result.dead).toEqual([expect.stringMatching(/^alert-post:\d+: alert-post: channel_not_found$/)]);
    expect(await store.outboxCounts()).toMatchObject({ pending: 0, dead: 1 });
    expect(await drain(T0 + 2 * HOUR)).toMatchObject({ delivered: 0, failed: 0, dead: [] });
    expect(fake.calls.all().filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});
