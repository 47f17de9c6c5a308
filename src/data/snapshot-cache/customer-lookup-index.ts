import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, makeData, tableFromIPC, Utf8 } from 'apache-arrow';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { cleanEmailSql, cleanIdSql } from '../sql-cleaning.js';
import { SQL_LOWER } from '../sqlite-cleaning-functions.js';
import type { TableId } from '../warehouse-schema.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';

export const CUSTOMER_LOOKUP_FOLDER = 'customer-lookup';

/** What the index covers, as customer-lookup.ts names it in the answer's lookup note. */
export interface CachedCustomerLookup {
  /** The customer table's name when it has the id, email and name columns; null when absent. */
  readonly customerTable: string | null;
  /** The mapping table's name when it and the value table's source ids are there; null when absent. */
  readonly mappingTable: string | null;
}

const SOURCE_ID_COLUMNS = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'] as const;

/**
 * Builds the /customer index with the cache, so a lookup by id or name is a binary search or a byte search in
 * memory instead of a scan of the 7.2M-row customer table:
 * - `id-key` / `id-email`: every (customer360_id, email) pair — from customer rows, and from value rows whose
 *   zendesk, marketo or stripe id a mapping row gives that customer360_id — sorted by the id's UTF-8 bytes;
 * - `name` / `organization` / `name-email`: each distinct (lower-cased full_name, organization_name, email) of the
 *   customer table, in the order of its first row (the order SQLite's DISTINCT … LIMIT met them).
 * SQLite de-duplicates and sorts (its sorter spills to disk; BINARY order is UTF-8 byte order, which the search
 * compares) and the rows stream to the files batch by batch: no JavaScript set of millions of pairs.
 */
export function writeCustomerLookup(
  warehouse: Warehouse,
  directory: string,
  part: LookupPart,
  batchRows: number = DEFAULT_BATCH_ROWS,
): CachedCustomerLookup | undefined {
  const customer = tableName(warehouse, 'customer', ['customer360_id', 'email', 'full_name', 'organization_name']);
  const mapping = tableName(warehouse, 'mapping', ['customer360_id', ...SOURCE_ID_COLUMNS]);
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]);
  if (!customer && !(mapping && value)) return undefined;
  mkdirSync(directory, { recursive: true });
  const writer = (base: string) => new ColumnWriter(join(directory, `${base}.arrow`), 'string', 'plain', batchRows);
  if (part === 'ids') {
    const idKeys = writer('id-key');
    const idEmails = writer('id-email');
    const sql = idPairsSql(customer, mapping && value ? { mapping, value } : undefined);
    writeColumns([idKeys, idEmails], () =>
      warehouse.eachRawRow(sql, ([id, email]) => {
        idKeys.push(id as string);
        idEmails.push(email as string);
      }),
    );
  } else {
    writeNameTuples(warehouse, customer, writer);
  }
  return { customerTable: customer, mappingTable: mapping && value ? mapping : null };
}

/** The two halves of the index, built by separate tasks (on separate threads in a parallel build). */
export type LookupPart = 'ids' | 'names';

function writeNameTuples(warehouse: Warehouse, customer: string | null, writer: (base: string) => ColumnWriter): void {
  const names = writer('name');
  const organizations = writer('organization');
  const nameEmails = writer('name-email');
  writeColumns([names, organizations, nameEmails], () => {
    if (!customer) return;
    // SQL groups by value; a name stored as a number and the same digits as text are one tuple here, as before.
    const seen = new Set<string>();
    warehouse.eachRawRow(nameTuplesSql(customer), ([name, organization, email]) => {
      const nameText = name === null ? '' : String(name);
      const orgText = organization === null ? '' : String(organization);
      const tuple = `${nameText}\u0000${orgText}\u0000${email}`;
      if (seen.has(tuple)) return;
      seen.add(tuple);
      names.push(nameText);
      organizations.push(orgText);
      nameEmails.push(email as string);
    });
  });
}

/** Distinct (id, email) pairs of the customer table and of value rows mapped to ids, in UTF-8 byte order. */
function idPairsSql(customer: string | null, mapped: { mapping: string; value: string } | undefined): string {
  const parts: string[] = [];
  const ctes: string[] = [];
  if (customer) {
    parts.push(`SELECT id, e FROM (SELECT ${cleanIdSql('customer360_id')} AS id, ${cleanEmailSql('email')} AS e
      FROM ${quoteIdentifier(customer)}) WHERE id IS NOT NULL AND e IS NOT NULL`);
  }
  if (mapped) {
    const sources = SOURCE_ID_COLUMNS.map((c, i) => `${cleanIdSql(c)} AS s${i}`).join(', ');
    ctes.push(`m AS MATERIALIZED (SELECT * FROM (SELECT ${cleanIdSql('customer360_id')} AS id, ${sources}
      FROM ${quoteIdentifier(mapped.mapping)}) WHERE id IS NOT NULL)`);
    ctes.push(`v AS MATERIALIZED (SELECT * FROM (SELECT ${cleanEmailSql('primary_email')} AS e, ${sources}
      FROM ${quoteIdentifier(mapped.value)}) WHERE e IS NOT NULL)`);
    SOURCE_ID_COLUMNS.forEach((_, i) => {
      parts.push(`SELECT m.id, v.e FROM v JOIN m ON m.s${i} = v.s${i}`);
    });
  }
  return `${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}${parts.join(' UNION ')} ORDER BY 1, 2`;
}

/** Distinct lower-cased (name, organisation, email) of customer rows with an email, by their first row. */
function nameTuplesSql(customer: string): string {
  return `SELECT n, o, e FROM (
      SELECT ${lowerSql('full_name')} AS n, ${lowerSql('organization_name')} AS o, ${cleanEmailSql('email')} AS e,
        rowid AS r
      FROM ${quoteIdentifier(customer)})
    WHERE e IS NOT NULL AND NOT (n IS NULL AND o IS NULL)
    GROUP BY n, o, e ORDER BY MIN(r)`;
}

/** Unicode lower case; printable ASCII text by SQLite's lower(), which folds it exactly as JavaScript does. */
function lowerSql(column: string): string {
  const c = quoteIdentifier(column);
  return `(CASE WHEN typeof(${c}) = 'text' AND ${c} NOT GLOB '*[^ -~]*' THEN lower(${c}) ELSE ${SQL_LOWER}(${c}) END)`;
}

/** The index read back: UTF-8 bytes and offsets straight from the Arrow files, searched without decoding them. */
export class CustomerLookupIndex {
  private readonly idKey: Data<Utf8>;
  private readonly idEmail: Data<Utf8>;
  private readonly name: Data<Utf8>;
  private readonly organization: Data<Utf8>;
  private readonly nameEmail: Data<Utf8>;

  constructor(
    directory: string,
    readonly covers: CachedCustomerLookup,
  ) {
    this.idKey = readUtf8(directory, 'id-key');
    this.idEmail = readUtf8(directory, 'id-email');
    this.name = readUtf8(directory, 'name');
    this.organization = readUtf8(directory, 'organization');
    this.nameEmail = readUtf8(directory, 'name-email');
  }

  /** Emails whose customer row or mapped source id carries exactly this (cleaned) customer360_id. */
  emailsForId(id: string): string[] {
    const wanted = Buffer.from(id, 'utf8');
    const { values, valueOffsets } = this.idKey;
    const n = this.idKey.length;
    const entry = (i: number) => values.subarray(valueOffsets[i] as number, valueOffsets[i + 1] as number);
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(entry(mid), wanted) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < n && Buffer.compare(entry(i), wanted) === 0; i++) out.push(text(this.idEmail, i));
    return out;
  }

  /**
   * Distinct emails of customer rows whose lower-cased full_name or organization_name contains `needle` (already
   * lower-cased), in the order of their first such row, at most `limit`: what the SQL `LIKE '%needle%'` gave.
   */
  emailsForName(needle: string, limit: number): string[] {
    const hits = new Uint8Array(this.nameEmail.length);
    markContaining(this.name, needle, hits);
    markContaining(this.organization, needle, hits);
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < hits.length && out.length < limit; i++) {
      if (hits[i] === 0) continue;
      const email = text(this.nameEmail, i);
      if (seen.has(email)) continue;
      seen.add(email);
      out.push(email);
    }
    return out;
  }
}

/** Marks every entry containing `needle`: memmem over the column's bytes, each hit mapped to its entry. */
function markContaining(column: Data<Utf8>, needle: string, hits: Uint8Array): void {
  const { values, valueOffsets } = column;
  const bytes = Buffer.from(values.buffer, values.byteOffset, valueOffsets[column.length] as number);
  const pattern = Buffer.from(needle, 'utf8');
  if (pattern.length === 0) {
    hits.fill(1);
    return;
  }
  let entry = 0;
  for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) {
    // The entry holding byte `at`: offsets only grow, and so do the hits.
    while ((valueOffsets[entry + 1] as number) <= at) entry++;
    if (at + pattern.length <= (valueOffsets[entry + 1] as number)) hits[entry] = 1;
  }
}

const utf8 = new TextDecoder();

function text(column: Data<Utf8>, i: number): string {
  return utf8.decode(column.values.subarray(column.valueOffsets[i] as number, column.valueOffsets[i + 1] as number));
}

/** The column as one Utf8 run (the searches index it whole): several batches are joined once, on open. */
function readUtf8(directory: string, base: string): Data<Utf8> {
  const vector = tableFromIPC(readFileSync(join(directory, `${base}.arrow`))).getChildAt(0);
  const batches = (vector?.data ?? []) as Data<Utf8>[];
  if (!vector || batches.some((data) => !(data.valueOffsets instanceof Int32Array) || data.dictionary)) {
    throw new Error(`${join(directory, base)}.arrow is not one Utf8 column`);
  }
  if (batches.length === 1) return batches[0] as Data<Utf8>;
  const length = batches.reduce((n, data) => n + data.length, 0);
  const bytes = batches.reduce(
    (n, data) => n + ((data.valueOffsets[data.length] as number) - (data.valueOffsets[0] as number)),
    0,
  );
  const offsets = new Int32Array(length + 1);
  const values = new Uint8Array(bytes);
  let row = 0;
  let at = 0;
  for (const data of batches) {
    const first = data.valueOffsets[0] as number;
    const last = data.valueOffsets[data.length] as number;
    values.set(data.values.subarray(first, last), at);
    for (let i = 1; i <= data.length; i++) offsets[row + i] = at + (data.valueOffsets[i] as number) - first;
    row += data.length;
    at += last - first;
  }
  return makeData({ type: new Utf8(), length, nullCount: 0, valueOffsets: offsets, data: values });
}

/** The table's real name when it exists with these columns, else null. */
function tableName(warehouse: Warehouse, tableId: TableId, columns: readonly string[]): string | null {
  const info = warehouse.schema.tables.get(tableId);
  if (!info || columns.some((c) => !info.columns.has(c))) return null;
  return info.name;
}
