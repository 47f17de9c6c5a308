import type { ChartDefinition } from '../charts/chart-definition.js';
import type { Locale } from '../i18n/locale.js';

/** A small table in an answer; every cell is already formatted for people. */
export interface AnswerTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Right-align numeric columns; defaults to left. */
  readonly align?: readonly ('left' | 'right')[];
}

export type AnswerSection =
  | { readonly kind: 'text'; readonly title?: string; readonly lines: readonly string[] }
  | { readonly kind: 'table'; readonly title: string; readonly table: AnswerTable; readonly note?: string }
  /** A part of the analysis that could not be computed, and why ("not available because …"). */
  | { readonly kind: 'unavailable'; readonly title: string; readonly reason: string };

export interface ProvenanceTable {
  readonly table: string;
  readonly rowsInTable: number;
  readonly rowsUsed: number;
  /** How rows were reduced, e.g. "latest snapshot per email". */
  readonly reduction: string;
}

/** What every number was computed on: the honest footer of every answer. */
export interface Provenance {
  readonly tables: readonly ProvenanceTable[];
  /** Rows (customers) the headline figures describe. */
  readonly n: number;
  readonly filters: readonly string[];
  readonly thresholds: readonly string[];
  readonly dataDate: string | null;
  /** The data date as a time, for "data as of 16 Nov 2026". */
  readonly dataDateMs?: number | null;
  readonly qualityNotes: readonly string[];
}

/** One account the answer names: who, the one reason that matters, and what to do next. */
export interface NamedAccount {
  /** What /customer looks the account up by (the cleaned email, or the customer id). */
  readonly lookup: string;
  readonly organisation: string | null;
  readonly email: string | null;
  readonly why: string;
  readonly action: string;
}

/** A CSV cell: raw numbers (never display strings such as "$12.2k"), text, or empty. */
export type CsvCell = string | number | null;

/** Every account of the answer's group, in the order that matters, as raw values for "List all N". */
export interface AccountList {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/**
 * What a CSM reads first (the main message): the takeaway, the accounts to act on, at most two
 * compact tables and one context line. Everything else of the answer is the "Method and data" part.
 */
export interface AnswerLead {
  /** One line, plain words, the one number that matters. */
  readonly takeaway: string;
  /** Heading of the named accounts, e.g. "Act on these first (largest lifetime value at risk)". */
  readonly accountsTitle?: string;
  /** The top accounts to act on (5–10 for "who" commands); empty when none qualify. */
  readonly accounts: readonly NamedAccount[];
  /** How many accounts the group has in all (more than shown: the title says `list` gives them all). */
  readonly accountsTotal?: number;
  /** Said instead of the accounts when a "who" command has none to name. */
  readonly noAccounts?: string;
  /** Up to two tables of at most ~80 characters. */
  readonly tables: readonly Extract<AnswerSection, { kind: 'table' }>[];
  /** Short plain lines after the tables (e.g. "Why it happens: …"). */
  readonly notes?: readonly string[];
  /** One line: n, filters, thresholds that differ from the defaults, data date. */
  readonly context: string;
  /** Every account of the group, for `list` and the "List all N" button; absent for non-"who" answers. */
  readonly list?: AccountList;
}

export interface CommandAnswer {
  /** The invocation as understood, e.g. "/priority top 20 tier=Gold". */
  readonly command: string;
  readonly title: string;
  /**
   * The main message: what a Slack user sees and `radar ask` prints. Absent only for reports that are all
   * detail by nature (`/radar doctor`), which are then shown whole.
   */
  readonly lead?: AnswerLead;
  /** "Method and data": the analyst's summary (may use *bold*), its sections and the provenance. */
  readonly headline: string;
  readonly sections: readonly AnswerSection[];
  readonly provenance: Provenance;
  /** Charts to show, most telling first (already limited by `charts=`). */
  readonly charts: readonly ChartDefinition[];
  /** Charts left out by the `charts=` limit, so the presenter can say how to get them. */
  readonly chartsOmitted: number;
  /** Structured result (JSON-serialisable) for `--json` and for other modules. */
  readonly data: unknown;
  /** The language the answer is written in; runCommand sets it, presenters write their own words in it. */
  readonly locale?: Locale;
}
