import { type CodedColumn, levelCount } from '../columns/coded-column.js';
import type { ValueCustomer } from '../value-segments/value-customer.js';
import {
  type CustomerMatch,
  closestAmong,
  compare,
  type LookupHints,
  type LookupMethod,
  PICK_LIST_LIMIT,
  SUGGESTION_LIMIT,
} from './find-customer.js';

/**
 * The value customers as columns: customer i is latest row `rows[i]`. Email codes are distinct values (equal
 * codes ⇔ equal emails), as the snapshot cache's key spaces and dictionaries give them.
 */
export interface CustomerColumns {
  readonly rows: Int32Array;
  readonly emails: CodedColumn;
  readonly organizations: CodedColumn;
  /** Per email code, the index in `values` of its value (-1: none). */
  readonly emailCodesOf: (values: readonly string[]) => Int32Array;
  /** The emails of some codes. */
  readonly emailsOf: (codes: ArrayLike<number>) => string[];
  /** Customer i as findCustomer's customers[i]. */
  readonly customerAt: (i: number) => ValueCustomer;
}

/**
 * findCustomer over columns: the same match, method, pick list and suggestions, with a customer object built only
 * for the customers the answer shows. Emails are compared as codes (the query's and the hinted emails' codes found
 * once), organisations once per distinct organisation.
 */
export function findCustomerInColumns(query: string, columns: CustomerColumns, hints: LookupHints): CustomerMatch {
  const text = query.trim();
  const { rows, emails } = columns;
  const emailCode = (i: number) => emails.indices[rows[i] as number] as number;
  if (text.includes('@')) {
    const email = text.toLowerCase();
    const wanted = columns.emailCodesOf([email]);
    // The last customer with the email, as findCustomer scans from the end.
    for (let i = rows.length - 1; i >= 0; i--) {
      const code = emailCode(i);
      if (code >= 0 && wanted[code] === 0) return { kind: 'one', customer: columns.customerAt(i), method: 'email' };
    }
    return { kind: 'none', suggestions: closestAmong(email, emailSet(columns), SUGGESTION_LIMIT) };
  }

  // Each hinted email's last customer (-1: none), as findCustomer's map from email to customer keeps it.
  const hinted = [...new Set([...hints.idEmails, ...hints.nameEmails])];
  const hintOfCode = hinted.length > 0 ? columns.emailCodesOf(hinted) : new Int32Array(0);
  const lastOfHint = new Int32Array(hinted.length).fill(-1);
  if (hinted.length > 0) {
    for (let i = 0; i < rows.length; i++) {
      const code = emailCode(i);
      const h = code < 0 ? -1 : (hintOfCode[code] as number);
      if (h >= 0) lastOfHint[h] = i;
    }
  }
  const hintIndex = new Map(hinted.map((email, h) => [email, h]));
  /** Per email code, the customer a list of emails names (distinct emails, those with a customer). */
  const collect = (list: readonly string[], into: Map<number, number>): Map<number, number> => {
    for (const email of list) {
      const i = lastOfHint[hintIndex.get(email) as number] as number;
      if (i >= 0) into.set(emailCode(i), i);
    }
    return into;
  };
  const byId = collect(hints.idEmails, new Map());
  if (byId.size > 0) return matched(columns, [...byId.values()], 'customer360_id', false);

  const needle = text.toLowerCase();
  const organizations = columns.organizations;
  const orgMatches = Uint8Array.from(organizations.dictionary, (org) => (org.toLowerCase().includes(needle) ? 1 : 0));
  // Per email code, the customer found: later rows win, then the hinted names' customers, as findCustomer's map.
  const byName = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    const org = organizations.indices[rows[i] as number] as number;
    if (org >= 0 && orgMatches[org] === 1) byName.set(emailCode(i), i);
  }
  collect(hints.nameEmails, byName);
  if (byName.size > 0) return matched(columns, [...byName.values()], 'name', hints.nameMatchesTruncated === true);
  return { kind: 'none', suggestions: closestAmong(needle, candidateSet(columns), SUGGESTION_LIMIT) };
}

/** findCustomer's `matched`: one customer, or the pick list by organisation then email (distinct emails). */
function matched(
  columns: CustomerColumns,
  found: number[],
  method: LookupMethod,
  totalIsLowerBound: boolean,
): CustomerMatch {
  if (found.length === 1) return { kind: 'one', customer: columns.customerAt(found[0] as number), method };
  const { rows, emails, organizations } = columns;
  const foundEmails = columns.emailsOf(Int32Array.from(found, (i) => emails.indices[rows[i] as number] as number));
  const keyed = found.map((i, k) => {
    const org = organizations.indices[rows[i] as number] as number;
    return {
      i,
      organization: org < 0 ? '' : (organizations.dictionary[org] as string),
      email: foundEmails[k] as string,
    };
  });
  keyed.sort((a, b) => compare(a.organization, b.organization) || compare(a.email, b.email));
  return {
    kind: 'several',
    method,
    total: found.length,
    totalIsLowerBound,
    matches: keyed.slice(0, PICK_LIST_LIMIT).map((k) => columns.customerAt(k.i)),
  };
}

/** Every customer's email once (closest's candidates for an email query): no set of a million strings to hash. */
function* emailSet(columns: CustomerColumns): Generator<string> {
  yield* distinctValues(columns, columns.emails);
}

/** Every customer's email and organisation once each (closest's candidates for other text). */
function* candidateSet(columns: CustomerColumns): Generator<string> {
  yield* distinctValues(columns, columns.emails);
  for (const organization of distinctValues(columns, columns.organizations))
    if (organization !== '') yield organization;
}

/** The values a column holds for the customers, each dictionary code once. */
function* distinctValues(columns: CustomerColumns, column: CodedColumn): Generator<string> {
  const { rows } = columns;
  const seen = new Uint8Array(levelCount(column));
  const values = column.dictionary;
  for (let i = 0; i < rows.length; i++) {
    const code = column.indices[rows[i] as number] as number;
    if (code < 0 || seen[code] === 1) continue;
    seen[code] = 1;
    yield values[code] as string;
  }
}
