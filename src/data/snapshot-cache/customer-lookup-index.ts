import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, tableFromIPC, type Utf8 } from 'apache-arrow';

export const CUSTOMER_LOOKUP_FOLDER = 'customer-lookup';

/** What the index covers, as customer-lookup.ts names it in the answer's lookup note. */
export interface CachedCustomerLookup {
  /** The customer table's name when it has the id, email and name columns; null when absent. */
  readonly customerTable: string | null;
  /** The mapping table's name when it and the value table's source ids are there; null when absent. */
  readonly mappingTable: string | null;
}

/**
 * The /customer index (written by customer-lookup-build.ts) read back: UTF-8 bytes and offsets straight from the
 * Arrow files, searched batch by batch without decoding or joining them (joining a million-row column's batches
 * was a copy of every byte per first lookup). A file is read when a search first needs it: an id's emails only
 * when the id is there.
 */
export class CustomerLookupIndex {
  readonly #columns = new Map<string, Utf8Batches>();

  constructor(
    private readonly directory: string,
    readonly covers: CachedCustomerLookup,
  ) {}

  /** Emails whose customer row or mapped source id carries exactly this (cleaned) customer360_id. */
  emailsForId(id: string): string[] {
    const wanted = Buffer.from(id, 'utf8');
    const idKey = this.column('id-key');
    const n = idKey.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(idKey.bytes(mid), wanted) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < n && Buffer.compare(idKey.bytes(i), wanted) === 0; i++)
      out.push(this.column('id-email').text(i));
    return out;
  }

  /**
   * Distinct emails of customer rows whose lower-cased full_name or organization_name contains `needle` (already
   * lower-cased), in the order of their first such row, at most `limit`: what the SQL `LIKE '%needle%'` gave.
   */
  emailsForName(needle: string, limit: number): string[] {
    const nameEmail = this.column('name-email');
    const hits = new Uint8Array(nameEmail.length);
    this.column('name').markContaining(needle, hits);
    this.column('organization').markContaining(needle, hits);
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < hits.length && out.length < limit; i++) {
      if (hits[i] === 0) continue;
      const email = nameEmail.text(i);
      if (seen.has(email)) continue;
      seen.add(email);
      out.push(email);
    }
    return out;
  }

  private column(base: string): Utf8Batches {
    let column = this.#columns.get(base);
    if (!column) {
      column = new Utf8Batches(readUtf8(this.directory, base));
      this.#columns.set(base, column);
    }
    return column;
  }
}

/** One Utf8 column as its record batches, addressed by row over all of them. */
class Utf8Batches {
  readonly length: number;
  /** Row number of each batch's first row. */
  readonly #firsts: number[];

  constructor(private readonly batches: readonly Data<Utf8>[]) {
    let first = 0;
    this.#firsts = batches.map((data) => {
      const at = first;
      first += data.length;
      return at;
    });
    this.length = first;
  }

  bytes(i: number): Uint8Array {
    const b = this.batchOf(i);
    const data = this.batches[b] as Data<Utf8>;
    const at = data.offset + i - (this.#firsts[b] as number);
    return data.values.subarray(data.valueOffsets[at] as number, data.valueOffsets[at + 1] as number);
  }

  text(i: number): string {
    return utf8.decode(this.bytes(i));
  }

  /** Marks every row containing `needle`: memmem over each batch's bytes, each hit mapped to its row. */
  markContaining(needle: string, hits: Uint8Array): void {
    const pattern = Buffer.from(needle, 'utf8');
    if (pattern.length === 0) {
      hits.fill(1);
      return;
    }
    this.batches.forEach((data, b) => {
      const offsets = data.valueOffsets;
      const first = offsets[data.offset] as number;
      const end = offsets[data.offset + data.length] as number;
      const bytes = Buffer.from(data.values.buffer, data.values.byteOffset, end);
      let entry = data.offset;
      for (let at = bytes.indexOf(pattern, first); at >= 0; at = bytes.indexOf(pattern, at + 1)) {
        // The entry holding byte `at`: offsets only grow, and so do the hits.
        while ((offsets[entry + 1] as number) <= at) entry++;
        if (at + pattern.length <= (offsets[entry + 1] as number)) {
          hits[(this.#firsts[b] as number) + entry - data.offset] = 1;
        }
      }
    });
  }

  /** The batch holding row i. */
  private batchOf(i: number): number {
    let lo = 0;
    let hi = this.batches.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.#firsts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const utf8 = new TextDecoder();

/** The column's record batches (their bytes are views of the file's). */
function readUtf8(directory: string, base: string): readonly Data<Utf8>[] {
  const vector = tableFromIPC(readFileSync(join(directory, `${base}.arrow`))).getChildAt(0);
  const batches = (vector?.data ?? []) as Data<Utf8>[];
  if (!vector || batches.some((data) => !(data.valueOffsets instanceof Int32Array) || data.dictionary)) {
    throw new Error(`${join(directory, base)}.arrow is not one Utf8 column`);
  }
  return batches;
}
