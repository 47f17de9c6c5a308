import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWarehouse } from '../src/data/open-warehouse.js';
import { buildSnapshotCacheInParallel } from '../src/data/snapshot-cache/build-snapshot-cache.js';
import { snapshotCacheRoot } from '../src/data/snapshot-cache/snapshot-cache-location.js';
import type { SnapshotCacheResult } from './bench-types.js';
import { peakRssMb } from './stats.js';

/**
 * `radar prepare` for the bench, in its own process so its time and peak RSS are its own: the snapshot cache the
 * size's commands then read (radar serve builds the same cache in a worker thread when it starts).
 */
async function main(warehousePath: string, out: string): Promise<void> {
  const started = performance.now();
  const warehouse = openWarehouse(warehousePath);
  try {
    const { cache, built } = await buildSnapshotCacheInParallel(warehouse, snapshotCacheRoot());
    const result: SnapshotCacheResult = {
      built,
      ms: performance.now() - started,
      buildMs: cache.manifest.buildMs,
      bytes: folderBytes(cache.directory),
      peakRssMb: peakRssMb(),
    };
    writeFileSync(out, JSON.stringify(result));
  } finally {
    warehouse.close();
  }
}

function folderBytes(directory: string): number {
  let total = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

const [warehousePath, out] = process.argv.slice(2);
if (warehousePath === undefined || out === undefined)
  throw new Error('prepare-run: pass the warehouse and an output path');
void main(warehousePath, out);
