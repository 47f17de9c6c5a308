import { distance as editDistance } from 'fastest-levenshtein';
import type { ValueCustomer } from '../value-segments/value-customer.js';

/** Matches listed in a pick list; more are counted, not shown. */
export const PICK_LIST_LIMIT = 10;
/** Closest names suggested when nothing matches. */
export const SUGGESTION_LIMIT = 3;
/**
 * Only this much of a query takes part in the closest-match search: a query longer than any name is far from all
 * of them anyway, and the bit-parallel distance needs a machine word per 32 characters of it.
 */
export const FUZZY_QUERY_LIMIT = 64;

export type LookupMethod = 'email' | 'customer360_id' | 'name';

export type CustomerMatch =
  | { readonly kind: 'one'; readonly customer: ValueCustomer; readonly method: LookupMethod }
  | {
      readonly kind: 'several';
      readonly method: LookupMethod;
      readonly total: number;
      /** The name search stopped early: more customers match than `total`. */
      readonly totalIsLowerBound: boolean;
      /** Up to PICK_LIST_LIMIT, by organisation then email. */
      readonly matches: readonly ValueCustomer[];
    }
  | { readonly kind: 'none'; readonly suggestions: readonly string[] };

export interface LookupHints {
  /** Cleaned emails of customer rows / mapped source ids whose customer360_id equals the query. */
  readonly idEmails: readonly string[];
  /** Cleaned emails of customer rows whose full_name or organization_name contains the query. */
  readonly nameEmails: readonly string[];
  /** The customer-table name search hit its cap; the true number of matches is larger. */
  readonly nameMatchesTruncated?: boolean;
}

/**
 * Finds the customer a CSM means. An email (contains @) is matched exactly after cleaning; other
 * text is tried as a customer360_id, then as a case-insensitive part of the organisation or name.
 * Nothing found → the closest emails and organisation names by edit distance.
 */
export function findCustomer(query: string, customers: readonly ValueCustomer[], hints: LookupHints): CustomerMatch {
  const text = query.trim();
  if (text.includes('@')) {
    const email = text.toLowerCase();
    // The last row with the email, as a map keyed by email would keep; one scan instead of a million-entry map.
    let hit: ValueCustomer | undefined;
    for (let i = customers.length - 1; i >= 0 && hit === undefined; i--) {
      if ((customers[i] as ValueCustomer).email === email) hit = customers[i];
    }
    return hit
      ? { kind: 'one', customer: hit, method: 'email' }
      : { kind: 'none', suggestions: closest(email, customers, SUGGESTION_LIMIT, 'emails') };
  }

  // Only the hinted emails are looked up: keying every customer by email (a million-entry map per lookup) would
  // cost more than the rest of the lookup. Later customers win, as filling such a map in order would keep them.
  const hinted = new Set([...hints.idEmails, ...hints.nameEmails]);
  const byEmail = new Map<string, ValueCustomer>();
  if (hinted.size > 0) for (const c of customers) if (hinted.has(c.email)) byEmail.set(c.email, c);
  const byId = collect(hints.idEmails, byEmail);
  if (byId.length > 0) return matched(byId, 'customer360_id', false);

  const needle = text.toLowerCase();
  const byName = new Map<string, ValueCustomer>();
  for (const c of customers) {
    if (c.organization?.toLowerCase().includes(needle)) byName.set(c.email, c);
  }
  for (const c of collect(hints.nameEmails, byEmail)) byName.set(c.email, c);
  if (byName.size > 0) return matched([...byName.values()], 'name', hints.nameMatchesTruncated === true);
  return { kind: 'none', suggestions: closest(needle, customers) };
}

function collect(emails: readonly string[], byEmail: ReadonlyMap<string, ValueCustomer>): ValueCustomer[] {
  const out = new Map<string, ValueCustomer>();
  for (const email of emails) {
    const c = byEmail.get(email);
    if (c) out.set(email, c);
  }
  return [...out.values()];
}

function matched(found: ValueCustomer[], method: LookupMethod, totalIsLowerBound: boolean): CustomerMatch {
  if (found.length === 1) return { kind: 'one', customer: found[0] as ValueCustomer, method };
  const sorted = [...found].sort(
    (a, b) => compare(a.organization ?? '', b.organization ?? '') || compare(a.email, b.email),
  );
  return { kind: 'several', method, total: found.length, totalIsLowerBound, matches: sorted.slice(0, PICK_LIST_LIMIT) };
}

/**
 * The emails and organisation names nearest the query (ties alphabetically). Organisation
 * names are compared case-insensitively; the running cut-off skips most strings early. An
 * email query is compared with emails only: a typo in an address is not near a company name.
 */
export function closest(
  query: string,
  customers: readonly ValueCustomer[],
  limit = SUGGESTION_LIMIT,
  among: 'emails' | 'emails-and-names' = 'emails-and-names',
): string[] {
  const candidates = new Set<string>();
  for (const c of customers) {
    candidates.add(c.email);
    if (c.organization && among === 'emails-and-names') candidates.add(c.organization);
  }
  return closestAmong(query, candidates, limit);
}

/**
 * The `limit` distinct candidates nearest the query, ties alphabetically: the same whatever the candidates' order,
 * as the running cut-off only skips strings farther than every one kept. A candidate met twice is kept once.
 */
export function closestAmong(query: string, candidates: Iterable<string>, limit = SUGGESTION_LIMIT): string[] {
  const needle = query.slice(0, FUZZY_QUERY_LIMIT);
  const best: { text: string; distance: number }[] = [];
  let cutoff = Number.POSITIVE_INFINITY;
  for (const text of candidates) {
    // Lengths further apart than the cut-off cannot be nearer; the rest get Myers' bit-parallel edit distance
    // (insertions, deletions, substitutions on UTF-16 units, each 1): at a million emails a typo's suggestions
    // take about 0.3 s instead of 5 s of the cell-by-cell table.
    const lower = text.toLowerCase();
    if (Math.abs(lower.length - needle.length) > cutoff) continue;
    const distance = editDistance(needle, lower);
    if (distance > cutoff || best.some((b) => b.text === text)) continue;
    best.push({ text, distance });
    best.sort((a, b) => a.distance - b.distance || compare(a.text, b.text));
    if (best.length > limit) best.length = limit;
    if (best.length === limit) cutoff = (best[limit - 1] as { distance: number }).distance;
  }
  return best.map((b) => b.text);
}

/** UTF-16 code-unit order, as the pick list and suggestions sort. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
