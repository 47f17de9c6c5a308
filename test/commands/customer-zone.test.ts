import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zoneOf } from '../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../../src/analysis/zones/zone-rules.js';
import { customerZone } from '../../src/commands/customer/customer-zone.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadZoneInputs } from '../../src/data/queries/zone-inputs.js';
import { buildSnapshotCache } from '../../src/data/snapshot-cache/build-snapshot-cache.js';
import { openTestWarehouse } from '../helpers/open-test-warehouse.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('commands/customerZone', () => {
  it('gives each customer the zone, reason and reads zoneOf gives over row inputs (cache and SQLite)', () => {
    const plain = openTestWarehouse(ensureDemoWarehouse('full'));
    const { inputs, reads } = loadZoneInputs(plain, '/customer');
    expect(inputs.method).toBe('activity');
    const root = mkdtempSync(join(tmpdir(), 'radar-customer-zone-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const cached = openTestWarehouse(ensureDemoWarehouse('full'));
    cached.snapshotCache = buildSnapshotCache(cached, root).cache;
    const options: ZoneOptions[] = [DEFAULT_ZONE_OPTIONS, { ...DEFAULT_ZONE_OPTIONS, redBelow: 45, greenAbove: 60 }];
    // Every 7th customer (hundreds, every zone and rule), and one that is not there.
    const emails = [...inputs.rows.filter((_, i) => i % 7 === 0).map((r) => r.key), 'nobody@example.invalid'];
    for (const warehouse of [cached, openTestWarehouse(ensureDemoWarehouse('full'))]) {
      for (const o of options) {
        for (const email of emails) {
          const read = customerZone(warehouse, email, o);
          expect(read.zone).toEqual(zoneOf(inputs, email, o));
          expect(read.reads).toEqual(reads);
          expect(read.method).toBe('activity');
        }
      }
    }
    const zones = new Set(emails.map((e) => customerZone(cached, e, DEFAULT_ZONE_OPTIONS).zone?.zone ?? 'none'));
    expect([...zones].sort()).toEqual(['green', 'none', 'red', 'yellow']);
  });

  it('falls back to the value table over rows when the export has no activity rows, saying why', () => {
    const warehouse = openTestWarehouse(ensureDemoWarehouse('empty-activity-funnel'));
    const { inputs } = loadZoneInputs(warehouse, '/customer');
    expect(inputs.method).toBe('value-fallback');
    const email = inputs.rows[0]?.key as string;
    const read = customerZone(warehouse, email, DEFAULT_ZONE_OPTIONS);
    expect(read.method).toBe('value-fallback');
    expect(read.activityUnavailable).toEqual({ code: 'no-rows', table: 'customer360__customer_activity_metrics' });
    expect(read.zone).toEqual(zoneOf(inputs, email, DEFAULT_ZONE_OPTIONS));
  });
});
