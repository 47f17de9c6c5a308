import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Data, tableFromIPC, type Utf8 } from 'apache-arrow';
import { toNumber, type ValueIssueCounter } from '../clean-values.js';
import { quoteIdentifier } from '../inspect-schema.js';
import { isHeaderSql, salesPresentSql } from '../queries/customer-sales.js';
import { ColumnWriter } from './column-writer.js';

/**
 * Sales per customer360_id for the investment sales join of the build (write-investment-sales.ts), taken along by
 * the /customer index's pass over the customer table (customer-lookup-build.ts), which cleans every id and keys it
 * in a map anyway. The join's mapping fallback asks for the few thousand ids it resolved; in SQL that was one more
 * scan of the 7.2M-row customer table cleaning every id (loadSalesByCustomerId, ~8–11 s of the build's serial
 * tail at a million customers). Build-only files in the scratch folder, removed before the cache is published.
 *
 * Per id, the row customer-sales.ts's reduction keeps: among its rows, sales a number first, then the organisation
 * header, then the smallest rowid; its sales as toNumber reads them.
 */
export const CUSTOMER_ID_SALES_FOLDER = 'build-only-customer-id-sales';

/** The pass's extra columns: `header flag, raw sales, sales present` (customer-sales.ts's SQL tests). */
export function idSalesColumnsSql(): string {
  return `${isHeaderSql('is_organization_header')}, ${quoteIdentifier('total_sales_amount')}, ${salesPresentSql('total_sales_amount')}`;
}

/** The chosen row per id slot (slots are numbered by the caller, in the order ids were first met). */
export class CustomerIdSales {
  private present = new Int8Array(1024).fill(-1);
  private header = new Uint8Array(1024);
  /** The chosen row's sales as toNumber reads them (NaN: null), in a typed array: no boxed number per id. */
  private sales = new Float64Array(1024);
  private readonly issues: ValueIssueCounter = { unreadable: 0 };

  /** A customer row of the id in `slot`: `header`, `sales`, `present` as idSalesColumnsSql selects them. Rows come in rowid order. */
  add(slot: number, header: number, sales: unknown, present: number): void {
    if (slot >= this.present.length) this.grow(slot);
    const known = this.present[slot] as number;
    // The first row wins unless a later one has sales where it has none, or is the header among rows alike.
    if (known >= 0 && (present < known || (present === known && header <= (this.header[slot] as number)))) return;
    this.present[slot] = present;
    this.header[slot] = header;
    this.sales[slot] = toNumber(sales, this.issues) ?? Number.NaN;
  }

  /** Whether the id in `slot` has a customer row. */
  has(slot: number): boolean {
    return slot < this.present.length && (this.present[slot] as number) >= 0;
  }

  /** The chosen row's sales as a number (null: none, or not a number), for an id with a customer row. */
  salesOf(slot: number): number | null {
    const sales = this.sales[slot] as number;
    return Number.isNaN(sales) ? null : sales;
  }

  private grow(slot: number): void {
    let length = this.present.length;
    while (length <= slot) length *= 2;
    const present = new Int8Array(length).fill(-1);
    present.set(this.present);
    const header = new Uint8Array(length);
    header.set(this.header);
    const sales = new Float64Array(length);
    sales.set(this.sales);
    this.present = present;
    this.header = header;
    this.sales = sales;
  }
}

/**
 * Writes the build-only files beside the id pairs: per id-key row its id's `pair-sales` (NaN: none) and whether the
 * id has a customer row at all (`pair-has-row`, 1 or 0: the mapping gives ids the customer table may lack), and
 * the ids with customer rows but no pair (no email cleans) with their sales, in code-point order.
 */
export class CustomerIdSalesWriter {
  readonly writers: readonly ColumnWriter[];
  private readonly pairSales: ColumnWriter;
  private readonly pairHasRow: ColumnWriter;
  private readonly orphanIds: ColumnWriter;
  private readonly orphanSales: ColumnWriter;

  constructor(
    directory: string,
    private readonly sales: CustomerIdSales,
    batchRows: number,
  ) {
    mkdirSync(directory, { recursive: true });
    this.pairSales = new ColumnWriter(join(directory, 'pair-sales.arrow'), 'number', 'plain', batchRows);
    this.pairHasRow = new ColumnWriter(join(directory, 'pair-has-row.arrow'), 'number', 'plain', batchRows);
    this.orphanIds = new ColumnWriter(join(directory, 'orphan-id.arrow'), 'string', 'plain', batchRows);
    this.orphanSales = new ColumnWriter(join(directory, 'orphan-sales.arrow'), 'number', 'plain', batchRows);
    this.writers = [this.pairSales, this.pairHasRow, this.orphanIds, this.orphanSales];
  }

  /** The next id-key row's id slot. */
  pair(slot: number): void {
    const hasRow = this.sales.has(slot);
    this.pairSales.push(hasRow ? this.sales.salesOf(slot) : null);
    this.pairHasRow.push(hasRow ? 1 : 0);
  }

  /** An id without pairs, in its place in code-point order. */
  orphan(id: string, slot: number): void {
    if (!this.sales.has(slot)) return;
    this.orphanIds.push(id);
    this.orphanSales.push(this.sales.salesOf(slot));
  }
}

/**
 * loadSalesByCustomerId's answer from the build-only files: per asked id with a customer row, its sales (null: none).
 * Undefined when the files are not there (the build then asks SQLite).
 */
export function readCustomerIdSales(
  directory: string,
  lookupDirectory: string,
): ((ids: readonly string[]) => Map<string, number | null>) | undefined {
  if (!existsSync(join(directory, 'pair-sales.arrow'))) return undefined;
  const pairIds = new SortedUtf8(readBatches(lookupDirectory, 'id-key'));
  const pairSales = readNumbers(directory, 'pair-sales');
  const pairHasRow = readNumbers(directory, 'pair-has-row');
  const orphanIds = new SortedUtf8(readBatches(directory, 'orphan-id'));
  const orphanSales = readNumbers(directory, 'orphan-sales');
  return (ids) => {
    const found = new Map<string, number | null>();
    for (const id of ids) {
      const bytes = Buffer.from(id, 'utf8');
      const pair = pairIds.find(bytes);
      const orphan = pair < 0 ? orphanIds.find(bytes) : -1;
      if (pair >= 0) {
        if (pairHasRow[pair] === 1) found.set(id, numberOrNull(pairSales[pair] as number));
      } else if (orphan >= 0) found.set(id, numberOrNull(orphanSales[orphan] as number));
    }
    return found;
  };
}

function numberOrNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** A Utf8 column sorted by its bytes (code-point order), searched without decoding. */
class SortedUtf8 {
  private readonly firsts: number[];
  readonly length: number;

  constructor(private readonly batches: readonly Data<Utf8>[]) {
    let first = 0;
    this.firsts = batches.map((data) => {
      const at = first;
      first += data.length;
      return at;
    });
    this.length = first;
  }

  /** The first row holding exactly these bytes, -1 when none. */
  find(wanted: Uint8Array): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Buffer.compare(this.bytes(mid), wanted) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.length && Buffer.compare(this.bytes(lo), wanted) === 0 ? lo : -1;
  }

  private bytes(i: number): Uint8Array {
    let b = this.batches.length - 1;
    while ((this.firsts[b] as number) > i) b--;
    const data = this.batches[b] as Data<Utf8>;
    const at = data.offset + i - (this.firsts[b] as number);
    return data.values.subarray(data.valueOffsets[at] as number, data.valueOffsets[at + 1] as number);
  }
}

function readBatches(directory: string, base: string): readonly Data<Utf8>[] {
  return (tableFromIPC(readFileSync(join(directory, `${base}.arrow`))).getChildAt(0)?.data ?? []) as Data<Utf8>[];
}

function readNumbers(directory: string, base: string): Float64Array {
  const batches = tableFromIPC(readFileSync(join(directory, `${base}.arrow`))).getChildAt(0)?.data ?? [];
  const out = new Float64Array(batches.reduce((n, data) => n + data.length, 0));
  let at = 0;
  for (const data of batches) {
    out.set((data.values as Float64Array).subarray(data.offset, data.offset + data.length), at);
    at += data.length;
  }
  return out;
}
