import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DemoVariant, generateDemoWarehouse } from './generate-demo-warehouse.js';

/**
 * Bump whenever the generator's output changes: the version is part of the cached file name,
 * so an old demo file is simply never opened again and the new one is built on first use.
 */
export const DEMO_GENERATOR_VERSION = 1;

export function demoWarehouseFileName(variant: DemoVariant): string {
  return `demo-v${DEMO_GENERATOR_VERSION}-${variant}.sqlite`;
}

/** `<repo root>/.radar/demo`, found by walking up to package.json (works from src/ and from dist/). */
export function defaultDemoDirectory(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, '.radar', 'demo');
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the Radar repository root (no package.json above the demo module)');
    dir = parent;
  }
}

/**
 * Path of the bundled demo warehouse, generated on first use. Concurrent first use (two
 * vitest workers, two CLI runs) is safe: each builder writes its own uniquely named file and
 * renames it into place atomically; the loser's rename replaces an identical file, and a
 * reader never sees a partial one.
 */
export function ensureDemoWarehouse(
  variant: DemoVariant = 'full',
  directory = defaultDemoDirectory(),
  onProgress?: (share: number) => void,
): string {
  const path = join(directory, demoWarehouseFileName(variant));
  if (existsSync(path)) return path;
  mkdirSync(directory, { recursive: true });
  const building = join(directory, `.${demoWarehouseFileName(variant)}.${process.pid}.${randomUUID()}.building`);
  try {
    generateDemoWarehouse(building, { variant, ...(onProgress ? { onProgress } : {}) });
    renameSync(building, path);
  } catch (error) {
    rmSync(building, { force: true });
    // Another builder may have finished first (some platforms refuse to rename over an open file).
    if (existsSync(path)) return path;
    throw error;
  }
  return path;
}
