import { onTestFinished } from 'vitest';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';

/** A warehouse opened read-only for the current test and closed when it finishes; call it inside a test. */
export function openTestWarehouse(path: string): Warehouse {
  const warehouse = openWarehouse(path);
  onTestFinished(() => warehouse.close());
  return warehouse;
}
