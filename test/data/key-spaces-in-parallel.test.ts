import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { KEY_SPACES_FOLDER, keySpacePlan, writeKeySpaces } from '../../src/data/snapshot-cache/key-spaces.js';
import { splitByRows, writeKeySpacesInParallel } from '../../src/data/snapshot-cache/key-spaces-in-parallel.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

/** SHA-256 of every file of the key spaces folder, by name. */
function hashes(directory: string): Record<string, string> {
  const folder = join(directory, KEY_SPACES_FOLDER);
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

describe('data/key spaces coded on two threads', () => {
  it('writes the files writeKeySpaces writes on one thread, byte for byte (the demo, batches of 97 values)', async () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const { cache } = buildSnapshotCache(warehouse, tempDir('radar-key-spaces-'));
    const tables = cache.manifest.tables;
    writeKeySpaces(cache.directory, tables, 97);
    const one = hashes(cache.directory);
    expect(Object.keys(one).length).toBeGreaterThan(10);
    rmSync(join(cache.directory, KEY_SPACES_FOLDER), { recursive: true });
    await writeKeySpacesInParallel(cache.directory, tables, 97);
    expect(hashes(cache.directory)).toEqual(one);
  });

  it('splits the spaces into two groups of about the same rows, each space once', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('full'));
    const { cache } = buildSnapshotCache(warehouse, tempDir('radar-key-spaces-'));
    const plan = [...keySpacePlan(cache.manifest.tables)];
    const [a, b] = splitByRows(plan);
    expect([...a, ...b].map(([space]) => space).sort()).toEqual(plan.map(([space]) => space).sort());
    const rows = (group: typeof a) => group.reduce((n, [, members]) => n + members.reduce((m, c) => m + c.rows, 0), 0);
    const largest = Math.max(...plan.map((entry) => rows([entry])));
    expect(Math.abs(rows(a) - rows(b))).toBeLessThanOrEqual(largest);
  });
});
