import { beforeBuild, type HeldStructure, holdExportStructure } from './export-memory.js';
import type { Warehouse } from './open-warehouse.js';

/**
 * `build`, run once per open warehouse and kept as long as that Warehouse lives, or until export-memory.ts releases
 * it (a thread over its memory budget forgets what the last answer did not use, and before a build what the answer
 * in progress has not used yet; the next call builds it again). A
 * Warehouse is one read-only export (the provider opens a new one when the file is replaced), so what is built from
 * it never goes stale. Extra arguments only serve the first build (e.g. the command named in an error); a failed
 * build is not kept.
 */
export function oncePerWarehouse<A extends unknown[], T>(
  build: (warehouse: Warehouse, ...args: A) => T,
): (warehouse: Warehouse, ...args: A) => T {
  const built = new WeakMap<Warehouse, { value: T; held: HeldStructure }>();
  return (warehouse, ...args) => {
    const kept = built.get(warehouse);
    if (kept) {
      kept.held.use();
      return kept.value;
    }
    beforeBuild();
    const value = build(warehouse, ...args);
    built.set(warehouse, { value, held: holdExportStructure(warehouse, (w) => built.delete(w)) });
    return value;
  };
}
