import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { cacheTasks, runCacheTasks } from '../../src/data/snapshot-cache/cache-table.js';
import { CUSTOMER_ID_SALES_FOLDER } from '../../src/data/snapshot-cache/customer-id-sales.js';
import { CUSTOMER_LOOKUP_FOLDER } from '../../src/data/snapshot-cache/customer-lookup-index.js';
import { SALES_BY_EMAIL_FOLDER } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

function files(directory: string): Map<string, Buffer> {
  return new Map(readdirSync(directory).map((name) => [name, readFileSync(join(directory, name))]));
}

function expectSameFiles(merged: string, apart: string, expected: readonly string[]): void {
  const mergedFiles = files(merged);
  const apartFiles = files(apart);
  expect([...mergedFiles.keys()].sort()).toEqual([...expected].sort());
  expect([...apartFiles.keys()].sort()).toEqual([...expected].sort());
  for (const [name, bytes] of apartFiles) expect(mergedFiles.get(name)?.equals(bytes), name).toBe(true);
}

describe('data/snapshot-cache: the /customer index written by the sales pass', () => {
  it.each([
    ['the names', { withNames: true, withIds: false }],
    ['the names and the id pairs', { withNames: true, withIds: true }],
  ])('writes the same files with %s as their own passes and the sales pass alone', (_, along) => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const merged = tempDir('radar-names-sales-');
    const apart = tempDir('radar-names-sales-');
    // Batches of 1,000 rows: every file of the demo is several record batches.
    const together = runCacheTasks(warehouse, merged, [{ kind: 'sales', ...along }], 1000);
    const separately = runCacheTasks(
      warehouse,
      apart,
      [
        { kind: 'sales', withNames: false, withIds: false },
        { kind: 'lookup', part: 'names' },
        ...(along.withIds ? [{ kind: 'lookup', part: 'ids' } as const] : []),
      ],
      1000,
    );
    expect(together).toEqual(separately);
    const nameFiles = ['name-email.arrow', 'name.arrow', 'organization.arrow'];
    const idFiles = along.withIds ? ['id-email.arrow', 'id-key.arrow'] : [];
    expectSameFiles(join(merged, CUSTOMER_LOOKUP_FOLDER), join(apart, CUSTOMER_LOOKUP_FOLDER), [
      ...nameFiles,
      ...idFiles,
    ]);
    expect(files(join(merged, CUSTOMER_LOOKUP_FOLDER)).get('name.arrow')?.length).toBeGreaterThan(10_000);
    expectSameFiles(join(merged, SALES_BY_EMAIL_FOLDER), join(apart, SALES_BY_EMAIL_FOLDER), [
      'email.arrow',
      'sales.arrow',
    ]);
    if (along.withIds) {
      const idSales = ['orphan-id.arrow', 'orphan-sales.arrow', 'pair-has-row.arrow', 'pair-sales.arrow'];
      expectSameFiles(join(merged, CUSTOMER_ID_SALES_FOLDER), join(apart, CUSTOMER_ID_SALES_FOLDER), idSales);
      expect(files(join(merged, CUSTOMER_LOOKUP_FOLDER)).get('id-key.arrow')?.length).toBeGreaterThan(10_000);
    }
  });

  it('reads the mapped pairs before opening any of the pass’s files, so a failed read leaves none open', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const valueTable = warehouse.schema.tables.get('value')?.name;
    const eachTableRow = warehouse.eachTableRow.bind(warehouse);
    warehouse.eachTableRow = (table, ...rest) => {
      if (table === valueTable) throw new Error('the export went away');
      eachTableRow(table, ...rest);
    };
    const directory = tempDir('radar-names-sales-');
    expect(() =>
      runCacheTasks(warehouse, directory, [{ kind: 'sales', withNames: true, withIds: true }], 1000),
    ).toThrow('the export went away');
    const lookup = join(directory, CUSTOMER_LOOKUP_FOLDER);
    expect(existsSync(lookup) ? readdirSync(lookup) : []).toEqual([]);
    expect(existsSync(join(directory, CUSTOMER_ID_SALES_FOLDER))).toBe(false);
  });

  it('plans one pass over the customer table for the sales, the names and the id pairs when the table has all three', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const customerTasks = cacheTasks(warehouse)
      .map((t) => t.task)
      .filter((task) => task.kind !== 'table');
    expect(customerTasks).toEqual([{ kind: 'sales', withNames: true, withIds: true }]);
  });
});
