import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../open-warehouse.js';
import { joinInvestmentSales } from '../queries/investment-customers.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import { INVESTMENT_SALES_FIGURES, INVESTMENT_SALES_FOLDER } from './investment-sales.js';
import { onCacheBeingBuilt } from './on-cache-being-built.js';
import type { SnapshotManifest } from './snapshot-manifest.js';

/**
 * A build step after every table is written: /investment-mismatch's sales join (by email, else through the mapping)
 * made by the command's own code on the cache just written, and stored per latest value row with its figures. A
 * command then reads one number column instead of decoding a million emails and source ids, joining them, and
 * scanning the 7.2M-row customer table and the mapping in SQLite for the few thousand customers whose email has no
 * customer row (~9 s of a first answer at a million customers). The step costs the build that same SQL once (about
 * 5 s of CPU at a million customers, bench/README.md); nothing is written when the export lacks what §1 needs.
 */
export function writeInvestmentSales(
  warehouse: Warehouse,
  scratch: string,
  manifest: SnapshotManifest,
  batchRows: number = DEFAULT_BATCH_ROWS,
): void {
  onCacheBeingBuilt(warehouse, scratch, manifest, () => {
    const joined = joinInvestmentSales(warehouse, 'the snapshot cache build');
    if (!joined) return;
    const directory = join(scratch, INVESTMENT_SALES_FOLDER);
    mkdirSync(directory, { recursive: true });
    const sales = new ColumnWriter(join(directory, 'sales.arrow'), 'number', 'plain', batchRows);
    writeColumns([sales], () => {
      for (const value of joined.sales) sales.push(Number.isNaN(value) ? null : value);
    });
    const { sales: _sales, ...figures } = joined;
    writeFileSync(join(directory, INVESTMENT_SALES_FIGURES), JSON.stringify(figures));
  });
}
