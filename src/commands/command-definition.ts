import type { ZoneThresholds } from '../analysis/zones/zone-thresholds.js';
import type { Warehouse } from '../data/open-warehouse.js';
import type { TableId } from '../data/warehouse-schema.js';
import type { Locale } from '../i18n/locale.js';
import type { CommandAnswer } from './command-answer.js';
import type { CommandArgs, CommandSyntax } from './command-args.js';
import type { RadarStateSnapshot } from './radar-state.js';

/** Open alerts for a customer, as /customer shows them; provided by src/alerts when it runs. */
export interface OpenAlertSummary {
  readonly customerKey: string;
  readonly state: string;
  readonly detectedAt: string;
  readonly assignee: string | null;
}

export interface CommandContext {
  /** Opens (or returns the already open) warehouse; throws a typed error for a bad file. */
  readonly warehouse: () => Warehouse;
  /** The injected clock. */
  readonly now: () => Date;
  /** The reader's language (Slack: the asker's locale; CLI: --lang or RADAR_LANGUAGE); `lang=` overrides it. */
  readonly locale: Locale;
  /** Alert state, when the app runs with one (Slack or `radar scan`); absent in plain CLI use. */
  readonly openAlertsFor?: (customerKeys: readonly string[]) => OpenAlertSummary[];
  /** Radar's own state (thresholds in force, status), read from the store by the caller; absent without state. */
  readonly radarState?: () => Promise<RadarStateSnapshot>;
  /**
   * The zone thresholds in force (issue 18), read from Radar's state by the caller, so every command zones customers
   * as the red-zone scan does; absent without state = the defaults (zoneOptionsFor).
   */
  readonly zoneThresholds?: ZoneThresholds;
  /** RADAR_STALE_AFTER in ms: answers on older data carry a one-line warning; absent = not judged (the demo). */
  readonly staleAfterMs?: number;
}

/** Options every command accepts, handled by the runner, not by each command. */
export interface CommonOptions {
  /** How many charts to attach: the default (up to 3, most telling first), all, or none. */
  readonly charts: 'default' | 'all' | 'none';
  /** Deliver only to the asker (Slack). */
  readonly private: boolean;
  /** Give every account of the group (CLI: as CSV; Slack: in the thread with a CSV file). */
  readonly list?: boolean;
  /** `lang=zh` / `lang=en`: answer in this language instead of the reader's. */
  readonly locale?: Locale;
}

/** A table (and columns) a command reads; doctor uses these to say which commands can run. */
export interface TableRequirement {
  readonly table: TableId;
  readonly columns: readonly string[];
  /** When set, the command still runs without this table's rows, in the way described. */
  readonly fallback?: string;
}

export interface CommandDefinition<O> {
  /** The slash command, e.g. "/priority". */
  readonly slash: string;
  /** One line for help lists and the manifest. */
  readonly summary: string;
  readonly syntax: CommandSyntax;
  readonly examples: readonly string[];
  /** Longer help: what is computed and how (methods, thresholds, sources). */
  readonly help: readonly string[];
  readonly requirements: readonly TableRequirement[];
  parse(args: CommandArgs): O;
  run(options: O, context: CommandContext): CommandAnswer | Promise<CommandAnswer>;
}

/** Lets a registry hold commands with different option types. */
// biome-ignore lint/suspicious/noExplicitAny: the registry erases each command's option type on purpose.
export type AnyCommandDefinition = CommandDefinition<any>;
