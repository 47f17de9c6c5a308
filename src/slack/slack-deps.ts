import type { ChartRenderer } from '../charts/render-pool.js';
import type { AnyCommandDefinition, CommandContext } from '../commands/command-definition.js';
import type { CommandExecutor } from '../commands/command-pool.js';
import type { Translate } from '../i18n/translate.js';
import type { Logger } from '../logging.js';
import type { KnownBlock } from './block-types.js';
import type { ReaderLocales } from './reader-locale.js';
import type { RulesSlackDeps } from './rules/register-rules-actions.js';

/** Who asked, where: what a CommandContext may depend on (e.g. the asker's alerts). */
export interface RequestOrigin {
  readonly userId: string;
  readonly channelId: string;
}

/** Milliseconds since the epoch; injected so tests control durations and dates. */
export interface Clock {
  now(): number;
}

/** Everything the Slack app needs besides config; the composition root (serve.ts) or a test builds it. */
export interface SlackAppDeps {
  /** The command registry (src/commands/index.ts in production). */
  readonly commands: readonly AnyCommandDefinition[];
  /** The context a command runs with, per request. */
  readonly contextFor: (origin: RequestOrigin) => CommandContext;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly renderer: ChartRenderer;
  /** Where commands run: worker threads in production (so analysis never delays an ack); in-process by default. */
  readonly executor?: CommandExecutor;
  /** Answer privately unless asked otherwise (RADAR_PRIVATE_BY_DEFAULT). */
  readonly privateByDefault: boolean;
  /** Counts interactive requests in flight, so background work can wait for them (serve.ts); absent in tests. */
  readonly foreground?: { begin(): () => void };
  /** The "Your alerts" part of the Home tab, filled by the alerts module; absent → "not configured". */
  readonly homeAlertsSection?: (userId: string, t: Translate) => readonly KnownBlock[] | Promise<readonly KnownBlock[]>;
  /**
   * Each Slack user's language (users.info, cached). Absent: createSlackApp asks Slack with the app's own client and
   * falls back to config.language.
   */
  readonly readerLocales?: ReaderLocales;
  /** The zone-threshold button and modal (admins only); absent when Radar has no state (alerts off). */
  readonly rules?: RulesSlackDeps;
}

/** The deps every listener gets: the reader's language is always known (or the configured one). */
export type ListenerDeps = SlackAppDeps & { readonly readerLocales: ReaderLocales };
