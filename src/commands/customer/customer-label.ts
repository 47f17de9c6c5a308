import type { LookupMethod } from '../../analysis/customer-card/find-customer.js';
import type { MessageKey, Translate } from '../../i18n/translate.js';

/** "Acme Corp (jane@acme.com)", or the email alone when the organisation is missing. */
export function customerLabel(row: { readonly email: string; readonly organization: string | null }): string {
  return row.organization ? `${row.organization} (${row.email})` : row.email;
}

export function methodText(method: LookupMethod, t: Translate): string {
  return t(`customer.method.${method}` as MessageKey);
}
