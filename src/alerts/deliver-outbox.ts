import type { Logger } from '../logging.js';
import type { AlertStore } from './alert-store.js';
import type { DeliveryReceipt, OutboxEntry } from './outbox-types.js';

/**
 * Delivery guarantee: EXACTLY ONCE as seen in Slack, built from at-least-once plus a read-back.
 *
 * A decision and its outbox entry commit together, so a crash before delivery loses nothing: the entry is still
 * pending when any instance next drains (on start, then every minute). After a post succeeds its Slack ts is
 * recorded and the entry marked delivered in one transaction. A crash (or a timeout) after Slack accepted a post and
 * before that transaction leaves the attempt's outcome unknown; chat.postMessage has no idempotency key for bots,
 * so every post carries message metadata naming its entry, and the next attempt (`entry.uncertainSince`) first looks
 * for that metadata in the conversation since the unknown attempt began and records the ts it finds instead of
 * posting again. Mark-before-posting (at-most-once) is not an option: it can silently drop a red-zone alert.
 * Updates (chat.update) render the alert's current state, so replaying one is idempotent.
 *
 * Entries are leased (`LEASE_MS`) so two instances never deliver the same entry concurrently; a lease left by a
 * crashed instance expires and is taken over.
 */
export const LEASE_MS = 2 * 60_000;

/** Attempts before an entry goes to the dead letters (kept in the store with its last error). */
export const MAX_ATTEMPTS = 8;

const BATCH = 20;

/** How long a deferred entry waits before the next try. */
const DEFER_MS = 5_000;

/** Thrown by a transport when the entry cannot be delivered yet (e.g. a refresh before its post landed). */
export class DeliveryDeferred extends Error {
  override readonly name = 'DeliveryDeferred';
}

/** Thrown by a transport when retrying cannot help (e.g. the channel does not exist). */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

/** Thrown by a transport when the receiver answered that it did not deliver (e.g. rate limited): retry, no doubt. */
export class DeliveryRefused extends Error {
  override readonly name = 'DeliveryRefused';
}

/** Failures after which the message certainly did not go out; anything else (a timeout, a reset) may have. */
function outcomeKnown(error: unknown): boolean {
  return (
    error instanceof DeliveryDeferred || error instanceof PermanentDeliveryError || error instanceof DeliveryRefused
  );
}

export interface OutboxTransport {
  /** Sends one entry; returns where a post landed (recorded on the alert or summary), or null. */
  deliver(entry: OutboxEntry): Promise<DeliveryReceipt | null>;
}

export interface DrainResult {
  readonly delivered: number;
  readonly deferred: number;
  /** Failed attempts that will be retried. */
  readonly failed: number;
  /** Entries given up on in this drain (dead letters): "<message type>: <reason>" each. */
  readonly dead: readonly string[];
}

/** Backoff after the n-th failed attempt: 30 s, 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** Delivers every pending entry it can lease, oldest first, one at a time (Slack's ~1 post/s per channel). */
export async function drainOutbox(
  store: AlertStore,
  transport: OutboxTransport,
  now: () => number,
  logger: Logger,
): Promise<DrainResult> {
  let delivered = 0;
  let deferred = 0;
  let failed = 0;
  const dead: string[] = [];
  const seen = new Set<number>();
  for (;;) {
    const batch = (await store.claimOutbox(now(), LEASE_MS, BATCH)).filter((e) => !seen.has(e.id));
    if (batch.length === 0) break;
    for (const entry of batch) {
      seen.add(entry.id);
      try {
        const receipt = await transport.deliver(entry);
        await store.completeOutbox(entry.id, receipt, now());
        delivered++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof DeliveryDeferred) {
          deferred++;
          const giveUp = entry.attempts >= MAX_ATTEMPTS * 3;
          await store.failOutbox(entry.id, message, giveUp ? null : now() + DEFER_MS);
          continue;
        }
        const giveUp = error instanceof PermanentDeliveryError || entry.attempts >= MAX_ATTEMPTS;
        const retryAt = giveUp ? null : now() + retryDelayMs(entry.attempts);
        await store.failOutbox(entry.id, message, retryAt, !outcomeKnown(error));
        if (giveUp) {
          dead.push(`${entry.dedupeKey}: ${message}`);
          logger.error(
            { err: error, outbox: entry.dedupeKey, attempts: entry.attempts },
            `delivery failed permanently (${message}); the entry is kept as a dead letter and will not be retried`,
          );
        } else {
          failed++;
          logger.warn({ err: error, outbox: entry.dedupeKey, attempts: entry.attempts }, 'delivery failed; will retry');
        }
      }
    }
  }
  return { delivered, deferred, failed, dead };
}

/**
 * One drain at a time per process: a call while a drain runs makes that drain go round once more instead of
 * starting a second one (the lease already keeps instances apart; this keeps one process from racing itself).
 */
export class OutboxDrainer {
  #running: Promise<DrainResult> | null = null;
  #again = false;

  constructor(
    private readonly store: AlertStore,
    private readonly transport: OutboxTransport,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  drain(): Promise<DrainResult> {
    if (this.#running !== null) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      const total = { delivered: 0, deferred: 0, failed: 0, dead: [] as string[] };
      do {
        this.#again = false;
        const result = await drainOutbox(this.store, this.transport, this.now, this.logger);
        total.delivered += result.delivered;
        total.deferred += result.deferred;
        total.failed += result.failed;
        total.dead.push(...result.dead);
      } while (this.#again);
      return total;
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }
}
