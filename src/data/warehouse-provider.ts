import { statSync } from 'node:fs';
import { openWarehouse, type Warehouse } from './open-warehouse.js';

/**
 * Opens the warehouse on first use and again when the file is replaced (a new nightly
 * export), so a long-running bot answers from the current data without a restart.
 */
export function createWarehouseProvider(path: string): { get: () => Warehouse; close: () => void } {
  let current: { warehouse: Warehouse; signature: string } | undefined;
  const signature = (): string => {
    try {
      const s = statSync(path);
      return `${s.size}:${s.mtimeMs}:${s.ino}`;
    } catch {
      return 'missing';
    }
  };
  return {
    get() {
      const now = signature();
      if (current && current.signature === now) return current.warehouse;
      current?.warehouse.close();
      current = undefined;
      const warehouse = openWarehouse(path);
      current = { warehouse, signature: now };
      return warehouse;
    },
    close() {
      current?.warehouse.close();
      current = undefined;
    },
  };
}
