import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InvestmentSales } from '../queries/investment-sales-join.js';
import { readNumberColumn } from './column-store.js';
import type { SnapshotCache } from './snapshot-cache.js';

/** /investment-mismatch's sales per latest value row, written after the tables (write-investment-sales.ts). */
export const INVESTMENT_SALES_FOLDER = 'investment-sales';
export const INVESTMENT_SALES_FIGURES = 'join.json';

const read = new WeakMap<SnapshotCache, InvestmentSales | null>();

/** The cache's sales join, read once per cache; undefined when this cache was built without one. */
export function investmentSalesOf(cache: SnapshotCache): InvestmentSales | undefined {
  let sales = read.get(cache);
  if (sales === undefined) {
    const directory = join(cache.directory, INVESTMENT_SALES_FOLDER);
    const figures = join(directory, INVESTMENT_SALES_FIGURES);
    sales = existsSync(figures)
      ? {
          sales: readNumberColumn(directory, 'sales'),
          ...(JSON.parse(readFileSync(figures, 'utf8')) as Omit<InvestmentSales, 'sales'>),
        }
      : null;
    read.set(cache, sales);
  }
  return sales ?? undefined;
}
