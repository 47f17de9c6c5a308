import type { types } from '@slack/bolt';

/** Block Kit types, re-exported from the copy Bolt ships (no direct dependency on @slack/types). */
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;

/** One Slack message: Block Kit blocks plus the top-level `text` Slack uses for notifications and screen readers. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly KnownBlock[];
}

/** A file Radar attaches next to an answer (a chart PNG, a full table as CSV, or the rest of a long answer). */
export interface AttachmentFile {
  readonly filename: string;
  readonly title: string;
  readonly content: Buffer;
  /** Screen-reader text for images. */
  readonly altText?: string;
}
