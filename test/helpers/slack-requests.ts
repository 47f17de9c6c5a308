import { createHmac, randomBytes } from 'node:crypto';
import type { FakeSlack } from './fake-slack/index.js';
import { FAKE_TEAM } from './fake-slack/index.js';

/**
 * Builds and sends requests the way Slack sends them to an app's request URL, signed with the real algorithm
 * (`v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`), so Bolt's HTTPReceiver verifies them for real.
 */

/** Where to send: the Bolt receiver's `/slack/events` URL and its signing secret. */
export interface SlackRequestTarget {
  readonly url: string;
  readonly signingSecret: string;
  /** When given, slash commands and message actions get a response_url served by this fake. */
  readonly fake?: FakeSlack;
}

export interface SignOptions {
  /** Sign with a different secret than the target's (Bolt must answer 401). */
  readonly wrongSecret?: boolean;
  /** Use a timestamp 6 minutes old (Bolt rejects anything older than 5 minutes with 401). */
  readonly staleTimestamp?: boolean;
  /** Explicit `X-Slack-Request-Timestamp` in seconds; default now. */
  readonly timestampSec?: number;
}

export interface SlackHttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** Bolt's staleness window is 5 minutes; this is comfortably beyond it. */
export const STALE_TIMESTAMP_AGE_SEC = 6 * 60;

export function computeSlackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

function triggerId(): string {
  return `${Date.now()}.${randomBytes(6).toString('hex')}`;
}

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** POSTs a raw body, signed per `options`. Content types are sent exactly (Bolt compares them with `===`). */
export async function sendSignedRequest(
  target: SlackRequestTarget,
  rawBody: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignOptions = {},
): Promise<SlackHttpResponse> {
  const nowSec = Math.floor(Date.now() / 1000);
  const timestampSec = options.timestampSec ?? (options.staleTimestamp ? nowSec - STALE_TIMESTAMP_AGE_SEC : nowSec);
  const secret = options.wrongSecret ? `${target.signingSecret}-wrong` : target.signingSecret;
  const response = await fetch(target.url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestampSec),
      'x-slack-signature': computeSlackSignature(secret, timestampSec, rawBody),
    },
    body: rawBody,
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export interface SlashCommandInit {
  /** With the leading slash, e.g. `/priority`. */
  readonly command: string;
  readonly text?: string;
  readonly userId: string;
  readonly userName?: string;
  readonly channelId: string;
  /** Slack sends `privategroup` for private channels and `directmessage` for DMs. */
  readonly channelName?: string;
  /** Defaults to a fresh URL on `target.fake` (required if there is no fake). */
  readonly responseUrl?: string;
  readonly triggerId?: string;
}

/** The form fields Slack posts for a slash command. */
export function buildSlashCommandFields(init: SlashCommandInit, responseUrl: string): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM.teamId,
    team_domain: FAKE_TEAM.teamDomain,
    channel_id: init.channelId,
    channel_name: init.channelName ?? init.channelId.toLowerCase(),
    user_id: init.userId,
    user_name: init.userName ?? init.userId.toLowerCase(),
    command: init.command,
    text: init.text ?? '',
    api_app_id: FAKE_TEAM.apiAppId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: init.triggerId ?? triggerId(),
  };
}

function responseUrlFor(
  target: SlackRequestTarget,
  given: string | undefined,
  init: { channelId?: string; userId: string; messageTs?: string },
): string {
  if (given !== undefined) return given;
  if (target.fake === undefined) throw new Error('slack-requests: pass a responseUrl or a target with a fake');
  return target.fake.createResponseUrl({
    userId: init.userId,
    ...(init.channelId === undefined ? {} : { channelId: init.channelId }),
    ...(init.messageTs === undefined ? {} : { messageTs: init.messageTs }),
  });
}

/** Sends a slash command as a form body with content-type exactly `application/x-www-form-urlencoded`. */
export function sendSlashCommand(
  target: SlackRequestTarget,
  init: SlashCommandInit,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  const responseUrl = responseUrlFor(target, init.responseUrl, init);
  const body = formBody(buildSlashCommandFields(init, responseUrl));
  return sendSignedRequest(target, body, 'application/x-www-form-urlencoded', options);
}

export interface ButtonAction {
  readonly actionId: string;
  readonly blockId?: string;
  readonly value?: string;
  readonly text?: string;
}

export interface BlockActionsInit {
  readonly userId: string;
  readonly actions: readonly ButtonAction[];
  /** The message holding the buttons. Omit for App Home buttons (then give `homeViewId`). */
  readonly message?: {
    readonly channelId: string;
    readonly ts: string;
    /** The message's blocks; defaults to what the fake stored for (channelId, ts). */
    readonly blocks?: unknown;
    readonly text?: string;
    /** Buttons in an ephemeral message: Slack then sends no `message` object. */
    readonly ephemeral?: boolean;
  };
  readonly homeViewId?: string;
  /** Defaults to a fresh URL on `target.fake` tied to the container message (none for App Home). */
  readonly responseUrl?: string;
  readonly triggerId?: string;
}

/** The `payload` JSON of a `block_actions` interaction on buttons. */
export function buildBlockActionsPayload(
  init: BlockActionsInit,
  responseUrl: string | undefined,
  stored?: { text?: string; blocks?: unknown },
): Record<string, unknown> {
  const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
  const message = init.message;
  const payload: Record<string, unknown> = {
    type: 'block_actions',
    user: {
      id: init.userId,
      username: init.userId.toLowerCase(),
      name: init.userId.toLowerCase(),
      team_id: FAKE_TEAM.teamId,
    },
    api_app_id: FAKE_TEAM.apiAppId,
    token: 'legacy-verification-token',
    trigger_id: init.triggerId ?? triggerId(),
    team: { id: FAKE_TEAM.teamId, domain: FAKE_TEAM.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: init.actions.map((action) => ({
      type: 'button',
      action_id: action.actionId,
      block_id: action.blockId ?? `block-${action.actionId}`,
      text: { type: 'plain_text', text: action.text ?? action.actionId, emoji: true },
      ...(action.value === undefined ? {} : { value: action.value }),
      action_ts: actionTs,
    })),
  };
  if (message !== undefined) {
    payload.container = {
      type: 'message',
      message_ts: message.ts,
      channel_id: message.channelId,
      is_ephemeral: message.ephemeral ?? false,
    };
    payload.channel = { id: message.channelId, name: message.channelId.toLowerCase() };
    if (!message.ephemeral) {
      payload.message = {
        type: 'message',
        user: FAKE_TEAM.botUserId,
        bot_id: FAKE_TEAM.botId,
        ts: message.ts,
        text: message.text ?? stored?.text ?? '',
        blocks: message.blocks ?? stored?.blocks ?? [],
      };
    }
    payload.response_url = responseUrl;
  } else {
    const viewId = init.homeViewId ?? 'V0HOMEVIEW1';
    payload.container = { type: 'view', view_id: viewId };
    payload.view = { id: viewId, type: 'home', team_id: FAKE_TEAM.teamId, blocks: [], state: { values: {} } };
  }
  return payload;
}

/** Sends a `block_actions` interaction (`payload=<JSON>` form body). */
export function sendBlockActions(
  target: SlackRequestTarget,
  init: BlockActionsInit,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  const message = init.message;
  const responseUrl =
    message === undefined
      ? undefined
      : responseUrlFor(target, init.responseUrl, {
          userId: init.userId,
          channelId: message.channelId,
          messageTs: message.ts,
        });
  const stored = message === undefined ? undefined : target.fake?.workspace.findMessage(message.channelId, message.ts);
  const payload = buildBlockActionsPayload(init, responseUrl, stored);
  return sendSignedRequest(
    target,
    formBody({ payload: JSON.stringify(payload) }),
    'application/x-www-form-urlencoded',
    options,
  );
}

export interface ViewSubmissionInit {
  readonly userId: string;
  readonly callbackId: string;
  readonly privateMetadata?: string;
  /** `state.values`: block_id → action_id → element state, e.g. `{ note: { note_input: { type: 'plain_text_input', value: 'Called them' } } }`. */
  readonly values?: Record<string, Record<string, Record<string, unknown>>>;
  readonly viewId?: string;
}

export function buildViewSubmissionPayload(init: ViewSubmissionInit): Record<string, unknown> {
  const viewId = init.viewId ?? 'V0MODAL0001';
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM.teamId, domain: FAKE_TEAM.teamDomain },
    user: {
      id: init.userId,
      username: init.userId.toLowerCase(),
      name: init.userId.toLowerCase(),
      team_id: FAKE_TEAM.teamId,
    },
    api_app_id: FAKE_TEAM.apiAppId,
    token: 'legacy-verification-token',
    trigger_id: triggerId(),
    view: {
      id: viewId,
      team_id: FAKE_TEAM.teamId,
      type: 'modal',
      callback_id: init.callbackId,
      private_metadata: init.privateMetadata ?? '',
      state: { values: init.values ?? {} },
      hash: `${viewId}.hash`,
      title: { type: 'plain_text', text: 'Radar' },
      blocks: [],
      app_id: FAKE_TEAM.apiAppId,
      bot_id: FAKE_TEAM.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Sends a modal's `view_submission` (`payload=<JSON>` form body). */
export function sendViewSubmission(
  target: SlackRequestTarget,
  init: ViewSubmissionInit,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  const payload = buildViewSubmissionPayload(init);
  return sendSignedRequest(
    target,
    formBody({ payload: JSON.stringify(payload) }),
    'application/x-www-form-urlencoded',
    options,
  );
}

/** Wraps an event in the Events API `event_callback` envelope (JSON). */
export function buildEventEnvelope(event: Record<string, unknown>): Record<string, unknown> {
  const eventTime = Math.floor(Date.now() / 1000);
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM.teamId,
    api_app_id: FAKE_TEAM.apiAppId,
    event: { event_ts: `${eventTime}.000100`, ...event },
    type: 'event_callback',
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: eventTime,
    authorizations: [
      {
        enterprise_id: null,
        team_id: FAKE_TEAM.teamId,
        user_id: FAKE_TEAM.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function sendEvent(
  target: SlackRequestTarget,
  event: Record<string, unknown>,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  return sendSignedRequest(target, JSON.stringify(buildEventEnvelope(event)), 'application/json', options);
}

/** `app_home_opened` for the Home tab, as Slack sends it when a user opens the app. */
export function sendAppHomeOpened(
  target: SlackRequestTarget,
  userId: string,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  return sendEvent(
    target,
    { type: 'app_home_opened', user: userId, channel: `D0${userId.slice(1)}`, tab: 'home' },
    options,
  );
}

/** The handshake Slack sends when the Events request URL is saved; the app must echo `challenge`. */
export function sendUrlVerification(
  target: SlackRequestTarget,
  challenge: string,
  options?: SignOptions,
): Promise<SlackHttpResponse> {
  const body = JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' });
  return sendSignedRequest(target, body, 'application/json', options);
}
