import { describe, expect, it } from 'vitest';
import { selectPriority } from '../../src/analysis/priority/priority-filter.js';
import type { ScoredCustomer } from '../../src/analysis/priority/priority-score.js';
import { loadPriority } from '../../src/commands/load-priority.js';
import { loadZones } from '../../src/commands/load-zones.js';
import { zoneCodesByEmail, zoneCodesByRow, zonesByRank } from '../../src/commands/priority/priority-zones.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

const demo = () => openTestWarehouse(ensureDemoWarehouse('full'));

describe('commands/priority-zones', () => {
  it('gives every ranked customer the zone its email looks up to', () => {
    const warehouse = demo();
    const { result } = loadPriority(warehouse, 'the test');
    const zones = loadZones(warehouse, 'the test');
    const byRank = zonesByRank(result, zones.lookup);
    const seen = new Set<string | null>();
    for (const row of result.ranked) {
      const zone = byRank.zoneOfRow(row);
      seen.add(zone);
      expect(zone).toBe(zones.lookup(row.customer.email));
    }
    expect(seen).toEqual(new Set(['green', 'red', 'yellow', null]));
    // A row that is not this ranking's (a copy) is looked up by its email.
    const first = result.ranked[0] as ScoredCustomer;
    const stranger: ScoredCustomer = { ...first, customer: { ...first.customer, email: 'nobody@example.invalid' } };
    expect(byRank.zoneOfRow(stranger)).toBeNull();
  });

  it('filters by zone to the same rows as the email lookup', () => {
    const warehouse = demo();
    const { result } = loadPriority(warehouse, 'the test');
    const zones = loadZones(warehouse, 'the test');
    for (const zone of ['red', 'yellow', 'green'] as const) {
      const byEmail = selectPriority(result.ranked, { zone }, 10, zones.lookup);
      const byRank = selectPriority(result.ranked, { zone }, 10, zonesByRank(result, zones.lookup));
      expect(byRank.matched).toEqual(byEmail.matched);
      expect(byRank.matched.length).toBeGreaterThan(0);
    }
  });

  it('joins ranked customers to their zones by cache rows exactly as the email lookup does', () => {
    const warehouse = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const { result, cacheRows } = loadPriority(warehouse, 'the test');
    const zones = loadZones(warehouse, 'the test');
    expect(cacheRows).toBeDefined();
    expect(zones.byCacheRow).toBeDefined();
    if (!cacheRows || !zones.byCacheRow) return;
    const join = { customerRows: cacheRows, zones: zones.byCacheRow };
    const byRow = zoneCodesByRow(result, join);
    const byEmail = zoneCodesByEmail(result, zones.lookup);
    expect(byRow).toBeDefined();
    expect([...(byRow ?? [])]).toEqual([...byEmail]);
    expect(new Set(byEmail)).toEqual(new Set([0, 1, 2, 3]));
    const byRank = zonesByRank(result, zones.lookup, join);
    for (const row of result.ranked) expect(byRank.zoneOfRow(row)).toBe(zones.lookup(row.customer.email));
  });

  it('falls back to the email lookup when the customers and zones come from different caches', () => {
    const path = ensureDemoWarehouse('full');
    const one = openCachedTestWarehouse(path);
    const other = openCachedTestWarehouse(path);
    const { result, cacheRows } = loadPriority(one, 'the test');
    const zones = loadZones(other, 'the test');
    if (!cacheRows || !zones.byCacheRow) throw new Error('both should be read from their caches');
    expect(zoneCodesByRow(result, { customerRows: cacheRows, zones: zones.byCacheRow })).toBeUndefined();
    const byRank = zonesByRank(result, zones.lookup, { customerRows: cacheRows, zones: zones.byCacheRow });
    for (const row of result.ranked) expect(byRank.zoneOfRow(row)).toBe(zones.lookup(row.customer.email));
  });
});
