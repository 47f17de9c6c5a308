import { buildCustomerCard, tierMedians } from '../../analysis/customer-card/build-card.js';
import { findCustomer, type LookupHints } from '../../analysis/customer-card/find-customer.js';
import { DEFAULT_PRIORITY_OPTIONS, priorityStanding } from '../../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../../analysis/value-segments/value-customer.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import { lookupHints } from '../../data/queries/customer-lookup.js';
import {
  type LoadedValueCustomers,
  loadValueCustomers,
  VALUE_PRIORITY_COLUMNS,
} from '../../data/queries/value-customers.js';
import { loadPriorityColumns } from '../../data/queries/value-priority-columns.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat } from '../../format/number-format.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { zoneOptionsFor } from '../zone-options-for.js';
import { presentNoMatch, presentPickList } from './customer-match-present.js';
import { type CustomerLookup, customerLookupOnColumns } from './customer-on-columns.js';
import { presentCustomerCard } from './customer-present.js';
import { customerZone } from './customer-zone.js';

/** The longest email address there can be (RFC 5321); ids and names are shorter. */
export const MAX_CUSTOMER_QUERY_LENGTH = 254;

export interface CustomerOptions {
  readonly query: string;
}

export const customerCommand: CommandDefinition<CustomerOptions> = {
  slash: '/customer',
  summary: translator('en')('command.customer.summary'),
  syntax: { slash: '/customer', usage: '<email | customer360_id | name>', options: {} },
  requirements: [
    { table: 'value', columns: VALUE_PRIORITY_COLUMNS },
    {
      table: 'customer',
      columns: ['customer360_id', 'email', 'full_name', 'organization_name'],
      fallback: 'lookup by email and organisation only',
    },
    { table: 'mapping', columns: ['customer360_id'], fallback: 'customer360_id lookup through customer rows only' },
  ],
  examples: ['/customer jane@acme.com', '/customer C360-0042', '/customer "Acme Corp"'],
  help: translator('en')('command.customer.help').split('\n'),
  parse(args: CommandArgs): CustomerOptions {
    const query = args.words.splice(0).join(' ').trim();
    if (query === '') throw args.usage(args.t('customer.usage.empty'));
    const length = Array.from(query).length;
    if (length > MAX_CUSTOMER_QUERY_LENGTH) {
      throw args.usage(
        args.t('customer.usage.tooLong', {
          length: numberFormat(args.t.locale).count(length),
          max: MAX_CUSTOMER_QUERY_LENGTH,
        }),
      );
    }
    return { query };
  },
  run(options, context): CommandAnswer {
    const warehouse = context.warehouse();
    const { lookup, report, searched } = lookUp(warehouse, options.query);
    const { match } = lookup;
    if (match.kind === 'none')
      return presentNoMatch(options.query, match.suggestions, report, searched, context.locale);
    if (match.kind === 'several') return presentPickList(options.query, match, report, context.locale);
    // Only this customer's rank and zone: ranking and zoning every customer took seconds at 1M.
    const ranking = lookup.standing(match.customer);
    const zoneOptions = zoneOptionsFor(context);
    const zoneRead = customerZone(warehouse, match.customer.email, zoneOptions);
    const card = buildCustomerCard(match.customer, lookup.tierMedians, ranking, zoneRead.zone);
    const alerts = context.openAlertsFor ? context.openAlertsFor([match.customer.email]) : null;
    const zoneReads = zoneRead.reads.filter((r) => r.tableId !== report.tableId);
    return presentCustomerCard({
      query: options.query,
      method: match.method,
      card,
      alerts,
      reads: [report, ...zoneReads],
      zones: {
        method: zoneRead.method,
        activityUnavailable: zoneRead.activityUnavailable,
        options: zoneOptions,
      },
      locale: context.locale,
    });
  },
};

/**
 * The value customers, the lookup hints (for text that is not an email) and the match: on the typed columns shared
 * with /priority and the scan when the snapshot cache holds them, else over one object per customer (the reference).
 */
function lookUp(
  warehouse: Warehouse,
  query: string,
): { lookup: CustomerLookup; report: TableReadReport; searched: readonly string[] } {
  const columns = loadPriorityColumns(warehouse, '/customer');
  const loaded = columns
    ? null
    : loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, { neededFor: '/customer', withPrevious: true });
  const { hints, searched } = query.includes('@')
    ? { hints: { idEmails: [], nameEmails: [] }, searched: [] }
    : lookupHints(warehouse, query);
  if (columns) return { lookup: customerLookupOnColumns(columns, query, hints), report: columns.report, searched };
  const { customers, report } = loaded as LoadedValueCustomers;
  return { lookup: customerLookupOnRows(customers, query, hints), report, searched };
}

/** The reference: findCustomer, priorityStanding and tierMedians over one object per customer. */
export function customerLookupOnRows(
  customers: readonly ValueCustomer[],
  query: string,
  hints: LookupHints,
): CustomerLookup {
  return {
    match: findCustomer(query, customers, hints),
    standing(customer) {
      const { n, row } = priorityStanding(customers, customer.email, DEFAULT_PRIORITY_OPTIONS);
      return { n, ranked: row === null ? [] : [row] };
    },
    tierMedians: (tier) => tierMedians(tier, customers),
  };
}
