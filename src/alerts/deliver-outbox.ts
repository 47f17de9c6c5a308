import type { Logger } from '../logging.js';
import type { AlertStore } from './alert-store.js';
import type { DeliveryReceipt, OutboxEntry } from './outbox-types.js';

/**
 * Delivery guarantee: AT LEAST ONCE, with a duplicate window of one round trip.
 *
 * A decision and its outbox entry commit together, so a crash before delivery loses nothing: the entry is still
 * pending when any instance next drains (on start, then every minute). After a post succeeds its Slack ts is
 * recorded and the entry marked delivered in one transaction. The only way to post twice is a crash after Slack
 * accepted the post and before that transaction; chat.postMessage has no idempotency key for bots (client_msg_id
 * is for user messages), so that window cannot be closed from our side. We accept it because the alternative,
 * at-most-once (mark before posting), can silently drop a red-zone alert, and a forgotten red customer is the
 * failure this feature exists to prevent; a rare duplicate is visible and harmless. Updates (chat.update) render the
 * alert's current state, so replaying one is idempotent.
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

export interface OutboxTransport {
  /** Sends one entry; returns where a post landed (recorded on the alert or summary), or null. */
  deliver(entry: OutboxEntry): Promise<DeliveryReceipt | null>;
}

export interface DrainResult {
  readonly delivered: number;
  readonly deferred: number;
  readonly failed: number;
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
        failed++;
        const dead = error instanceof PermanentDeliveryError || entry.attempts >= MAX_ATTEMPTS;
        await store.failOutbox(entry.id, message, dead ? null : now() + retryDelayMs(entry.attempts));
        logger.warn({ err: error, outbox: entry.dedupeKey, attempts: entry.attempts, dead }, 'alert delivery failed');
      }
    }
  }
  return { delivered, deferred, failed };
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
      const total = { delivered: 0, deferred: 0, failed: 0 };
      do {
        this.#again = false;
        const result = await drainOutbox(this.store, this.transport, this.now, this.logger);
        total.delivered += result.delivered;
        total.deferred += result.deferred;
        total.failed += result.failed;
      } while (this.#again);
      return total;
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }
}
