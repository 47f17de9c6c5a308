import type { CohortBounds } from '../../analysis/conversion-cohort/cohort-inputs.js';
import type { ZoneOptions } from '../../analysis/zones/zone-rules.js';

export interface ConversionCohortOptions {
  readonly view: 'cohort' | 'zones';
  readonly bounds: CohortBounds;
  readonly zones: ZoneOptions;
  /** Red customers listed in the zones view's method part. */
  readonly reds: number;
}

/** The zones view lists this many reds, lowest score first. */
export const DEFAULT_REDS_LISTED = 20;
export const MAX_REDS_LISTED = 100;
