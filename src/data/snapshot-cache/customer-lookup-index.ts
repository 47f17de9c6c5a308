import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, makeData, tableFromIPC, Utf8 } from 'apache-arrow';

export const CUSTOMER_LOOKUP_FOLDER = 'customer-lookup';

/** What the index covers, as customer-lookup.ts names it in the answer's lookup note. */
export interface CachedCustomerLookup {
  /** The customer table's name when it has the id, email and name columns; null when absent. */
  readonly customerTable: string | null;
  /** The mapping table's name when it and the value table's source ids are there; null when absent. */
  readonly mappingTable: string | null;
}

/** The /customer index (written by customer-lookup-build.ts) read back: UTF-8 bytes and offsets straight from the Arrow files, searched without decoding them. */
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
