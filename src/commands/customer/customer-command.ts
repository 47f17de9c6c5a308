import { buildCustomerCard } from '../../analysis/customer-card/build-card.js';
import { findCustomer } from '../../analysis/customer-card/find-customer.js';
import { DEFAULT_PRIORITY_OPTIONS, priorityStanding } from '../../analysis/priority/priority-score.js';
import { lookupHints } from '../../data/queries/customer-lookup.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../../data/queries/value-customers.js';
import { numberFormat } from '../../format/number-format.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { zoneOptionsFor } from '../zone-options-for.js';
import { presentCustomerCard, presentNoMatch, presentPickList } from './customer-present.js';
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
    const { customers, report } = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
      neededFor: '/customer',
      withPrevious: true,
    });
    const { hints, searched } = options.query.includes('@')
      ? { hints: { idEmails: [], nameEmails: [] }, searched: [] }
      : lookupHints(warehouse, options.query);
    const match = findCustomer(options.query, customers, hints);
    if (match.kind === 'none')
      return presentNoMatch(options.query, match.suggestions, report, searched, context.locale);
    if (match.kind === 'several') return presentPickList(options.query, match, report, context.locale);
    // Only this customer's rank and zone: ranking and zoning every customer took seconds at 1M.
    const standing = priorityStanding(customers, match.customer.email, DEFAULT_PRIORITY_OPTIONS);
    const zoneOptions = zoneOptionsFor(context);
    const zoneRead = customerZone(warehouse, match.customer.email, zoneOptions);
    const zone = zoneRead.zone;
    const ranking = { n: standing.n, ranked: standing.row === null ? [] : [standing.row] };
    const card = buildCustomerCard(match.customer, customers, ranking, zone);
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
