import { displayWidth, truncateLabel } from '../labels.js';

interface NamedCustomer {
  readonly customer: { readonly email: string; readonly organization: string | null };
}

/** An organisation shared by several bars keeps at least this many columns before its email part. */
const MIN_ORGANISATION_WIDTH = 8;

/**
 * The name each bar carries, at most `width` columns: the organisation (the email when there is none), and when
 * several bars would read the same (the same organisation, or long names cut to the same start), the name followed
 * by the email in brackets, as the text answer writes every customer ("Hooli Group (arjun@hooli.com)"). The email's
 * part before the @ is enough when it already tells those bars apart, and it keeps the label readable at Slack's
 * preview size; otherwise the whole email is used, and the organisation gives up columns first. `full` is the same
 * name uncut, for the title and the alt text.
 */
export function priorityBarNames(rows: readonly NamedCustomer[], width: number): { full: string; label: string }[] {
  const plain = rows.map(({ customer }) => customer.organization?.trim() || customer.email);
  const sharing = new Map<string, number[]>();
  plain.forEach((name, index) => {
    const label = truncateLabel(name, width);
    const indexes = sharing.get(label);
    if (indexes === undefined) sharing.set(label, [index]);
    else indexes.push(index);
  });
  const suffixes = new Map<number, string>();
  for (const indexes of sharing.values()) {
    if (indexes.length < 2) continue;
    const emails = indexes.map((index) => (rows[index] as NamedCustomer).customer.email);
    const locals = emails.map((email) => email.split('@')[0] ?? email);
    const useLocal = new Set(locals).size === locals.length;
    indexes.forEach((index, k) => {
      suffixes.set(index, (useLocal ? locals[k] : emails[k]) as string);
    });
  }
  return plain.map((name, index) => {
    const suffix = suffixes.get(index);
    if (suffix === undefined) return { full: name, label: truncateLabel(name, width) };
    const tail = ` (${suffix})`;
    const nameWidth = Math.max(MIN_ORGANISATION_WIDTH, width - displayWidth(tail));
    return { full: `${name}${tail}`, label: `${truncateLabel(name, nameWidth)}${tail}` };
  });
}
