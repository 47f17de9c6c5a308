import { type ColumnOf, declaredTypeFor, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';

export type SqlValue = string | number | null;

/** One row of a table with every column present, so a forgotten column is a compile error. */
export type DemoRow<T extends TableId> = Record<ColumnOf<T>, SqlValue>;

/**
 * Numeric columns the demo declares TEXT and fills with numbers written as text, as real
 * exports do; readers must cast (and a TEXT column compared with a number literal compares
 * as text in SQLite, the classic trap). `team_size` also carries a little non-numeric junk.
 */
export const TEXT_DECLARED_NUMBERS: { readonly [T in TableId]?: readonly ColumnOf<T>[] } = {
  activity: ['composite_engagement_score'],
  funnel: ['marketing_to_sales_days'],
  value: ['churn_probability', 'team_size'],
  netsuite: ['total_revenue'],
};

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface ColumnDeclaration {
  readonly name: string;
  readonly declaredType: string;
}

/** The columns Radar itself creates: the schema's kinds mapped by declaredTypeFor, then the overrides. */
export function tableColumns(
  table: TableId,
  overrides: Partial<Record<string, string>> = {},
  omit: readonly string[] = [],
): ColumnDeclaration[] {
  const columns = WAREHOUSE_TABLES[table].columns as Readonly<Record<string, Parameters<typeof declaredTypeFor>[0]>>;
  return Object.entries(columns)
    .filter(([name]) => !omit.includes(name))
    .map(([name, kind]) => ({ name, declaredType: overrides[name] ?? declaredTypeFor(kind) }));
}

/** The demo's declared types: the schema's, except the deliberately messy TEXT numbers. */
export function demoTableColumns(table: TableId): ColumnDeclaration[] {
  const messy = (TEXT_DECLARED_NUMBERS[table] ?? []) as readonly string[];
  return tableColumns(table, Object.fromEntries(messy.map((c) => [c, 'TEXT'])));
}

export function createTableSql(tableName: string, columns: readonly ColumnDeclaration[]): string {
  const body = columns.map((c) => `${quoteIdentifier(c.name)} ${c.declaredType}`.trimEnd()).join(', ');
  return `CREATE TABLE ${quoteIdentifier(tableName)} (${body})`;
}

export function insertSql(tableName: string, columnNames: readonly string[], rows = 1): string {
  const names = columnNames.map(quoteIdentifier).join(', ');
  const tuple = `(${columnNames.map(() => '?').join(', ')})`;
  return `INSERT INTO ${quoteIdentifier(tableName)} (${names}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}
