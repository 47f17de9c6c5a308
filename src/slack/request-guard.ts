import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';

/** Slack's window for a signed request's timestamp, both ways (Bolt itself only refuses old ones). */
export const SIGNATURE_WINDOW_SEC = 5 * 60;

/** The largest request body read before refusing it (Slack's payloads are far smaller). */
const BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export type GuardVerdict = 'pass' | 'future' | 'replayed';

/**
 * What Bolt's signature check leaves open: a signed request dated more than 5 minutes ahead (Bolt accepts any
 * future timestamp), and the same signed request sent again inside the window (Bolt answers it twice). Valid
 * signatures are remembered until their window closes, so a replay is refused; this covers one instance (several
 * instances behind a load balancer would each remember their own requests).
 */
export class RequestReplayGuard {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly signingSecret: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Judges a request Bolt would accept; anything Bolt refuses (bad or stale signature) passes on for Bolt to 401. */
  check(timestampHeader: string | undefined, signature: string | undefined, rawBody: string): GuardVerdict {
    const now = this.nowMs();
    this.#forgetExpired(now);
    const timestampSec = Number(timestampHeader);
    if (signature === undefined || !Number.isFinite(timestampSec)) return 'pass';
    const valid = isValidSlackRequest({
      signingSecret: this.signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSec },
      nowMilliseconds: now,
    });
    if (!valid) return 'pass';
    if (timestampSec * 1000 > now + SIGNATURE_WINDOW_SEC * 1000) return 'future';
    if (this.#seen.has(signature)) return 'replayed';
    this.#seen.set(signature, timestampSec * 1000 + SIGNATURE_WINDOW_SEC * 1000);
    return 'pass';
  }

  /** How many signatures are remembered (tests check the memory stays bounded). */
  get remembered(): number {
    return this.#seen.size;
  }

  #forgetExpired(now: number): void {
    for (const [signature, expiresAt] of this.#seen) if (expiresAt < now) this.#seen.delete(signature);
  }
}

/**
 * Wraps an HTTP receiver's request listener: reads the body once (Bolt reuses a `rawBody` it finds on the
 * request), refuses future-dated and replayed requests with 401, and hands everything else to Bolt.
 */
export function guardRequests(listener: RequestListener, guard: RequestReplayGuard): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      listener(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) {
        res.writeHead(413).end();
        return;
      }
      const rawBody = Buffer.concat(chunks);
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const verdict = guard.check(header('x-slack-request-timestamp'), header('x-slack-signature'), rawBody.toString());
      if (verdict !== 'pass') {
        res.writeHead(401).end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = rawBody;
      listener(req, res);
    });
  };
}
