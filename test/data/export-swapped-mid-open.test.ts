import { linkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import {
  buildSnapshotCache,
  buildSnapshotCacheInParallel,
} from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { openSnapshotCache } from '../../src/data/snapshot-cache/snapshot-cache.js';
import {
  sameSource,
  snapshotCacheDirectory,
  sourceIdentity,
} from '../../src/data/snapshot-cache/snapshot-cache-location.js';
import { WarehouseChangingError } from '../../src/data/warehouse-errors.js';
import { changedDemoWarehouse } from '../alerts/changed-warehouse.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * An export job renames a new file into place while Radar is opening or caching the old one. The rows read and the
 * identity they are filed under must be the same file's, or a snapshot cache of yesterday's rows is read as today's
 * export for as long as today's file stays (the alert scan then misses every customer who turned red).
 */

function markedFile(dir: string, name: string): string {
  const path = join(dir, `${name}.sqlite`);
  const db = new Database(path);
  db.exec(`CREATE TABLE marker (v TEXT); INSERT INTO marker VALUES ('${name}')`);
  db.close();
  return path;
}

/** Renames `file` over `live` through a hard link, as the export job does: the old inode stays readable. */
function swapInto(file: string, live: string): void {
  const next = `${live}.next`;
  linkSync(file, next);
  renameSync(next, live);
}

const markerOf = (warehouse: ReturnType<typeof openWarehouse>) =>
  warehouse.firstRow<{ v: string }>('SELECT v FROM marker')?.v;

describe('data/an export replaced while it is opened or cached', () => {
  it('records the identity of the file the connection reads', () => {
    const dir = tempDir();
    const live = join(dir, 'warehouse.sqlite');
    swapInto(markedFile(dir, 'a'), live);
    const warehouse = openTestWarehouse(live);
    expect(markerOf(warehouse)).toBe('a');
    expect(sameSource(warehouse.identity, sourceIdentity(live))).toBe(true);
  });

  it('opens again when the file is swapped between the stat and the open, and files the new one', () => {
    const dir = tempDir();
    const live = join(dir, 'warehouse.sqlite');
    const b = markedFile(dir, 'b');
    swapInto(markedFile(dir, 'a'), live);
    const identityOfA = sourceIdentity(live);
    let stats = 0;
    const warehouse = openWarehouse(live, {
      statSource: (path) => {
        const seen = sourceIdentity(path);
        // Right after the first stat (of a), b lands: the connection opens b.
        if (++stats === 1) swapInto(b, live);
        return seen;
      },
    });
    try {
      expect(markerOf(warehouse)).toBe('b');
      expect(sameSource(warehouse.identity, identityOfA)).toBe(false);
      expect(sameSource(warehouse.identity, sourceIdentity(live))).toBe(true);
      // a, then b (differ: open again), then b and b.
      expect(stats).toBe(4);
    } finally {
      warehouse.close();
    }
  });

  it('gives up with a message when the file keeps being replaced', () => {
    const dir = tempDir();
    const live = join(dir, 'warehouse.sqlite');
    const files = [markedFile(dir, 'a'), markedFile(dir, 'b')];
    swapInto(files[0] as string, live);
    let stats = 0;
    const open = () =>
      openWarehouse(live, {
        statSource: (path) => {
          const seen = sourceIdentity(path);
          swapInto(files[++stats % 2] as string, live);
          return seen;
        },
      });
    expect(open).toThrow(WarehouseChangingError);
    expect(open).toThrow(/replaced several times while Radar was opening it/);
  });

  it('files a cache under the export its rows came from, not the one renamed into place during the build', () => {
    const dir = tempDir();
    const root = join(dir, 'cache');
    const live = join(dir, 'warehouse.sqlite');
    const before = ensureDemoWarehouse('full');
    const after = changedDemoWarehouse(join(dir, 'changed.sqlite'), 3, 2).path;
    swapInto(before, live);
    const warehouse = openTestWarehouse(live);
    const identityOfBefore = sourceIdentity(live);
    swapInto(after, live);

    const { cache } = buildSnapshotCache(warehouse, root);
    expect(sameSource(cache.manifest.source, identityOfBefore)).toBe(true);
    expect(cache.directory).toBe(snapshotCacheDirectory(root, identityOfBefore));
    const identityOfAfter = sourceIdentity(live);
    expect(openSnapshotCache(snapshotCacheDirectory(root, identityOfAfter), identityOfAfter)).toBeUndefined();

    // The new export, opened now, gets a cache of its own.
    const { cache: fresh } = buildSnapshotCache(openTestWarehouse(live), root);
    expect(fresh.directory).toBe(snapshotCacheDirectory(root, identityOfAfter));
    expect(sameSource(fresh.manifest.source, identityOfAfter)).toBe(true);
  });

  it('abandons a parallel build whose other thread would open the newer export', async () => {
    const dir = tempDir();
    const live = join(dir, 'warehouse.sqlite');
    swapInto(ensureDemoWarehouse('full'), live);
    const warehouse = openTestWarehouse(live);
    swapInto(changedDemoWarehouse(join(dir, 'changed.sqlite'), 3, 2).path, live);
    await expect(buildSnapshotCacheInParallel(warehouse, join(dir, 'cache'), { threads: 2 })).rejects.toThrow(
      /was replaced while its snapshot cache was being built/,
    );
  });
});
