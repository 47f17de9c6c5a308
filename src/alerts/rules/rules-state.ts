import type { ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import type { NewOutboxEntry } from '../outbox-types.js';

/** The zone thresholds the scan uses, and who set them; `changedBy` null = never changed (the defaults). */
export interface ThresholdsInForce {
  readonly thresholds: ZoneThresholds;
  readonly changedBy: string | null;
  readonly changedAt: number | null;
  /** Bumped by every change (0 = defaults). */
  readonly version: number;
}

/** One recorded change: who, when, old → new. */
export interface ThresholdChange {
  readonly id: number;
  readonly changedBy: string;
  readonly changedAt: number;
  readonly before: ZoneThresholds;
  readonly after: ZoneThresholds;
}

export interface ThresholdChangeRequest {
  readonly actor: string;
  readonly now: number;
  readonly thresholds: ZoneThresholds;
  /** The modal submission's view id (or the CLI run's key): a resubmitted request records once. */
  readonly requestKey: string;
  /** The one line for the alert channel, built from the state read in the same transaction. */
  readonly notice: (before: ZoneThresholds, after: ZoneThresholds) => NewOutboxEntry;
}

export type ThresholdChangeResult =
  | { readonly kind: 'changed'; readonly change: ThresholdChange }
  /** The values equal the ones in force: nothing recorded, nothing posted. */
  | { readonly kind: 'unchanged' }
  /** This request key was recorded already (a retried submission). */
  | { readonly kind: 'replayed' };

export interface ThresholdRow {
  readonly thresholds: string;
  readonly changed_by: string;
  readonly changed_at: number;
  readonly version: number;
}

export interface ThresholdChangeRow {
  readonly id: number;
  readonly changed_by: string;
  readonly changed_at: number;
  readonly old_thresholds: string;
  readonly new_thresholds: string;
}

export function toThresholdsInForce(row: ThresholdRow | undefined, defaults: ZoneThresholds): ThresholdsInForce {
  if (row === undefined) return { thresholds: defaults, changedBy: null, changedAt: null, version: 0 };
  return {
    thresholds: { ...defaults, ...(JSON.parse(row.thresholds) as Partial<ZoneThresholds>) },
    changedBy: row.changed_by,
    changedAt: Number(row.changed_at),
    version: Number(row.version),
  };
}

export function toThresholdChange(row: ThresholdChangeRow): ThresholdChange {
  return {
    id: Number(row.id),
    changedBy: row.changed_by,
    changedAt: Number(row.changed_at),
    before: JSON.parse(row.old_thresholds) as ZoneThresholds,
    after: JSON.parse(row.new_thresholds) as ZoneThresholds,
  };
}
