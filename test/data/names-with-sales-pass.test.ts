import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { cacheTasks, runCacheTasks } from '../../src/data/snapshot-cache/cache-table.js';
import { CUSTOMER_LOOKUP_FOLDER } from '../../src/data/snapshot-cache/customer-lookup-index.js';
import { SALES_BY_EMAIL_FOLDER } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

function files(directory: string): Map<string, Buffer> {
  return new Map(readdirSync(directory).map((name) => [name, readFileSync(join(directory, name))]));
}

describe('data/snapshot-cache names written by the sales pass', () => {
  it('writes the same name files and sales files as the names’ own pass and the sales pass alone', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const merged = tempDir('radar-names-sales-');
    const apart = tempDir('radar-names-sales-');
    // Batches of 1,000 rows: every file of the demo is several record batches.
    const together = runCacheTasks(warehouse, merged, [{ kind: 'sales', withNames: true }], 1000);
    const separately = runCacheTasks(
      warehouse,
      apart,
      [
        { kind: 'sales', withNames: false },
        { kind: 'lookup', part: 'names' },
      ],
      1000,
    );
    expect(together).toEqual(separately);
    const namesMerged = files(join(merged, CUSTOMER_LOOKUP_FOLDER));
    const namesApart = files(join(apart, CUSTOMER_LOOKUP_FOLDER));
    expect([...namesMerged.keys()].sort()).toEqual(['name-email.arrow', 'name.arrow', 'organization.arrow']);
    expect([...namesApart.keys()].sort()).toEqual([...namesMerged.keys()].sort());
    for (const [name, bytes] of namesApart) expect(namesMerged.get(name)?.equals(bytes), name).toBe(true);
    expect((namesMerged.get('name.arrow') as Buffer).length).toBeGreaterThan(10_000);
    const salesMerged = files(join(merged, SALES_BY_EMAIL_FOLDER));
    for (const [name, bytes] of files(join(apart, SALES_BY_EMAIL_FOLDER))) {
      expect(salesMerged.get(name)?.equals(bytes), name).toBe(true);
    }
  });

  it('plans the names with the sales pass, after the id pairs on one thread, when the customer table has both', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const customerTasks = cacheTasks(warehouse)
      .map((t) => t.task)
      .filter((task) => task.kind !== 'table');
    expect(customerTasks).toEqual([
      {
        kind: 'sequence',
        steps: [
          { kind: 'lookup', part: 'ids' },
          { kind: 'sales', withNames: true },
        ],
      },
    ]);
  });
});
