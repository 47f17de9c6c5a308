import type { DigestContent } from './digest/digest-types.js';

/**
 * What Radar decided to send, written to the outbox in the same transaction as the decision and delivered
 * afterwards. Messages about alerts carry ids, not text: they are rendered from the alert's state at delivery
 * time, so a late delivery never shows a stale state.
 */
export type OutboxMessage =
  /** The alert card in the alert channel; its ts is recorded on the alert. */
  | { readonly type: 'alert-post'; readonly alertId: number }
  /** chat.update of an alert's card (or of its summary, for alerts announced in one). */
  | { readonly type: 'alert-refresh'; readonly alertId: number }
  /** A baseline or overflow summary listing its alerts; its ts is recorded on the summary and its alerts. */
  | { readonly type: 'summary-post'; readonly summaryId: number }
  /** The 24 h reminder, in the thread of the message that announced the alerts. */
  | { readonly type: 'reminder'; readonly alertIds: readonly number[] }
  /** The 48 h escalation to the managers' channel. */
  | { readonly type: 'escalation'; readonly alertIds: readonly number[] }
  /** DM to the new assignee. */
  | { readonly type: 'assigned-dm'; readonly alertId: number; readonly assignee: string; readonly by: string }
  /** The weekly digest, to a manager by DM or as the channel copy. */
  | { readonly type: 'digest'; readonly to: DigestRecipient; readonly digest: DigestContent }
  /** The digest's charts, uploaded after its text. */
  | { readonly type: 'digest-charts'; readonly to: DigestRecipient; readonly digest: DigestContent }
  /** One line from Radar itself: a threshold change (alert channel) or a self-health notice (admin channel). */
  | { readonly type: 'radar-notice'; readonly to: 'alert' | 'admin'; readonly text: string };

export type DigestRecipient =
  | { readonly kind: 'manager'; readonly userId: string }
  | { readonly kind: 'channel'; readonly channel: string };

export type OutboxMessageType = OutboxMessage['type'];

/** One row of the outbox. */
export interface OutboxEntry {
  readonly id: number;
  /** Unique per decision (e.g. `alert-post:42`, `digest:U1:2026-W48`): enqueueing twice is a no-op. */
  readonly dedupeKey: string;
  readonly message: OutboxMessage;
  readonly createdAt: number;
  /** Delivery attempts started so far (including the current one once claimed). */
  readonly attempts: number;
  /**
   * Set when an earlier attempt never reported back (its instance died, or the call timed out): the start of that
   * attempt. The message may have landed; the transport looks for it (message metadata) before posting again.
   */
  readonly uncertainSince?: number | null;
}

/** Where a delivered message landed; recorded on the alert or summary for later chat.update calls. */
export interface DeliveryReceipt {
  readonly channel: string;
  readonly ts: string;
}

/** An entry for the outbox, before it has an id. */
export interface NewOutboxEntry {
  readonly dedupeKey: string;
  readonly message: OutboxMessage;
}
