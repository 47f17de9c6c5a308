import type { TopLevelSpec } from 'vega-lite';

/** Re-exported so chart builders need only this module for their types. */
export type { TopLevelSpec } from 'vega-lite';

/** One chart an answer offers: a vega-lite spec plus the words a screen reader and a Slack upload need. */
export interface ChartDefinition {
  /** Stable id, also the PNG file name (`<id>.png`). */
  readonly id: string;
  readonly title: string;
  readonly altText: string;
  readonly spec: TopLevelSpec;
}
