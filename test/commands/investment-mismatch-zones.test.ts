import { describe, expect, it } from 'vitest';
import { codedValue } from '../../src/analysis/columns/coded-column.js';
import {
  DEFAULT_BOTTOM_SHARE,
  DEFAULT_MIN_CELL_SIZE,
  DEFAULT_TOP_SHARE,
  DEFAULT_WEIGHTS,
} from '../../src/analysis/investment-mismatch/mismatch-types.js';
import type { InvestmentMismatchCommandOptions } from '../../src/commands/investment-mismatch/investment-mismatch-command.js';
import { investmentFigures } from '../../src/commands/investment-mismatch/investment-mismatch-figures.js';
import { investmentLead } from '../../src/commands/investment-mismatch/investment-mismatch-lead.js';
import { investmentProvenance } from '../../src/commands/investment-mismatch/investment-mismatch-provenance.js';
import {
  type MismatchedZones,
  mismatchedZones,
  mismatchedZonesByEmail,
  mismatchedZonesByRow,
} from '../../src/commands/investment-mismatch/investment-mismatch-zones.js';
import { loadZones } from '../../src/commands/load-zones.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import type { Warehouse } from '../../src/data/open-warehouse.js';
import { loadInvestmentColumns } from '../../src/data/queries/investment-customers.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

function options(overrides: Partial<InvestmentMismatchCommandOptions> = {}): InvestmentMismatchCommandOptions {
  return {
    analysis: {
      weights: DEFAULT_WEIGHTS,
      topShare: DEFAULT_TOP_SHARE,
      bottomShare: DEFAULT_BOTTOM_SHARE,
      minCellSize: DEFAULT_MIN_CELL_SIZE,
    },
    industry: null,
    size: null,
    ...overrides,
  };
}

function figuresOf(warehouse: Warehouse, opts: InvestmentMismatchCommandOptions) {
  const load = loadInvestmentColumns(warehouse, 'the test');
  if (load.kind !== 'loaded') throw new Error('the demo has every investment column');
  const filtered = investmentFigures(warehouse, load.columns, opts);
  if (filtered.kind !== 'figures') throw new Error('the demo has mismatched customers');
  return { load, figures: filtered.figures };
}

const VIEWS = [
  options(),
  options({ analysis: { ...options().analysis, topShare: 0.2, bottomShare: 0.3 } }),
  options({ industry: 'Retail' }),
];

describe('commands/investment-mismatch-zones', () => {
  it('gives every mismatched customer, by cache rows, the zone its email looks up to', () => {
    const warehouse = openCachedTestWarehouse(ensureDemoWarehouse('full'));
    const zones = loadZones(warehouse, 'the test');
    const seen = new Set<string | null>();
    for (const view of VIEWS) {
      const { load, figures } = figuresOf(warehouse, view);
      expect(load.cache).toBeDefined();
      const customers = figures.mismatchedCustomers;
      expect(customers.length).toBeGreaterThan(0);
      // Each carried row is the customer's own value row.
      expect(figures.mismatchedRows?.length).toBe(customers.length);
      customers.forEach((c, k) => {
        expect(codedValue(load.columns.email, figures.mismatchedRows?.[k] as number)).toBe(c.email);
      });
      const byRow = mismatchedZonesByRow(figures, zones, load.cache);
      expect(byRow).toBeDefined();
      // Every customer, asked in reverse (the lead asks in value-at-risk order, not input order).
      const listed = Array.from(customers.keys()).reverse();
      const expected = mismatchedZonesByEmail(figures, zones)(listed);
      const actual = byRow?.(listed) ?? [];
      expect(actual.length).toBe(listed.length);
      listed.forEach((k, i) => {
        expect(actual[i], customers[k]?.email).toBe(zones.lookup(customers[k]?.email as string));
        expect(actual[i]).toBe(expected[i]);
        seen.add(actual[i] ?? null);
      });
      // The whole lead (list, zones, actions) is the same by either method.
      const provenance = investmentProvenance(load, figures.validCount, view, [], 'en');
      const lead = (zonesOf: MismatchedZones) =>
        investmentLead(figures, zonesOf, provenance, [], view.analysis.topShare);
      expect(JSON.stringify(lead(mismatchedZones(figures, zones, load.cache)))).toBe(
        JSON.stringify(lead(mismatchedZonesByEmail(figures, zones))),
      );
    }
    expect(seen).toEqual(new Set(['red', 'yellow', 'green', null]));
  });

  it('looks emails up when the customers and the zones come from different caches, or from SQLite', () => {
    const path = ensureDemoWarehouse('full');
    const one = openCachedTestWarehouse(path);
    const other = openCachedTestWarehouse(path);
    const { load, figures } = figuresOf(one, options());
    const zones = loadZones(other, 'the test');
    expect(mismatchedZonesByRow(figures, zones, load.cache)).toBeUndefined();
    const listed = Array.from(figures.mismatchedCustomers.keys());
    expect(mismatchedZones(figures, zones, load.cache)(listed)).toEqual(mismatchedZonesByEmail(figures, zones)(listed));

    const plain = openTestWarehouse(path);
    const fromSqlite = figuresOf(plain, options());
    expect(fromSqlite.load.cache).toBeUndefined();
    expect(mismatchedZonesByRow(fromSqlite.figures, loadZones(plain, 'the test'), undefined)).toBeUndefined();
  });
});
