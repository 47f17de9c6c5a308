import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallLog } from './call-log.js';
import { type Clock, systemClock } from './clock.js';
import { type Failure, FailureSwitches } from './failure-switches.js';
import { type ParsedBody, parseBody, readRawBody } from './http-body.js';
import { fail, type MethodContext } from './methods/context.js';
import { METHODS } from './methods/index.js';
import { jsonReply, type Reply, textReply } from './reply.js';
import { type ResponseUrlDeps, respondToUrl } from './response-url-endpoint.js';
import { type ResponseUrlInit, ResponseUrls } from './response-urls.js';
import {
  type ApiArgs,
  type CallKind,
  RESPONSE_URL_METHOD,
  type RecordedCall,
  UPLOAD_METHOD,
  type Violation,
  type Warning,
} from './types.js';
import { describeUpload, receiveUpload } from './upload-endpoint.js';
import { type FakeChannelSeed, type FakeMessage, type FakeUserSeed, Workspace } from './workspace.js';

export const DEFAULT_BOT_TOKEN = 'xoxb-0000-radar-fake';

export interface FakeSlackOptions {
  /** The only token the fake accepts (`Authorization: Bearer <token>`). Must start with `xoxb-`. */
  readonly botToken?: string;
  /** Drives response_url expiry and message timestamps. Default: the system clock. */
  readonly clock?: Clock;
  /** Replace the default users (see `FAKE_USERS`). */
  readonly users?: readonly FakeUserSeed[];
  /** Replace the default channels (see `FAKE_CHANNELS`). */
  readonly channels?: readonly FakeChannelSeed[];
}

/**
 * An offline Slack for tests: a loopback `node:http` server speaking the Web API (`/api/<method>`), the
 * files.uploadV2 upload URLs (`/upload/v1/<file id>`) and response_urls (`/respond/<id>`). It keeps a small
 * workspace model, enforces the limits Radar has to live with, records every call, and can be told to fail.
 *
 * Point a WebClient or Bolt app at `fake.apiUrl` (`clientOptions: { slackApiUrl: fake.apiUrl }`).
 */
export class FakeSlack {
  readonly botToken: string;
  readonly clock: Clock;
  readonly workspace: Workspace;
  readonly calls = new CallLog();
  readonly failures = new FailureSwitches();
  readonly responseUrls: ResponseUrls;
  readonly violations: Violation[] = [];
  readonly warnings: Warning[] = [];
  readonly #server: Server;
  readonly #hung = new Set<ServerResponse>();
  #port = 0;

  private constructor(options: FakeSlackOptions) {
    this.botToken = options.botToken ?? DEFAULT_BOT_TOKEN;
    if (!this.botToken.startsWith('xoxb-')) throw new Error('fake-slack: botToken must be a bot token (xoxb-…)');
    this.clock = options.clock ?? systemClock;
    this.workspace = new Workspace(options.users, options.channels);
    this.responseUrls = new ResponseUrls(() => this.baseUrl, this.clock);
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-slack internal error: ${String(error)}`);
      });
    });
  }

  /** Starts a fake on 127.0.0.1 on a free port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const fake = new FakeSlack(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.#port = (fake.#server.address() as AddressInfo).port;
    return fake;
  }

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:<port>` */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** The `slackApiUrl` for WebClient / Bolt `clientOptions`: `http://127.0.0.1:<port>/api/`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /**
   * The same Web API under a per-client prefix, `http://127.0.0.1:<port>/as/<client>/api/`: calls through it are
   * recorded with `client`, so a test running several Radar processes knows which one made a call.
   */
  apiUrlFor(client: string): string {
    if (!/^[A-Za-z0-9-]+$/.test(client))
      throw new Error(`fake-slack: client names are letters, digits and -: ${client}`);
    return `${this.baseUrl}/as/${client}/api/`;
  }

  /** Resolves as soon as a call of `method` matching `predicate` is recorded (or already was). */
  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 2_000,
  ): Promise<RecordedCall> {
    return this.calls.waitFor(method, predicate, timeoutMs);
  }

  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSec` (0 makes retries instant). */
  rateLimitNext(method: string, { times = 1, retryAfterSec = 1 }: { times?: number; retryAfterSec?: number } = {}) {
    this.failures.failNext(method, { kind: 'rate_limited', retryAfterSec }, times);
  }

  /** The next `times` calls of `method` get a bare 5xx. */
  serverErrorNext(method: string, { times = 1, status = 503 }: { times?: number; status?: number } = {}) {
    this.failures.failNext(method, { kind: 'http_error', status }, times);
  }

  /** The next `times` calls of `method` are never answered (until `stop()`), so the client's timeout fires. */
  hangNext(method: string, { times = 1 }: { times?: number } = {}) {
    this.failures.failNext(method, { kind: 'hang' }, times);
  }

  /** The next `times` calls of `method` do their work (a post lands), then are never answered: a timeout after it. */
  acceptThenHangNext(method: string, { times = 1 }: { times?: number } = {}) {
    this.failures.failNext(method, { kind: 'accept_then_hang' }, times);
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  errorNext(method: string, error: string, { times = 1 }: { times?: number } = {}) {
    this.failures.failNext(method, { kind: 'api_error', error }, times);
  }

  /** A response_url for a slash command or interaction, `http://127.0.0.1:<port>/respond/<id>`. */
  createResponseUrl(init: ResponseUrlInit = {}): string {
    return this.responseUrls.create(init);
  }

  /** Bytes received by the upload URL of a file, if any. */
  uploadedBytes(fileId: string): Buffer | undefined {
    return this.workspace.files.get(fileId)?.bytes;
  }

  /** Messages visible in a channel (posts, shared uploads and in_channel responses), oldest first. */
  messagesIn(channel: string): FakeMessage[] {
    return this.workspace.messagesIn(channel);
  }

  /** Stops listening and drops open connections, including hung calls. */
  async stop(): Promise<void> {
    for (const res of this.#hung) res.destroy();
    this.#hung.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRawBody(req);
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const client = /^\/as\/([A-Za-z0-9-]+)\//.exec(path)?.[1];
    const [, root, ...rest] = (client === undefined ? path : path.slice(`/as/${client}`.length)).split('/');
    const target = rest.join('/');
    if (req.method !== 'POST') {
      this.#send(res, textReply(405, 'method_not_allowed'));
      return;
    }
    if (root === 'api' && target.length > 0) {
      await this.#dispatch(req, res, 'api', target, raw, (parsed) => this.#callMethod(target, req, parsed), client);
    } else if (root === 'upload' && rest[0] === 'v1' && rest[1] !== undefined) {
      const fileId = rest[1];
      await this.#dispatch(req, res, 'upload', UPLOAD_METHOD, raw, (parsed) =>
        receiveUpload(this.workspace, fileId, raw, parsed),
      );
    } else if (root === 'respond' && rest[0] !== undefined) {
      const id = rest[0];
      await this.#dispatch(req, res, 'response_url', RESPONSE_URL_METHOD, raw, (parsed) =>
        respondToUrl(this.#responseUrlDeps(), id, parsed),
      );
    } else {
      this.#send(res, textReply(404, 'not_found'));
    }
  }

  /** Parses the body, serves a queued failure if there is one, otherwise `answer`s; records the call either way. */
  async #dispatch(
    req: IncomingMessage,
    res: ServerResponse,
    kind: CallKind,
    method: string,
    raw: Buffer,
    answer: (parsed: ParsedBody) => Reply,
    client?: string,
  ): Promise<void> {
    let parsed: ParsedBody;
    try {
      parsed = await parseBody(raw, req.headers['content-type']);
    } catch (error) {
      const reply = kind === 'api' ? jsonReply(fail('invalid_form_data')) : textReply(400, 'invalid_payload');
      this.#send(res, reply);
      this.#record(
        kind,
        method,
        { raw: raw.toString('utf8'), parseError: String(error) },
        req,
        reply.status,
        reply,
        client,
      );
      return;
    }
    const args = kind === 'upload' ? describeUpload(parsed, raw) : parsed.args;
    const failure = kind === 'api' && this.#authError(req) !== undefined ? undefined : this.failures.take(method);
    if (failure?.kind === 'hang' || failure?.kind === 'accept_then_hang') {
      const done = failure.kind === 'accept_then_hang' ? answer(parsed) : undefined;
      this.#hung.add(res);
      res.on('close', () => this.#hung.delete(res));
      this.#record(kind, method, args, req, 'hung', done, client);
      return;
    }
    const reply = failure === undefined ? answer(parsed) : failureReply(failure);
    this.#send(res, reply);
    this.#record(kind, method, args, req, reply.status, reply, client);
  }

  #record(
    kind: CallKind,
    method: string,
    args: ApiArgs,
    req: IncomingMessage,
    status: number | 'hung',
    reply: Reply | undefined,
    client: string | undefined,
  ): void {
    this.calls.record({
      kind,
      method,
      args,
      headers: req.headers,
      ...(client === undefined ? {} : { client }),
      at: this.clock.now(),
      status,
      response: reply?.recorded,
    });
  }

  #send(res: ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, reply.headers);
    res.end(reply.body);
  }

  /** Slack's answer to a missing or wrong token: HTTP 200 with `not_authed` / `invalid_auth`. */
  #authError(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    if (header === undefined) return 'not_authed';
    const match = /^Bearer (xoxb-\S+)$/.exec(header);
    return match?.[1] === this.botToken ? undefined : 'invalid_auth';
  }

  #context(method: string, args: ApiArgs): MethodContext {
    return {
      method,
      args,
      workspace: this.workspace,
      clock: this.clock,
      baseUrl: this.baseUrl,
      violation: (rule, detail) => this.violations.push({ method, rule, detail, args }),
      warn: (message) => this.warnings.push({ method, message, args }),
    };
  }

  #responseUrlDeps(): ResponseUrlDeps {
    return {
      workspace: this.workspace,
      responseUrls: this.responseUrls,
      clock: this.clock,
      context: (args) => this.#context(RESPONSE_URL_METHOD, args),
    };
  }

  #callMethod(method: string, req: IncomingMessage, parsed: ParsedBody): Reply {
    const authError = this.#authError(req);
    if (authError !== undefined) return jsonReply(fail(authError));
    if (parsed.encoding === 'unsupported') return jsonReply(fail('invalid_form_data'));
    const handler = METHODS.get(method);
    if (handler === undefined) return jsonReply(fail('unknown_method'));
    return jsonReply(handler(this.#context(method, parsed.args)));
  }
}

function failureReply(failure: Exclude<Failure, { kind: 'hang' | 'accept_then_hang' }>): Reply {
  switch (failure.kind) {
    case 'rate_limited':
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(failure.retryAfterSec) },
        body: JSON.stringify({ ok: false, error: 'ratelimited' }),
        recorded: { ok: false, error: 'ratelimited' },
      };
    case 'http_error':
      return textReply(failure.status, `fake-slack: injected HTTP ${failure.status}`);
    case 'api_error':
      return jsonReply(fail(failure.error));
  }
}
