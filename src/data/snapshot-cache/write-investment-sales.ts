import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../open-warehouse.js';
import { joinInvestmentSales } from '../queries/investment-customers.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import { CUSTOMER_ID_SALES_FOLDER, readCustomerIdSales } from './customer-id-sales.js';
import { CUSTOMER_LOOKUP_FOLDER } from './customer-lookup-index.js';
import { INVESTMENT_SALES_FIGURES, INVESTMENT_SALES_FOLDER } from './investment-sales.js';
import { onCacheBeingBuilt } from './on-cache-being-built.js';
import type { SnapshotManifest } from './snapshot-manifest.js';

/**
 * A build step after every table is written: /investment-mismatch's sales join (by email, else through the mapping)
 * made by the command's own code on the cache just written, and stored per latest value row with its figures. A
 * command then reads one number column instead of decoding a million emails and source ids, joining them, and
 * scanning the 7.2M-row customer table and the mapping in SQLite for the few thousand customers whose email has no
 * customer row (~9 s of a first answer at a million customers). The step costs the build that join once; the sales
 * of the customer360_ids the mapping resolves come from the id pass (customer-id-sales.ts), not from a scan of the
 * customer table. Nothing is written when the export lacks what §1 needs.
 */
export function writeInvestmentSales(
  warehouse: Warehouse,
  scratch: string,
  manifest: SnapshotManifest,
  batchRows: number = DEFAULT_BATCH_ROWS,
): void {
  const idSalesDirectory = join(scratch, CUSTOMER_ID_SALES_FOLDER);
  try {
    onCacheBeingBuilt(warehouse, scratch, manifest, () => writeJoin(warehouse, scratch, idSalesDirectory, batchRows));
  } finally {
    // Build-only files: the published cache is the same with or without them.
    rmSync(idSalesDirectory, { recursive: true, force: true });
  }
}

/** The join, with sales per customer360_id from the build's id pass when it wrote them (else from SQLite). */
function writeJoin(warehouse: Warehouse, scratch: string, idSalesDirectory: string, batchRows: number): void {
  const fromIdPass = readCustomerIdSales(idSalesDirectory, join(scratch, CUSTOMER_LOOKUP_FOLDER));
  const salesById = fromIdPass && ((_: Warehouse, ids: readonly string[]) => fromIdPass(ids));
  const joined = joinInvestmentSales(warehouse, 'the snapshot cache build', salesById);
  if (!joined) return;
  const directory = join(scratch, INVESTMENT_SALES_FOLDER);
  mkdirSync(directory, { recursive: true });
  const sales = new ColumnWriter(join(directory, 'sales.arrow'), 'number', 'plain', batchRows);
  writeColumns([sales], () => {
    for (const value of joined.sales) sales.push(Number.isNaN(value) ? null : value);
  });
  const { sales: _sales, ...figures } = joined;
  writeFileSync(join(directory, INVESTMENT_SALES_FIGURES), JSON.stringify(figures));
}
