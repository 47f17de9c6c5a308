import type { CohortBounds } from '../../analysis/conversion-cohort/cohort-inputs.js';
import type { ZoneOptions } from '../../analysis/zones/zone-rules.js';
import type { ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';

export interface ConversionCohortOptions {
  readonly view: 'cohort' | 'zones';
  readonly bounds: CohortBounds;
  /** The zone options it runs with: the typed thresholds over the thresholds in force (defaults until it runs). */
  readonly zones: ZoneOptions;
  /** The thresholds typed (`red_below=45`), which override the thresholds in force. */
  readonly zoneOverrides: Partial<ZoneThresholds>;
  /** Red customers listed in the zones view's method part. */
  readonly reds: number;
}

/** The zones view lists this many reds, lowest score first. */
export const DEFAULT_REDS_LISTED = 20;
export const MAX_REDS_LISTED = 100;
