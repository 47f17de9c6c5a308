import { copyFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { keepSnapshotCacheFresh } from '../../src/data/snapshot-cache/snapshot-cache-keeper.js';
import { sourceIdentity } from '../../src/data/snapshot-cache/snapshot-cache-location.js';
import { createLogger } from '../../src/logging.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'radar-keeper-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('data/snapshot-cache-keeper', () => {
  it('builds the cache in a worker thread, skips an export it already built, and rebuilds when the file changes', async () => {
    const warehousePath = join(tempDir(), 'export.sqlite');
    copyFileSync(ensureDemoWarehouse('full'), warehousePath);
    const keeper = keepSnapshotCacheFresh({
      warehousePath,
      cacheRoot: tempDir(),
      logger: createLogger({ level: 'silent' }),
      checkEveryMs: 0,
    });
    cleanups.push(() => keeper.close());

    // The keeper starts a build at once; refresh() joins it.
    const first = await keeper.refresh();
    expect(first?.built).toBe(true);
    // Built from the file the worker opened, said in the summary (the keeper remembers that one as done).
    expect(first?.source).toEqual(sourceIdentity(warehousePath));
    expect(first?.tables).toEqual(expect.arrayContaining(['activity', 'funnel', 'value', 'netsuite']));
    expect(await keeper.refresh()).toBeNull();

    utimesSync(warehousePath, new Date('2026-11-30T03:00:00Z'), new Date('2026-11-30T03:00:00Z'));
    const second = await keeper.refresh();
    expect(second?.built).toBe(true);
    expect(second?.directory).not.toBe(first?.directory);
  });

  it('logs and carries on when the export cannot be read (commands then report the problem themselves)', async () => {
    const warehousePath = join(tempDir(), 'not-sqlite.sqlite');
    writeFileSync(warehousePath, 'this is not a database');
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    const keeper = keepSnapshotCacheFresh({ warehousePath, cacheRoot: tempDir(), logger, checkEveryMs: 0 });
    cleanups.push(() => keeper.close());
    expect(await keeper.refresh()).toBeNull();
    expect(lines.join('')).toContain('could not build the snapshot cache');
  });
});
