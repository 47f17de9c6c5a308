import type { CardRanking, TierMedians } from '../../analysis/customer-card/build-card.js';
import type { CustomerMatch, LookupHints } from '../../analysis/customer-card/find-customer.js';
import { findCustomerInColumns } from '../../analysis/customer-card/find-customer-columns.js';
import { tierMediansOfColumns } from '../../analysis/customer-card/tier-medians-columns.js';
import { DEFAULT_PRIORITY_OPTIONS } from '../../analysis/priority/priority-score.js';
import { priorityStandingOfColumns } from '../../analysis/priority/priority-standing-columns.js';
import type { ValueCustomer } from '../../analysis/value-segments/value-customer.js';
import type { LoadedPriorityColumns } from '../../data/queries/value-priority-columns.js';

/** What /customer works out of the value customers, however they are held. */
export interface CustomerLookup {
  readonly match: CustomerMatch;
  /** The matched customer's rank among every customer (priorityStanding). */
  readonly standing: (customer: ValueCustomer) => CardRanking;
  readonly tierMedians: (tier: string) => TierMedians;
}

/**
 * /customer on the value columns /priority and the scan share: the customer(s) the answer shows are built as
 * objects, the rank and the tier medians read the typed columns (no object per customer, ~460 MB at 1M).
 */
export function customerLookupOnColumns(
  columns: LoadedPriorityColumns,
  query: string,
  hints: LookupHints,
): CustomerLookup {
  const input = columns.customers;
  // The customers built for this answer, by object, so the standing finds the matched one's email code.
  const built = new Map<ValueCustomer, number>();
  const customerAt = (i: number) => {
    const customer = columns.customerAt(i);
    built.set(customer, i);
    return customer;
  };
  const match = findCustomerInColumns(
    query,
    {
      rows: input.rows,
      emails: input.emails,
      organizations: columns.organizations,
      emailCodesOf: columns.emailCodesOf,
      emailsOf: columns.emailsOf,
      customerAt,
    },
    hints,
  );
  return {
    match,
    standing(customer) {
      const i = built.get(customer) as number;
      const code = input.emails.indices[input.rows[i] as number] as number;
      const { n, row } = priorityStandingOfColumns(
        input,
        code,
        columns.customerAt,
        columns.emailsOf,
        DEFAULT_PRIORITY_OPTIONS,
      );
      return { n, ranked: row === null ? [] : [row] };
    },
    tierMedians: (tier) => tierMediansOfColumns(tier, { ...input, ltv: columns.ltv }),
  };
}
