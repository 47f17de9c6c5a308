import { type Distribution, distribution } from './cohort-distributions.js';

export type SourceIdColumn = 'zendesk_user_id' | 'marketo_lead_id' | 'stripe_customer_id';

/** Tried in this order; the first id type found in the mapping decides (analyses.md §1 rule). */
export const SOURCE_ID_ORDER: readonly SourceIdColumn[] = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'];

export interface KeyAttempt {
  readonly column: SourceIdColumn;
  /** Customers still unresolved when this id type was tried that carry this id. */
  readonly customersWithId: number;
  /** Of those, how many ids the mapping holds. */
  readonly matchedInMapping: number;
}

/** The outcome of cohort → mapping → address, as the data layer found it. */
export interface GeographyJoin {
  /** Tables (or table.column) the path needs that the warehouse lacks; the join was not attempted. */
  readonly missingTables: readonly string[];
  readonly customers: number;
  readonly attempts: readonly KeyAttempt[];
  readonly mappingRows: number;
  /** Customers resolved to a customer360_id. */
  readonly resolved: number;
  readonly addressRows: number;
  readonly addressIds: number;
  /** Resolved customers whose customer360_id has an address row. */
  readonly matchedInAddress: number;
  /** One address per matched customer (lowest priority, then rank). */
  readonly locations: readonly {
    readonly key: string;
    readonly country: string | null;
    readonly state: string | null;
  }[];
}

export type CohortGeography =
  | { readonly kind: 'unavailable'; readonly reason: string; readonly join: GeographyJoin | null }
  | {
      readonly kind: 'ok';
      readonly matched: number;
      readonly customers: number;
      readonly countries: Distribution;
      readonly states: Distribution;
      readonly join: GeographyJoin;
    };

/** Where the cohort is, or, when nothing joins, exactly which keys were tried and how far they got. */
export function summariseGeography(join: GeographyJoin): CohortGeography {
  if (join.missingTables.length > 0) {
    return {
      kind: 'unavailable',
      reason: `the warehouse lacks ${join.missingTables.join(', ')}, which the path cohort → mapping → address needs`,
      join,
    };
  }
  if (join.customers === 0) return { kind: 'unavailable', reason: 'the cohort is empty', join };
  const tried = join.attempts
    .map(
      (a) => `${a.column}: ${count(a.customersWithId)} with an id, ${count(a.matchedInMapping)} found in the mapping`,
    )
    .join('; ');
  if (join.resolved === 0) {
    return {
      kind: 'unavailable',
      reason: `none of the ${count(join.customers)} cohort customers resolves to a customer360_id (${tried}; the mapping has ${count(join.mappingRows)} rows)`,
      join,
    };
  }
  if (join.matchedInAddress === 0) {
    return {
      kind: 'unavailable',
      reason: `${count(join.resolved)} of ${count(join.customers)} cohort customers resolve to a customer360_id through the mapping (${tried}), but none of those ids has a row in the address table (${count(join.addressRows)} rows over ${count(join.addressIds)} customer360_ids)`,
      join,
    };
  }
  return {
    kind: 'ok',
    matched: join.matchedInAddress,
    customers: join.customers,
    countries: distribution(join.locations.map((l) => l.country)),
    states: distribution(join.locations.map((l) => l.state)),
    join,
  };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
