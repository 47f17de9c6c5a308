import { join } from 'node:path';
import { cleanEmail } from '../cleaning-rule.js';
import { ColumnWriter } from './column-writer.js';

/**
 * The /customer index's name half (customer-lookup-build.ts): each distinct lower-cased (full_name,
 * organization_name, email) of customer rows with an email and a name or organisation, in the order of its first
 * row, streamed to `name`, `organization` and `name-email` as rows come in (rowid order). A name stored as a number
 * and the same digits as text are one tuple. Fed by its own pass over the customer table, or by the sales pass
 * (sales-by-email-pass.ts), which reads the same rows: one pass of 7.2M rows fewer at a million customers.
 */
export class CustomerNameTuples {
  readonly writers: readonly ColumnWriter[];
  private readonly seen = new Set<string>();
  private previousName: unknown;
  private previousOrganization: unknown;
  private previousEmail: unknown;
  private started = false;

  constructor(directory: string, batchRows: number) {
    this.writers = ['name', 'organization', 'name-email'].map(
      (base) => new ColumnWriter(join(directory, `${base}.arrow`), 'string', 'plain', batchRows),
    );
  }

  /** The next customer row's raw values, in rowid order. */
  add(rawName: unknown, rawOrganization: unknown, rawEmail: unknown): void {
    // The same raw values as the row before (a customer's rows often follow each other): the same tuple, seen.
    if (
      this.started &&
      rawName === this.previousName &&
      rawOrganization === this.previousOrganization &&
      rawEmail === this.previousEmail
    ) {
      return;
    }
    this.started = true;
    this.previousName = rawName;
    this.previousOrganization = rawOrganization;
    this.previousEmail = rawEmail;
    const email = cleanEmail(rawEmail);
    if (email === null || (rawName === null && rawOrganization === null)) return;
    const name = rawName === null ? '' : String(lower(rawName));
    const organization = rawOrganization === null ? '' : String(lower(rawOrganization));
    const tuple = `${name}\u0000${organization}\u0000${email}`;
    if (this.seen.has(tuple)) return;
    this.seen.add(tuple);
    const [names, organizations, nameEmails] = this.writers as [ColumnWriter, ColumnWriter, ColumnWriter];
    names.push(name);
    organizations.push(organization);
    nameEmails.push(email);
  }
}

/** Unicode lower case of text, anything else as it is: the SQL_LOWER function searches use. */
function lower(raw: unknown): unknown {
  return typeof raw === 'string' ? raw.toLowerCase() : raw;
}
