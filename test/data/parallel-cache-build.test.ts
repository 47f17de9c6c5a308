import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import {
  buildSnapshotCache,
  buildSnapshotCacheInParallel,
  longestFirst,
} from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { type CacheTask, runCacheTasks } from '../../src/data/snapshot-cache/cache-table.js';
import { MANIFEST_FILE } from '../../src/data/snapshot-cache/snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-parallel-cache-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file of a cache folder but the manifest, by relative path, as bytes. */
function files(directory: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === MANIFEST_FILE) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(directory, path), readFileSync(path));
  }
  return out;
}

/** The manifest without what depends on the clock (build times). */
function manifestWithoutTimes(directory: string): unknown {
  return JSON.parse(readFileSync(join(directory, MANIFEST_FILE), 'utf8'), (key, value) =>
    key === 'buildMs' || key === 'builtAt' ? undefined : value,
  );
}

describe('data/snapshot-cache parallel build', () => {
  it('writes byte for byte the cache the one-thread build writes, with the same key statistics', async () => {
    const path = ensureDemoWarehouse('full');
    const serial = buildSnapshotCache(openTestWarehouse(path), tempDir());
    const parallel = await buildSnapshotCacheInParallel(openTestWarehouse(path), tempDir(), { threads: 2 });
    expect(parallel.built).toBe(true);
    expect(manifestWithoutTimes(parallel.cache.directory)).toEqual(manifestWithoutTimes(serial.cache.directory));
    const a = files(serial.cache.directory);
    const b = files(parallel.cache.directory);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
  });

  it('says so, without a second build, when the cache of this export is already there', async () => {
    const path = ensureDemoWarehouse('full');
    const root = tempDir();
    await buildSnapshotCacheInParallel(openTestWarehouse(path), root, { threads: 2 });
    expect((await buildSnapshotCacheInParallel(openTestWarehouse(path), root, { threads: 2 })).built).toBe(false);
  });

  it('fails with the thread’s reason and leaves no scratch folder when a share cannot be built', async () => {
    const path = ensureDemoWarehouse('full');
    const root = tempDir();
    const warehouse = openTestWarehouse(path);
    // A warehouse whose file vanishes under the worker: the worker's own open fails.
    Object.defineProperty(warehouse, 'path', { value: join(root, 'gone.sqlite') });
    await expect(buildSnapshotCacheInParallel(warehouse, root, { threads: 2 })).rejects.toThrow();
    expect(readdirSync(root).filter((name) => name.includes('.building-'))).toEqual([]);
  });

  it('orders the tasks longest first, the order the threads take them in', () => {
    const task = (id: string) => ({ kind: 'table', tableId: id }) as never;
    const tasks = longestFirst([
      { task: task('a'), cost: 2 },
      { task: task('b'), cost: 6 },
      { task: task('c'), cost: 4 },
    ]);
    expect(tasks).toEqual([task('b'), task('c'), task('a')]);
  });

  it('runs only the tasks it claims from the shared counter, each once, and leaves the counter past the end', () => {
    const path = ensureDemoWarehouse('full');
    const tasks: CacheTask[] = [
      { kind: 'table', tableId: 'netsuite' },
      { kind: 'table', tableId: 'address' },
      { kind: 'table', tableId: 'mapping' },
    ];
    // Another thread has already taken the first task.
    const claim = new Int32Array(new SharedArrayBuffer(4));
    claim[0] = 1;
    const results = runCacheTasks(openTestWarehouse(path), tempDir(), tasks, undefined, claim);
    expect(Object.keys(results.tables).sort()).toEqual(['address', 'mapping']);
    expect(claim[0]).toBeGreaterThanOrEqual(tasks.length);
  });
});
