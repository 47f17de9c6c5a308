import { compareCodePoints } from '../analysis/code-point-order.js';
import { TERMS } from '../vocabulary/glossary.js';
import type { Alert, AlertDelivery, ResolutionReason, ScannedCustomer } from './alert-types.js';

/** At most this many individual alert messages per scan; the rest of the newly red go into one overflow summary. */
export const MAX_INDIVIDUAL_ALERTS_PER_SCAN = 20;

/**
 * A warehouse counts as new (and gets a baseline instead of alerts) when fewer than this share of its customers
 * were known to the previous scan. Refreshed exports keep almost all their keys; a different company's do not.
 */
export const SAME_WAREHOUSE_MIN_OVERLAP = 0.5;

export interface ScanPlanInput {
  readonly customers: readonly ScannedCustomer[];
  /** Alerts not resolved yet (one per customer). */
  readonly active: readonly Alert[];
  /** Customer keys the previous scan saw (empty before the first scan). */
  readonly knownKeys: ReadonlySet<string>;
  readonly maxIndividual: number;
}

export interface PlannedAlert {
  readonly customer: ScannedCustomer;
  readonly delivery: AlertDelivery;
}

export interface PlannedResolution {
  readonly alertId: number;
  readonly reason: ResolutionReason;
  readonly detail: string;
}

export interface ScanPlan {
  /** Why this scan is a baseline ("first scan", "new warehouse"), or null for an ordinary scan. */
  readonly baseline: string | null;
  /** Newly red customers, highest priority first, each with how it is announced. */
  readonly newAlerts: readonly PlannedAlert[];
  readonly resolutions: readonly PlannedResolution[];
  /** Share of this scan's customers the previous scan knew (1 on the first scan, by convention). */
  readonly overlap: number;
}

/**
 * The scan decision, pure: who is newly red (red now, no alert open or snoozed), whose alert resolves (left red
 * for yellow or green; a customer without a zone this time keeps the alert), and whether this is a baseline. The
 * store runs it inside the transaction that applies it, on the state it has just read.
 */
export function planScan(input: ScanPlanInput): ScanPlan {
  const byKey = new Map(input.customers.map((c) => [c.key, c]));
  const activeByKey = new Map(input.active.map((a) => [a.customer.key, a]));
  const overlap = knownShare(input.customers, input.knownKeys);
  const firstScan = input.knownKeys.size === 0;
  const newWarehouse = !firstScan && overlap < SAME_WAREHOUSE_MIN_OVERLAP;
  const baseline = firstScan
    ? 'first scan: these customers were already red when Radar started watching'
    : newWarehouse
      ? `new warehouse: only ${Math.round(overlap * 100)}% of its customers were known, so these reds are a baseline`
      : null;

  const resolutions: PlannedResolution[] = [];
  for (const alert of input.active) {
    const now = byKey.get(alert.customer.key);
    if (now === undefined) {
      if (newWarehouse) {
        resolutions.push({ alertId: alert.id, reason: 'warehouse-replaced', detail: 'not in the new warehouse' });
      }
      continue;
    }
    if (now.zone === 'yellow' || now.zone === 'green') {
      resolutions.push({ alertId: alert.id, reason: 'recovered', detail: zoneDetail(now) });
    }
  }

  const newlyRed = input.customers.filter((c) => c.zone === 'red' && !activeByKey.has(c.key)).sort(byPriority);
  const newAlerts = newlyRed.map(
    (customer, index): PlannedAlert => ({
      customer,
      delivery: baseline !== null ? 'baseline' : index < input.maxIndividual ? 'individual' : 'overflow',
    }),
  );
  return { baseline, newAlerts, resolutions, overlap: firstScan ? 1 : overlap };
}

function knownShare(customers: readonly ScannedCustomer[], known: ReadonlySet<string>): number {
  if (customers.length === 0) return 1;
  let hits = 0;
  for (const c of customers) if (known.has(c.key)) hits++;
  return hits / customers.length;
}

function zoneDetail(customer: ScannedCustomer): string {
  return customer.score === null
    ? `now ${customer.zone}`
    : `now ${customer.zone} (zone score ${TERMS.zoneScore.format(customer.score)})`;
}

/** Highest priority first (rank 1 first; unranked after), then the lowest zone score, then the key. */
export function byPriority(a: ScannedCustomer, b: ScannedCustomer): number {
  const ra = a.figures.priorityRank ?? Number.POSITIVE_INFINITY;
  const rb = b.figures.priorityRank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  const sa = a.score ?? Number.POSITIVE_INFINITY;
  const sb = b.score ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  return compareCodePoints(a.key, b.key);
}
