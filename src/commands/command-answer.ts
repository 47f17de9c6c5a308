import type { ChartDefinition } from '../charts/chart-definition.js';

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
  readonly qualityNotes: readonly string[];
}

export interface CommandAnswer {
  /** The invocation as understood, e.g. "/priority top 20 tier=Gold". */
  readonly command: string;
  readonly title: string;
  /** Two or three sentences a CSM reads first. Uses *bold* for emphasis (Slack mrkdwn). */
  readonly headline: string;
  readonly sections: readonly AnswerSection[];
  readonly provenance: Provenance;
  /** Charts to show, most telling first (already limited by `charts=`). */
  readonly charts: readonly ChartDefinition[];
  /** Charts left out by the `charts=` limit, so the presenter can say how to get them. */
  readonly chartsOmitted: number;
  /** Structured result (JSON-serialisable) for `--json` and for other modules. */
  readonly data: unknown;
}
