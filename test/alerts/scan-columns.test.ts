import { describe, expect, it } from 'vitest';
import type { ScannedCustomer } from '../../src/alerts/alert-types.js';
import { loadScanInputs, loadScanInputsByRows } from '../../src/alerts/scan-inputs.js';
import { DEFAULT_ZONE_THRESHOLDS, zoneOptionsWith } from '../../src/analysis/zones/zone-thresholds.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

const demo = () => openTestWarehouse(ensureDemoWarehouse('full'));
const demoCached = () => openCachedTestWarehouse(ensureDemoWarehouse('full'));

/** Every field read through the object (getters included), in the row path's key order. */
function fields(c: ScannedCustomer): ScannedCustomer {
  return {
    key: c.key,
    organization: c.organization,
    zone: c.zone,
    method: c.method,
    score: c.score,
    rule: c.rule,
    reason: c.reason,
    parts: c.parts,
    figures: c.figures,
    dataDate: c.dataDate ?? null,
  };
}

describe('alerts/scan-inputs on typed columns', () => {
  it.each([
    ['from the snapshot cache', demoCached],
    ['from SQLite', demo],
  ])('gives every customer the row path’s zone, reason, parts and figures, %s', (_, warehouse) => {
    const byRows = loadScanInputsByRows(demo());
    const byColumns = loadScanInputs(warehouse());
    expect(byColumns.customers.length).toBe(byRows.customers.length);
    expect(byRows.customers.length).toBeGreaterThan(4000);
    const { customers: _a, ...rowSummary } = byRows.zones;
    const { customers: _b, ...columnSummary } = byColumns.zones;
    expect(columnSummary).toEqual(rowSummary);
    expect(byColumns.dataDate).toBe(byRows.dataDate);
    expect(byColumns.priority?.n).toBe(byRows.priority?.n);
    // The ranking a digest lists, row by row (the cache's figures come from the column ranking /priority keeps).
    const everyRanked = (inputs: typeof byRows) => inputs.priority?.top(inputs.priority.n);
    expect(everyRanked(byColumns)).toEqual(everyRanked(byRows));
    expect(byColumns.priority?.top(3)).toEqual(everyRanked(byRows)?.slice(0, 3));
    let red = 0;
    byRows.customers.forEach((expected, i) => {
      const actual = byColumns.customers[i] as ScannedCustomer;
      if (expected.zone === 'red') red++;
      expect(fields(actual)).toEqual(expected);
      // What the stores write (JSON of the customer) is the same text, key order included.
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    });
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThan(byRows.customers.length);
  });

  it('zones with the thresholds given, as the row path does', () => {
    const options = zoneOptionsWith({ ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 });
    const byRows = loadScanInputsByRows(demo(), options);
    const byColumns = loadScanInputs(demoCached(), options);
    expect(byColumns.customers.map((c) => [c.key, c.zone, c.score, c.rule])).toEqual(
      byRows.customers.map((c) => [c.key, c.zone, c.score, c.rule]),
    );
  });
});
