import type { Warehouse } from './open-warehouse.js';

/**
 * `build`, run once per open warehouse and kept as long as that Warehouse lives. A Warehouse is one read-only
 * export (the provider opens a new one when the file is replaced), so what is built from it never goes stale.
 * Extra arguments only serve the first build (e.g. the command named in an error); a failed build is not kept.
 */
export function oncePerWarehouse<A extends unknown[], T>(
  build: (warehouse: Warehouse, ...args: A) => T,
): (warehouse: Warehouse, ...args: A) => T {
  const built = new WeakMap<Warehouse, T>();
  return (warehouse, ...args) => {
    if (built.has(warehouse)) return built.get(warehouse) as T;
    const value = build(warehouse, ...args);
    built.set(warehouse, value);
    return value;
  };
}
