import { quoteIdentifier } from '../inspect-schema.js';
import type { Warehouse } from '../open-warehouse.js';
import { cleanIdSql } from '../sql-cleaning.js';
import { WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { isHeaderSql } from './customer-sales.js';

/**
 * The §1 fallback for a value row whose email no customer row carries: its source ids through
 * customer360__mapping, zendesk first, then marketo, then stripe. Per source id the mapping row
 * with `is_organization_header = 1` wins, else the smallest customer360_id (ids as text), else
 * the smallest rowid. Mapping rows without a customer360_id resolve nothing and are skipped.
 */

export const SOURCE_ID_ORDER = ['zendesk_user_id', 'marketo_lead_id', 'stripe_customer_id'] as const;
export type SourceIdColumn = (typeof SOURCE_ID_ORDER)[number];

export type SourceIds = Readonly<Record<SourceIdColumn, string | null>>;

export const MAPPING_COLUMNS = ['customer360_id', 'is_organization_header', ...SOURCE_ID_ORDER] as const;

export interface MappingResolution {
  readonly customerId: string;
  readonly via: SourceIdColumn;
}

/** Resolves each entry's ids; the result is parallel to `entries` (null = nothing matched). */
export function resolveThroughMapping(
  warehouse: Warehouse,
  entries: readonly SourceIds[],
): (MappingResolution | null)[] {
  const lookups = new Map<SourceIdColumn, Map<string, string>>();
  for (const column of SOURCE_ID_ORDER) {
    const wanted = [...new Set(entries.map((e) => e[column]).filter((id): id is string => id !== null))];
    lookups.set(column, resolveSourceIds(warehouse, column, wanted));
  }
  return entries.map((entry) => {
    for (const column of SOURCE_ID_ORDER) {
      const id = entry[column];
      if (id === null) continue;
      const customerId = lookups.get(column)?.get(id);
      if (customerId !== undefined) return { customerId, via: column };
    }
    return null;
  });
}

/** Cleaned source id → the customer360_id its winning mapping row gives, for the ids of one column that have one. */
export function resolveSourceIds(
  warehouse: Warehouse,
  column: SourceIdColumn,
  ids: readonly string[],
): Map<string, string> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const table = quoteIdentifier(warehouse.schema.tables.get('mapping')?.name ?? WAREHOUSE_TABLES.mapping.name);
  const key = cleanIdSql(column);
  const sql = `SELECT k, cid FROM (
      SELECT ${key} AS k, ${cleanIdSql('customer360_id')} AS cid,
        ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${isHeaderSql('is_organization_header')} DESC,
          ${cleanIdSql('customer360_id')}, rowid) AS rk
      FROM ${table}
      WHERE ${key} IN (SELECT value FROM json_each(?)) AND ${cleanIdSql('customer360_id')} IS NOT NULL
    ) WHERE rk = 1`;
  for (const row of warehouse.rawRows(sql, [JSON.stringify(ids)])) found.set(row[0] as string, row[1] as string);
  return found;
}
