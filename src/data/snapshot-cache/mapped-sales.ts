import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { CUSTOMER_SALES_COLUMNS, loadSalesByCustomerId } from '../queries/customer-sales.js';
import {
  MAPPING_COLUMNS,
  resolveSourceIds,
  SOURCE_ID_ORDER,
  type SourceIdColumn,
} from '../queries/investment-mapping.js';
import { tableAvailability } from '../read-table.js';
import { cleanEmailSql, cleanIdSql } from '../sql-cleaning.js';
import { readColumnValues } from './column-store.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import type { SnapshotCache } from './snapshot-cache.js';

export const MAPPED_SALES_FOLDER = 'mapped-sales';

/**
 * /investment-mismatch's mapping fallback, worked out with the cache: a value row whose email no customer row
 * carries takes the sales of the customer360_id its source ids resolve to through the mapping. Answering that from
 * SQLite scanned the 7.2M-row customer table and the mapping per export (~9 s at a million customers). Written here:
 * for every source id of a value row (any snapshot) whose cleaned email is not a customer email — a superset of the
 * latest rows the command falls back for — that resolves, the sales of its customer360_id, by the very functions the
 * command's SQLite path calls (resolveSourceIds, loadSalesByCustomerId). No folder when a table or column is missing:
 * the command then asks SQLite, as it does without a cache.
 */
export function writeMappedSales(
  warehouse: Warehouse,
  directory: string,
  batchRows: number = DEFAULT_BATCH_ROWS,
): boolean {
  const value = tableAvailability(warehouse, 'value', ['primary_email', ...SOURCE_ID_ORDER]);
  const present = SOURCE_ID_ORDER.filter((c) => !value.missingColumns.includes(c));
  if (!value.present || value.missingColumns.includes('primary_email') || present.length === 0) return false;
  if (tableAvailability(warehouse, 'mapping', MAPPING_COLUMNS).missingColumns.length > 0) return false;
  if (tableAvailability(warehouse, 'customer', CUSTOMER_SALES_COLUMNS).missingColumns.length > 0) return false;
  if (!warehouse.schema.tables.has('mapping') || !warehouse.schema.tables.has('customer')) return false;

  const wanted = new Map<SourceIdColumn, Set<string>>(SOURCE_ID_ORDER.map((c) => [c, new Set<string>()]));
  warehouse.eachRawRow(unmatchedIdsSql(warehouse, present), (row) => {
    SOURCE_ID_ORDER.forEach((column, i) => {
      const id = row[i];
      if (typeof id === 'string') wanted.get(column)?.add(id);
    });
  });
  const resolved = SOURCE_ID_ORDER.map((column) => ({
    column,
    customerIds: resolveSourceIds(warehouse, column, [...(wanted.get(column) ?? [])]),
  }));
  const customerIds = [...new Set(resolved.flatMap((r) => [...r.customerIds.values()]))];
  const sales = loadSalesByCustomerId(warehouse, customerIds);

  mkdirSync(directory, { recursive: true });
  const sources = new ColumnWriter(join(directory, 'source.arrow'), 'number', 'plain', batchRows);
  const ids = new ColumnWriter(join(directory, 'id.arrow'), 'string', 'plain', batchRows);
  const amounts = new ColumnWriter(join(directory, 'sales.arrow'), 'number', 'plain', batchRows);
  writeColumns([sources, ids, amounts], () => {
    resolved.forEach(({ customerIds: byId }, source) => {
      for (const [id, customerId] of byId) {
        sources.push(source);
        ids.push(id);
        amounts.push(sales.get(customerId) ?? null);
      }
    });
  });
  return true;
}

/** The cleaned source ids of value rows whose cleaned email is not the cleaned email of any customer row. */
function unmatchedIdsSql(warehouse: Warehouse, present: readonly SourceIdColumn[]): string {
  const value = quoteIdentifier(warehouse.schema.tables.get('value')?.name as string);
  const customer = quoteIdentifier(warehouse.schema.tables.get('customer')?.name as string);
  const ids = SOURCE_ID_ORDER.map((c) => (present.includes(c) ? cleanIdSql(c) : 'NULL')).join(', ');
  return `SELECT ${ids} FROM ${value}
    WHERE ${cleanEmailSql('primary_email')} NOT IN (
      SELECT e FROM (SELECT ${cleanEmailSql('email')} AS e FROM ${customer}) WHERE e IS NOT NULL)`;
}

/** Sales through the mapping as written with the cache: per source id column, cleaned id → sales (null = none). */
export type MappedSales = Readonly<Record<SourceIdColumn, ReadonlyMap<string, number | null>>>;

const read = new WeakMap<SnapshotCache, MappedSales | null>();

/** The cache's mapped sales, read once per cache; undefined when this cache was built without them. */
export function mappedSalesOf(cache: SnapshotCache): MappedSales | undefined {
  let sales = read.get(cache);
  if (sales === undefined) {
    const directory = join(cache.directory, MAPPED_SALES_FOLDER);
    sales = existsSync(directory) ? readMappedSales(directory) : null;
    read.set(cache, sales);
  }
  return sales ?? undefined;
}

function readMappedSales(directory: string): MappedSales {
  const sources = readColumnValues(directory, 'source', 'number') as number[];
  const ids = readColumnValues(directory, 'id', 'string') as string[];
  const amounts = readColumnValues(directory, 'sales', 'number') as (number | null)[];
  const maps: Record<SourceIdColumn, Map<string, number | null>> = {
    zendesk_user_id: new Map(),
    marketo_lead_id: new Map(),
    stripe_customer_id: new Map(),
  };
  for (let i = 0; i < ids.length; i++) {
    const column = SOURCE_ID_ORDER[sources[i] as number] as SourceIdColumn;
    maps[column].set(ids[i] as string, amounts[i] ?? null);
  }
  return maps;
}
