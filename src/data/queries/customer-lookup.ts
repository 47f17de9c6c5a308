import type { LookupHints } from '../../analysis/customer-card/find-customer.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import type { CustomerLookupIndex } from '../snapshot-cache/customer-lookup-index.js';
import { cleanEmailSql, cleanIdSql } from '../sql-cleaning.js';
import { SQL_LOWER } from '../sqlite-cleaning-functions.js';
import type { TableId } from '../warehouse-schema.js';

/** Lookups depend on what a user typed: memoising them would grow the warehouse cache without bound. */
const PER_QUERY = { cache: false } as const;

/** Names matched in customer360__customer; more would only feed a pick list capped at 10 (the count says "over"). */
const NAME_MATCH_LIMIT = 200;

/**
 * Emails a /customer query may mean beyond the value table itself: customer rows carrying
 * the customer360_id (or whose full_name / organization_name contains the text), and value
 * rows whose zendesk, marketo or stripe id maps to that customer360_id. Tables that are
 * absent simply contribute nothing; the answer's lookup note says which were searched.
 */
export function lookupHints(warehouse: Warehouse, query: string): { hints: LookupHints; searched: string[] } {
  try {
    const index = warehouse.snapshotCache?.customerLookup();
    if (index) return hintsFromIndex(index, query);
  } catch {
    // Index files gone or unreadable (a newer export's build removed them): SQLite still has the truth.
    warehouse.snapshotCache = undefined;
  }
  return hintsFromSql(warehouse, query);
}

/** The same hints from the index built with the snapshot cache: no table scan per lookup. */
function hintsFromIndex(index: CustomerLookupIndex, query: string): { hints: LookupHints; searched: string[] } {
  const id = query.trim();
  const { customerTable, mappingTable } = index.covers;
  const idEmails = index.emailsForId(id);
  const nameEmails = customerTable ? index.emailsForName(id.toLowerCase(), NAME_MATCH_LIMIT + 1) : [];
  const nameMatchesTruncated = nameEmails.length > NAME_MATCH_LIMIT;
  if (nameMatchesTruncated) nameEmails.length = NAME_MATCH_LIMIT;
  const searched = [customerTable, mappingTable].filter((t): t is string => t !== null);
  return { hints: { idEmails, nameEmails, nameMatchesTruncated }, searched };
}

function hintsFromSql(warehouse: Warehouse, query: string): { hints: LookupHints; searched: string[] } {
  const id = query.trim();
  const searched: string[] = [];
  const idEmails: string[] = [];
  const nameEmails: string[] = [];
  const customer = tableName(warehouse, 'customer', ['customer360_id', 'email', 'full_name', 'organization_name']);
  const mapping = tableName(warehouse, 'mapping', [
    'customer360_id',
    'zendesk_user_id',
    'marketo_lead_id',
    'stripe_customer_id',
  ]);
  const value = tableName(warehouse, 'value', [
    'primary_email',
    'zendesk_user_id',
    'marketo_lead_id',
    'stripe_customer_id',
  ]);
  const email = cleanEmailSql('email');

  if (customer) {
    searched.push(customer);
    for (const [e] of warehouse.rawRows(
      `SELECT DISTINCT ${email} FROM ${quoteIdentifier(customer)} WHERE ${cleanIdSql('customer360_id')} = ? AND ${email} IS NOT NULL`,
      [id],
      PER_QUERY,
    )) {
      idEmails.push(e as string);
    }
    const pattern = `%${id.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    for (const [e] of warehouse.rawRows(
      `SELECT DISTINCT ${email} FROM ${quoteIdentifier(customer)}
       WHERE (${SQL_LOWER}(full_name) LIKE ? ESCAPE '\\' OR ${SQL_LOWER}(organization_name) LIKE ? ESCAPE '\\') AND ${email} IS NOT NULL
       LIMIT ${NAME_MATCH_LIMIT + 1}`,
      [pattern, pattern],
      PER_QUERY,
    )) {
      nameEmails.push(e as string);
    }
  }
  if (mapping && value) {
    searched.push(mapping);
    const ids = warehouse.rawRows(
      `SELECT ${cleanIdSql('zendesk_user_id')}, ${cleanIdSql('marketo_lead_id')}, ${cleanIdSql('stripe_customer_id')}
       FROM ${quoteIdentifier(mapping)} WHERE ${cleanIdSql('customer360_id')} = ?`,
      [id],
      PER_QUERY,
    );
    const columns = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'] as const;
    columns.forEach((column, i) => {
      const wanted = [...new Set(ids.map((row) => row[i]).filter((v): v is string => typeof v === 'string'))];
      if (wanted.length === 0) return;
      const rows = warehouse.rawRows(
        `SELECT DISTINCT ${cleanEmailSql('primary_email')} FROM ${quoteIdentifier(value)}
         WHERE ${cleanIdSql(column)} IN (${wanted.map(() => '?').join(', ')})`,
        wanted,
        PER_QUERY,
      );
      for (const [e] of rows) if (typeof e === 'string') idEmails.push(e);
    });
  }
  const nameMatchesTruncated = nameEmails.length > NAME_MATCH_LIMIT;
  if (nameMatchesTruncated) nameEmails.length = NAME_MATCH_LIMIT;
  return { hints: { idEmails, nameEmails, nameMatchesTruncated }, searched };
}

/** The table's real name when it exists with these columns, else null. */
function tableName(warehouse: Warehouse, tableId: TableId, columns: readonly string[]): string | null {
  const info = warehouse.schema.tables.get(tableId);
  if (!info || columns.some((c) => !info.columns.has(c))) return null;
  return info.name;
}
