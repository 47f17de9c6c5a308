import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { lookupHints } from '../../src/data/queries/customer-lookup.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { CUSTOMER_LOOKUP_FOLDER } from '../../src/data/snapshot-cache/customer-lookup-index.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function pair(variant: 'full' | 'international'): { plain: Warehouse; cached: Warehouse; root: string } {
  const path = ensureDemoWarehouse(variant);
  const root = mkdtempSync(join(tmpdir(), 'radar-lookup-index-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const cached = openTestWarehouse(path);
  cached.snapshotCache = buildSnapshotCache(cached, root).cache;
  return { plain: openTestWarehouse(path), cached, root };
}

/** Hints as a set comparison: the index lists id emails sorted, SQL in table order (findCustomer keys them). */
function normalised(result: ReturnType<typeof lookupHints>) {
  return {
    searched: result.searched,
    idEmails: [...new Set(result.hints.idEmails)].sort(),
    nameEmails: result.hints.nameEmails,
    nameMatchesTruncated: result.hints.nameMatchesTruncated,
  };
}

/** Queries a CSM types: ids (exact, padded, absent), parts of names and organisations, one letter, nonsense. */
function queriesFor(warehouse: Warehouse): string[] {
  const rows = warehouse.rawRows(
    `SELECT customer360_id, full_name, organization_name FROM customer360__customer WHERE rowid % 97 = 1 LIMIT 3`,
  );
  const queries = new Set<string>(['zz', 'no such customer', '%', 'O\\Brien']);
  for (const [id, name, organization] of rows) {
    if (id !== null) queries.add(String(id));
    if (typeof name === 'string') queries.add(name.toUpperCase());
    if (typeof organization === 'string') queries.add(organization.slice(1, 6));
  }
  return [...queries];
}

describe('data/snapshot-cache customer lookup index', () => {
  for (const variant of ['full', 'international'] as const) {
    it(`gives /customer the emails the table scans give, for ids and names (${variant} demo)`, () => {
      const { plain, cached } = pair(variant);
      expect(cached.snapshotCache?.customerLookup()).toBeDefined();
      const queries = queriesFor(plain);
      expect(queries.length).toBeGreaterThan(8);
      let matched = 0;
      for (const query of queries) {
        const fromSql = normalised(lookupHints(plain, query));
        expect(normalised(lookupHints(cached, query)), query).toEqual(fromSql);
        if (fromSql.idEmails.length + fromSql.nameEmails.length > 0) matched++;
      }
      // Padding around an id is trimmed.
      const id = queries.find((q) => /\d/.test(q) && !q.includes(' ')) as string;
      expect(normalised(lookupHints(cached, `  ${id} `)).idEmails).toEqual(normalised(lookupHints(plain, id)).idEmails);
      // The comparison means something only if most queries find someone.
      expect(matched).toBeGreaterThan(queries.length / 2);
    }, 180_000);
  }

  it('caps name matches at 200 in the order the customer table holds them, saying more exist', () => {
    const { plain, cached } = pair('full');
    const fromIndex = lookupHints(cached, 'e');
    expect(fromIndex.hints.nameEmails).toHaveLength(200);
    expect(fromIndex.hints.nameMatchesTruncated).toBe(true);
    expect(fromIndex.hints.nameEmails).toEqual(lookupHints(plain, 'e').hints.nameEmails);
  });

  it('falls back to the table scans, with the same hints, when the index files are gone', () => {
    const { plain, cached } = pair('full');
    const directory = cached.snapshotCache?.directory as string;
    rmSync(join(directory, CUSTOMER_LOOKUP_FOLDER), { recursive: true, force: true });
    const query = queriesFor(plain)[8] as string;
    expect(normalised(lookupHints(cached, query))).toEqual(normalised(lookupHints(plain, query)));
    expect(cached.snapshotCache).toBeUndefined();
  });
});
