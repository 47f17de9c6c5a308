import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { webClientOptions } from '../../src/slack/create-app.js';
import { RATE_LIMIT_JITTER_MS, SLACK_CALL_TIMEOUT_MS, safeRetryPolicy } from '../../src/slack/retry-policy.js';
import { FAKE_CHANNELS, FakeSlack } from '../helpers/fake-slack/index.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A WebClient with the production policy against the fake Slack; waits are recorded, not slept. */
async function clientWithRecordedWaits(): Promise<{ fake: FakeSlack; client: webApi.WebClient; waits: number[] }> {
  const fake = await FakeSlack.start();
  stops.push(() => fake.stop());
  const waits: number[] = [];
  const policy = safeRetryPolicy(
    {},
    {
      wait: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    },
  );
  const client = new webApi.WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: policy });
  return { fake, client, waits };
}

describe('slack/retry policy', () => {
  it('after a 429 waits what Retry-After said plus a small jitter, with no exponential backoff on top', async () => {
    const { fake, client, waits } = await clientWithRecordedWaits();
    fake.rateLimitNext('chat.postMessage', { times: 3, retryAfterSec: 0 });
    await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'hello' });
    expect(fake.calls.of('chat.postMessage').map((c) => c.status)).toEqual([429, 429, 429, 200]);
    // web-api itself waited the Retry-After (0 s here); the policy adds only the jitter: 0.5 × 250 ms each time.
    expect(waits).toEqual([RATE_LIMIT_JITTER_MS / 2, RATE_LIMIT_JITTER_MS / 2, RATE_LIMIT_JITTER_MS / 2]);
  });

  it('backs off exponentially (1 s, 2 s, 4 s with jitter) when Slack gives no Retry-After (503)', async () => {
    const { fake, client, waits } = await clientWithRecordedWaits();
    fake.serverErrorNext('chat.postMessage', { times: 3, status: 503 });
    await client.chat.postMessage({ channel: FAKE_CHANNELS.publicMember, text: 'hello' });
    expect(fake.calls.of('chat.postMessage').map((c) => c.status)).toEqual([503, 503, 503, 200]);
    expect(waits).toEqual([1500, 3000, 6000]);
  });

  it('gives each Web API call 20 s unless SLACK_TIMEOUT_MS says otherwise', () => {
    expect(SLACK_CALL_TIMEOUT_MS).toBe(20_000);
    expect(webClientOptions(loadConfig({})).timeout).toBe(20_000);
    expect(webClientOptions(loadConfig({ SLACK_TIMEOUT_MS: '1500' })).timeout).toBe(1500);
    expect(() => loadConfig({ SLACK_TIMEOUT_MS: '1.5' })).toThrow(
      'SLACK_TIMEOUT_MS must be a whole number of milliseconds such as 20000',
    );
  });
});
