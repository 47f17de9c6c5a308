import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { VALUE_SEGMENT_COLUMNS } from '../../src/data/queries/value-customers.js';
import { TABLE_IDS, type TableId, WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';
import { createFixtureWarehouse, type FixtureRow } from '../helpers/fixture-warehouse.js';

/** Value-table columns the /priority, /value-segments and /customer fixtures fill: what the commands read plus keys. */
export const VALUE_FIXTURE_COLUMNS = [
  ...VALUE_SEGMENT_COLUMNS,
  'analysis_timestamp',
  'zendesk_user_id',
  'marketo_lead_id',
  'stripe_customer_id',
] as const;

export type FixtureValue = string | number | null;
export type ValueFixtureRow = Partial<Record<(typeof VALUE_FIXTURE_COLUMNS)[number], FixtureValue>>;

export interface FixtureTables {
  readonly value?: readonly ValueFixtureRow[];
  /** Rows of other warehouse tables (all TEXT, like real exports); a table not named here is left out of the file. */
  readonly other?: Partial<Record<Exclude<TableId, 'value'>, readonly FixtureRow[]>>;
  /** Leave these value columns out of the table (missing-column tests). */
  readonly dropValueColumns?: readonly string[];
}

export interface FixtureWarehouse {
  readonly warehouse: Warehouse;
  readonly context: CommandContext;
  cleanup(): void;
}

/**
 * A tiny warehouse file built by createFixtureWarehouse: the value table with only the fixture
 * columns, every column declared TEXT, plus the other tables given; rows get rowids in the order given.
 */
export function valueWarehouse(tables: FixtureTables): FixtureWarehouse {
  const dir = mkdtempSync(join(tmpdir(), 'radar-value-'));
  const path = join(dir, 'w.sqlite');
  const valueColumns: readonly string[] = VALUE_FIXTURE_COLUMNS.filter((c) => !tables.dropValueColumns?.includes(c));
  const other = tables.other ?? {};
  const allText = (id: TableId) =>
    Object.fromEntries(Object.keys(WAREHOUSE_TABLES[id].columns).map((c) => [c, 'TEXT']));
  createFixtureWarehouse(
    path,
    { ...other, value: (tables.value ?? []).map((row) => withoutDropped(row, valueColumns)) },
    {
      omitTables: TABLE_IDS.filter((id) => id !== 'value' && other[id as Exclude<TableId, 'value'>] === undefined),
      omitColumns: { value: Object.keys(WAREHOUSE_TABLES.value.columns).filter((c) => !valueColumns.includes(c)) },
      declaredTypes: Object.fromEntries(TABLE_IDS.map((id) => [id, allText(id)])),
    },
  );
  const warehouse = openWarehouse(path);
  return {
    warehouse,
    context: { warehouse: () => warehouse, now: () => new Date('2026-11-23T00:00:00Z'), locale: 'en' },
    cleanup: () => {
      warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A row's values for the kept columns: a dropped column's value goes nowhere, as the table has no such column. */
function withoutDropped(row: ValueFixtureRow, kept: readonly string[]): FixtureRow {
  return Object.fromEntries(Object.entries(row).filter(([c]) => kept.includes(c)));
}

/** A value row with the score inputs; every other column NULL unless given. */
export function scored(
  email: string,
  tier: string,
  pct: number,
  r: number,
  f: number,
  m: number,
  health: number,
  churn: number,
  extra: ValueFixtureRow = {},
): ValueFixtureRow {
  return {
    primary_email: email,
    analysis_timestamp: '2026-11-01 00:00:00',
    customer_tier: tier,
    portfolio_contribution_pct: pct,
    recency_score: r,
    frequency_score: f,
    monetary_score: m,
    customer_health_score: health,
    churn_probability: churn,
    ...extra,
  };
}
