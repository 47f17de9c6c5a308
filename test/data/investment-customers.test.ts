import { describe, expect, it } from 'vitest';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadSalesByEmail } from '../../src/data/queries/customer-sales.js';
import {
  INVESTMENT_CORE_COLUMNS,
  INVESTMENT_DETAIL_COLUMNS,
  loadInvestmentCustomers,
} from '../../src/data/queries/investment-customers.js';
import { SOURCE_ID_ORDER } from '../../src/data/queries/investment-mapping.js';
import { readTable } from '../../src/data/read-table.js';
import { openCachedTestWarehouse, openTestWarehouse } from '../helpers/open-test-warehouse.js';

const demo = () => openTestWarehouse(ensureDemoWarehouse('full'));
const demoCached = () => openCachedTestWarehouse(ensureDemoWarehouse('full'));

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

describe('data/investment-customers on typed columns', () => {
  it.each([
    ['from the snapshot cache', demoCached],
    ['from SQLite', demo],
  ])('builds each customer as from the value rows, figure by figure, %s', (_, warehouse) => {
    const plain = demo();
    const columns = ['primary_email', ...INVESTMENT_CORE_COLUMNS, ...INVESTMENT_DETAIL_COLUMNS, ...SOURCE_ID_ORDER];
    const read = readTable(plain, 'value', columns as never[], { neededFor: 'the test' });
    const sales = loadSalesByEmail(plain).sales;
    const load = loadInvestmentCustomers(warehouse(), 'the test');
    if (load.kind !== 'loaded') throw new Error('expected the demo to have every column');
    expect(load.valueReport).toEqual(read.report);
    expect(load.rows.length).toBe(read.rows.length);
    let joined = 0;
    read.rows.forEach((row, i) => {
      const r = row as Record<string, unknown>;
      const actual = load.rows[i];
      const { sales: actualSales, ...rest } = actual as NonNullable<typeof actual>;
      expect(rest).toEqual({
        email: r.primary_email,
        priority: num(r.investment_priority_score),
        adoption: num(r.product_adoption_rate),
        support: num(r.support_resolution_efficiency),
        lifetimeValue: num(r.customer_lifetime_value),
        acquisitionCost: num(r.acquisition_cost),
        onboarding: num(r.customer_onboarding_score),
        teamSize: num(r.team_size),
        decisionLevel: text(r.decision_maker_level),
        industry: text(r.industry_vertical),
        sizeTier: text(r.company_size_tier),
        lifecycleStage: text(r.lifecycle_stage),
        organization: text(r.primary_organization),
      });
      const byEmail = sales.get(r.primary_email as string);
      if (byEmail !== undefined) {
        joined++;
        expect(actualSales).toBe(byEmail);
      }
    });
    expect(joined).toBe(load.join.byEmail);
    expect(joined).toBeGreaterThan(1000);
  });
});
