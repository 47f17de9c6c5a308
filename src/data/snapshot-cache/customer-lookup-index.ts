import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Data,
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { compareCodePoints } from '../../analysis/code-point-order.js';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { cleanEmailSql, cleanIdSql } from '../sql-cleaning.js';
import { SQL_LOWER } from '../sqlite-cleaning-functions.js';
import type { TableId } from '../warehouse-schema.js';

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
 * Builds the /customer index with the cache (one pass over the customer, mapping and value tables), so a lookup by
 * id or name is a binary search or a byte search in memory instead of a scan of the 7.2M-row customer table:
 * - `id-key` / `id-email`: every (customer360_id, email) pair — from customer rows, and from value rows whose
 *   zendesk, marketo or stripe id a mapping row gives that customer360_id — sorted by the id's UTF-8 bytes;
 * - `name` / `organization` / `name-email`: each distinct (lower-cased full_name, organization_name, email) of the
 *   customer table, in the order of its first row (the order SQLite's DISTINCT … LIMIT met them).
 */
export function writeCustomerLookup(warehouse: Warehouse, directory: string): CachedCustomerLookup | undefined {
  const customer = tableName(warehouse, 'customer', ['customer360_id', 'email', 'full_name', 'organization_name']);
  const mapping = tableName(warehouse, 'mapping', ['customer360_id', ...SOURCE_ID_COLUMNS]);
  const value = tableName(warehouse, 'value', ['primary_email', ...SOURCE_ID_COLUMNS]);
  if (!customer && !(mapping && value)) return undefined;
  const pairs = new Set<string>();
  const names: string[] = [];
  const organizations: string[] = [];
  const nameEmails: string[] = [];
  if (customer) {
    const seen = new Set<string>();
    const email = cleanEmailSql('email');
    warehouse.eachRawRow(
      `SELECT ${cleanIdSql('customer360_id')}, ${email}, ${SQL_LOWER}(full_name), ${SQL_LOWER}(organization_name)
       FROM ${quoteIdentifier(customer)} WHERE ${email} IS NOT NULL ORDER BY rowid`,
      ([id, e, name, organization]) => {
        if (typeof id === 'string') pairs.add(`${id}\u0000${e}`);
        const nameText = name === null ? '' : String(name);
        const orgText = organization === null ? '' : String(organization);
        const tuple = `${nameText}\u0000${orgText}\u0000${e}`;
        if (seen.has(tuple) || (name === null && organization === null)) return;
        seen.add(tuple);
        names.push(nameText);
        organizations.push(orgText);
        nameEmails.push(e as string);
      },
    );
  }
  if (mapping && value) {
    const idsBySource = SOURCE_ID_COLUMNS.map(() => new Map<string, string[]>());
    warehouse.eachRawRow(
      `SELECT ${cleanIdSql('customer360_id')}, ${SOURCE_ID_COLUMNS.map(cleanIdSql).join(', ')} FROM ${quoteIdentifier(mapping)}`,
      ([id, ...sources]) => {
        if (typeof id !== 'string') return;
        sources.forEach((source, i) => {
          if (typeof source !== 'string') return;
          const byId = idsBySource[i] as Map<string, string[]>;
          const ids = byId.get(source);
          if (ids) ids.push(id);
          else byId.set(source, [id]);
        });
      },
    );
    warehouse.eachRawRow(
      `SELECT ${cleanEmailSql('primary_email')}, ${SOURCE_ID_COLUMNS.map(cleanIdSql).join(', ')} FROM ${quoteIdentifier(value)}`,
      ([e, ...sources]) => {
        if (typeof e !== 'string') return;
        sources.forEach((source, i) => {
          if (typeof source !== 'string') return;
          for (const id of idsBySource[i]?.get(source) ?? []) pairs.add(`${id}\u0000${e}`);
        });
      },
    );
  }
  const sorted = [...pairs].map((pair) => pair.split('\u0000') as [string, string]);
  // Code point order is UTF-8 byte order, which the lookup's binary search compares.
  sorted.sort((a, b) => compareCodePoints(a[0], b[0]) || compareCodePoints(a[1], b[1]));
  mkdirSync(directory, { recursive: true });
  writeUtf8(
    directory,
    'id-key',
    sorted.map((p) => p[0]),
  );
  writeUtf8(
    directory,
    'id-email',
    sorted.map((p) => p[1]),
  );
  writeUtf8(directory, 'name', names);
  writeUtf8(directory, 'organization', organizations);
  writeUtf8(directory, 'name-email', nameEmails);
  return { customerTable: customer, mappingTable: mapping && value ? mapping : null };
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

function writeUtf8(directory: string, base: string, strings: readonly string[]): void {
  const data = vectorFromArray(strings as string[], new Utf8()).data[0] as Data<Utf8>;
  const field = new Field(base, new Utf8(), false);
  const struct = makeData({ type: new Struct([field]), length: data.length, nullCount: 0, children: [data] });
  writeFileSync(
    join(directory, `${base}.arrow`),
    tableToIPC(new Table([new RecordBatch(new Schema([field]), struct)]), 'file'),
  );
}

function readUtf8(directory: string, base: string): Data<Utf8> {
  const vector = tableFromIPC(readFileSync(join(directory, `${base}.arrow`))).getChildAt(0);
  const data = vector?.data.length === 1 ? vector.data[0] : undefined;
  if (!data) throw new Error(`${join(directory, base)}.arrow is not one Utf8 column`);
  return data as Data<Utf8>;
}

/** The table's real name when it exists with these columns, else null. */
function tableName(warehouse: Warehouse, tableId: TableId, columns: readonly string[]): string | null {
  const info = warehouse.schema.tables.get(tableId);
  if (!info || columns.some((c) => !info.columns.has(c))) return null;
  return info.name;
}
