import { describe, expect, it } from 'vitest';
import { selectPriorityColumns } from '../../../src/analysis/priority/priority-column-filter.js';
import { rankPriorityColumns, scoredRowAt } from '../../../src/analysis/priority/priority-columns.js';
import { type PriorityFilters, selectPriority } from '../../../src/analysis/priority/priority-filter.js';
import { computePriority, DEFAULT_PRIORITY_OPTIONS } from '../../../src/analysis/priority/priority-score.js';
import { loadZones } from '../../../src/commands/load-zones.js';
import { zoneCodesOfColumns } from '../../../src/commands/priority/priority-on-columns.js';
import { ensureDemoWarehouse } from '../../../src/data/demo/demo-warehouse-path.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../../../src/data/queries/value-customers.js';
import { loadPriorityColumns } from '../../../src/data/queries/value-priority-columns.js';
import { openCachedTestWarehouse } from '../../helpers/open-test-warehouse.js';

const OPTION_SETS = [
  DEFAULT_PRIORITY_OPTIONS,
  { weights: { rfm: 0.6, health: 0.1, churn: 0.3 }, dropThreshold: 0.02, accelerationCumeDist: 0.5 },
];

function demoColumns() {
  const warehouse = openCachedTestWarehouse(ensureDemoWarehouse('full'));
  const columns = loadPriorityColumns(warehouse, 'the test');
  if (!columns) throw new Error('the demo read through its snapshot cache should give columns');
  const { customers } = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
    neededFor: 'the test',
    withPrevious: true,
  });
  return { warehouse, columns, customers };
}

describe('analysis/priority rankPriorityColumns', () => {
  it('ranks the demo exactly as computePriority does over the row objects, figure by figure', () => {
    const { columns, customers } = demoColumns();
    expect(columns.input.rows.length).toBe(customers.length);
    customers.forEach((customer, i) => {
      if (i % 97 === 0) expect(columns.customerAt(i)).toEqual(customer);
    });
    for (const options of OPTION_SETS) {
      const plain = computePriority(customers, options);
      const ranked = rankPriorityColumns(columns.input, options);
      const { ranked: rows, ...figures } = plain;
      for (const [key, value] of Object.entries(figures)) expect(ranked[key as keyof typeof ranked]).toEqual(value);
      expect(plain.comparable).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.route)).size).toBe(4);
      rows.forEach((row, p) => {
        expect(scoredRowAt(ranked, p, customers[ranked.rankedFrom[p] as number] as never)).toEqual(row);
      });
    }
  });

  it('selects the same rows as selectPriority for every filter, and names the same values when one empties', () => {
    const { warehouse, columns, customers } = demoColumns();
    const plain = computePriority(customers);
    const ranked = rankPriorityColumns(columns.input, DEFAULT_PRIORITY_OPTIONS);
    const zones = loadZones(warehouse, 'the test');
    const zoneCodes = zoneCodesOfColumns(ranked, columns, zones);
    const filterSets: PriorityFilters[] = [
      {},
      { tier: 'gold' },
      { segment: 'SMB', stage: 'Retention' },
      { zone: 'red' },
      { zone: 'green', route: 'dedicated-acceleration' },
      { tier: 'Platinum', segment: 'HV', stage: 'growth', zone: 'yellow', route: 'standard' },
      { tier: 'Diamond' },
      { segment: 'HV', route: 'automated-nurture' },
      { stage: 'Retention', zone: 'red', route: 'manual-intervention' },
    ];
    let emptied = 0;
    for (const filters of filterSets) {
      const byRows = selectPriority(plain.ranked, filters, 10, zones.lookup);
      const byColumns = selectPriorityColumns(ranked, columns.input, columns.stage, zoneCodes, filters);
      expect([...byColumns.matched].map((p) => plain.ranked[p])).toEqual(byRows.matched);
      expect(byColumns.emptyFilter).toEqual(byRows.emptyFilter);
      if (byRows.emptyFilter) emptied++;
    }
    expect(emptied).toBeGreaterThanOrEqual(2);
  });
});
