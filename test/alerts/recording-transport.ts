import type { OutboxTransport } from '../../src/alerts/deliver-outbox.js';
import type { DeliveryReceipt, OutboxEntry, OutboxMessage } from '../../src/alerts/outbox-types.js';

/** A transport that records what it was asked to send; posts "land" in channel C0ALERTS01 with increasing ts. */
export class RecordingTransport implements OutboxTransport {
  readonly sent: OutboxMessage[] = [];
  /** Every entry handed over, as claimed (attempts, uncertainSince). */
  readonly entries: OutboxEntry[] = [];
  #ts = 0;
  /** When set, the next delivery throws this (then the switch resets). */
  failNext: Error | null = null;

  async deliver(entry: OutboxEntry): Promise<DeliveryReceipt | null> {
    if (this.failNext !== null) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.sent.push(entry.message);
    this.entries.push(entry);
    const posts = ['alert-post', 'summary-post', 'reminder', 'escalation', 'assigned-dm', 'digest'];
    if (!posts.includes(entry.message.type)) return null;
    this.#ts += 1;
    return { channel: 'C0ALERTS01', ts: `1700000000.${String(this.#ts).padStart(6, '0')}` };
  }

  ofType<T extends OutboxMessage['type']>(type: T): Extract<OutboxMessage, { type: T }>[] {
    return this.sent.filter((m): m is Extract<OutboxMessage, { type: T }> => m.type === type);
  }

  clear(): void {
    this.sent.length = 0;
    this.entries.length = 0;
  }
}
