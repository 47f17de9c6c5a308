import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging.js';
import {
  createReaderLocales,
  READER_LOCALE_RETRY_MS,
  READER_LOCALE_TTL_MS,
  type ReaderLocales,
} from '../../src/slack/reader-locale.js';
import { FAKE_USERS, FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';

describe('slack/reader-locale: each reader’s language from users.info, cached', () => {
  let fake: FakeSlack;
  let clock: ManualClock;
  let locales: ReaderLocales;
  let log: string[];

  beforeAll(async () => {
    clock = new ManualClock();
    fake = await FakeSlack.start({ clock });
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.calls.clear();
    fake.failures.clear();
    fake.workspace.setLocale(FAKE_USERS.shanghai, 'zh-CN');
    fake.workspace.setLocale(FAKE_USERS.newYork, 'en-US');
    fake.workspace.setLocale(FAKE_USERS.berlin, 'de-DE');
    log = [];
    const client = new webApi.WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    locales = createReaderLocales({
      client,
      now: () => clock.now(),
      logger: createLogger({ level: 'info', destination: { write: (line: string) => log.push(line) } }),
      fallback: 'en',
    });
  });

  it('maps Slack’s locale: zh-CN → zh-CN, en-US → en, a language Radar does not write → the configured one', async () => {
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('zh-CN');
    expect(await locales.localeOf(FAKE_USERS.newYork)).toBe('en');
    expect(await locales.localeOf(FAKE_USERS.berlin)).toBe('en');
    // Traditional Chinese is another written form: not answered in Simplified characters.
    fake.workspace.addUser({ id: 'U0TAIPEI001', locale: 'zh-TW' });
    expect(await locales.localeOf('U0TAIPEI001')).toBe('en');
    const calls = fake.calls.of('users.info');
    expect(calls.map((c) => String(c.args.include_locale))).toEqual(['true', 'true', 'true', 'true']);
  });

  it('asks once per user within the TTL, and again after it', async () => {
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('zh-CN');
    fake.workspace.setLocale(FAKE_USERS.shanghai, 'en-GB');
    clock.advance(READER_LOCALE_TTL_MS - 1);
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('zh-CN');
    expect(fake.calls.of('users.info')).toHaveLength(1);
    clock.advance(1);
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('en');
    expect(fake.calls.of('users.info')).toHaveLength(2);
  });

  it('shares one call between concurrent lookups of the same user', async () => {
    const all = await Promise.all([1, 2, 3].map(() => locales.localeOf(FAKE_USERS.shanghai)));
    expect(all).toEqual(['zh-CN', 'zh-CN', 'zh-CN']);
    expect(fake.calls.of('users.info')).toHaveLength(1);
  });

  it('falls back to the configured language on any Slack error, logs it once, and asks again a minute later', async () => {
    fake.errorNext('users.info', 'missing_scope', { times: 2 });
    fake.serverErrorNext('users.info');
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('en');
    expect(await locales.localeOf(FAKE_USERS.newYork)).toBe('en');
    // Kept for a minute: no call, no log line.
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('en');
    expect(fake.calls.of('users.info')).toHaveLength(2);
    const warnings = log.filter((line) => line.includes('users.info failed'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('missing_scope');
    clock.advance(READER_LOCALE_RETRY_MS);
    // The 5xx is another error code: logged once too.
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('en');
    expect(log.filter((line) => line.includes('users.info failed'))).toHaveLength(2);
    clock.advance(READER_LOCALE_RETRY_MS);
    expect(await locales.localeOf(FAKE_USERS.shanghai)).toBe('zh-CN');
  });

  it('answers the fallback for a user Slack does not know (user_not_found)', async () => {
    expect(await locales.localeOf('U0NOBODY001')).toBe('en');
  });
});
