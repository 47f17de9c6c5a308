import { onTestFinished } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { tempDir } from './temp-dir.js';

/** A warehouse opened read-only for the current test and closed when it finishes; call it inside a test. */
export function openTestWarehouse(path: string): Warehouse {
  const warehouse = openWarehouse(path);
  onTestFinished(() => warehouse.close());
  return warehouse;
}

/** openTestWarehouse reading through a snapshot cache built for the test (in a folder removed after it). */
export function openCachedTestWarehouse(path: string): Warehouse {
  const warehouse = openTestWarehouse(path);
  warehouse.snapshotCache = buildSnapshotCache(warehouse, tempDir('radar-test-cache-')).cache;
  return warehouse;
}
