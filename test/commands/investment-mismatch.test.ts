import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import { investmentMismatchCommand } from '../../src/commands/investment-mismatch/investment-mismatch-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import { ensureDemoWarehouse } from '../../src/data/demo/index.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { loadInvestmentCustomers } from '../../src/data/queries/investment-customers.js';
import { EmptyTableError, MissingTableError } from '../../src/data/warehouse-errors.js';
import { UsageError } from '../../src/errors.js';
import type { Locale } from '../../src/i18n/locale.js';
import { createFixtureWarehouse, type FixtureOptions, type FixtureRow } from '../helpers/fixture-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const NOW = new Date('2026-11-23T00:00:00Z');

function value(email: string, overrides: FixtureRow = {}): FixtureRow {
  return {
    primary_email: email,
    analysis_timestamp: '2026-11-01 00:00:00',
    investment_priority_score: 1,
    product_adoption_rate: 0.5,
    support_resolution_efficiency: 0.5,
    customer_lifetime_value: 500,
    acquisition_cost: 100,
    customer_onboarding_score: 3,
    team_size: 12,
    decision_maker_level: 'VP',
    industry_vertical: 'Retail',
    company_size_tier: 'Small',
    lifecycle_stage: 'Growth',
    ...overrides,
  };
}

/*
 * Join cases, each settled by analyses.md §1:
 *   ann: ' ann@x.io' rows with sales: ids '20' (200), '15' (300), '100' (999); the header row '10' has NULL sales
 *        and is skipped. No header among the rest → smallest id as text: '100' < '15' < '20' → 999.
 *        Her older snapshot (priority 9) is ignored.
 *   bob: two header rows '7' (50) and '5' (70) and a non-header '1' → header, smallest id '5' → 70.
 *   cat: no customer row. zendesk 'z9' is not in the mapping; marketo 'm3' maps to C2, C1 and the header C3 →
 *        C3, whose customer row has sales 500. Stripe 's1' (→ C1) is never consulted.
 *   dan: no customer row and no mapped id → unmatched. eve: her email is on a customer row with NULL sales, so
 *        no fallback even though her zendesk id is mapped.
 */
const JOIN_FIXTURE = {
  value: [
    value('ann@x.io', { investment_priority_score: 9, analysis_timestamp: '2026-10-01 00:00:00' }),
    value('Ann@X.io ', { investment_priority_score: 3 }),
    value('bob@x.io', { investment_priority_score: 2 }),
    value('cat@x.io', {
      investment_priority_score: 1,
      zendesk_user_id: 'z9',
      marketo_lead_id: 'm3',
      stripe_customer_id: 's1',
    }),
    value('dan@x.io', { zendesk_user_id: 'nope' }),
    value('eve@x.io', { zendesk_user_id: 'z1' }),
  ],
  customer: [
    { customer360_id: '10', email: 'ann@x.io', is_organization_header: 1, total_sales_amount: null },
    { customer360_id: '20', email: ' ann@x.io', is_organization_header: 0, total_sales_amount: 200 },
    { customer360_id: '15', email: 'ANN@x.io', is_organization_header: 0, total_sales_amount: 300 },
    { customer360_id: '100', email: 'ann@x.io', is_organization_header: 0, total_sales_amount: 999 },
    { customer360_id: '7', email: 'bob@x.io', is_organization_header: 1, total_sales_amount: 50 },
    { customer360_id: '5', email: 'bob@x.io', is_organization_header: 1, total_sales_amount: 70 },
    { customer360_id: '1', email: 'bob@x.io', is_organization_header: 0, total_sales_amount: 1 },
    { customer360_id: 'C3', email: 'other@x.io', is_organization_header: 0, total_sales_amount: 500 },
    { customer360_id: 'C1', email: 'first@x.io', is_organization_header: 0, total_sales_amount: 1 },
    { customer360_id: 'E1', email: 'eve@x.io', is_organization_header: 1, total_sales_amount: null },
  ],
  mapping: [
    { customer360_id: 'C2', is_organization_header: 0, marketo_lead_id: 'm3' },
    { customer360_id: 'C1', is_organization_header: 0, marketo_lead_id: 'm3', stripe_customer_id: 's1' },
    { customer360_id: 'C3', is_organization_header: 1, marketo_lead_id: 'm3' },
    { customer360_id: 'C1', is_organization_header: 1, zendesk_user_id: 'z1' },
  ],
};

type Tables = Parameters<typeof createFixtureWarehouse>[1];

/** Rows lose the columns the options omit, so one fixture serves the missing-column cases too. */
function fixture(tables: Tables, options: FixtureOptions = {}): Warehouse {
  const path = join(tempDir('radar-invest-'), 'w.sqlite');
  const trimmed: Record<string, FixtureRow[]> = {};
  for (const [id, rows] of Object.entries(tables)) {
    const omit = options.omitColumns?.[id as keyof Tables] ?? [];
    trimmed[id] = (rows ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.includes(k))));
  }
  createFixtureWarehouse(path, trimmed, options);
  return openWarehouse(path);
}

async function ask(warehouse: Warehouse, text = '', locale: Locale = 'en'): Promise<CommandAnswer> {
  try {
    const outcome = await runCommand(investmentMismatchCommand, text, {
      warehouse: () => warehouse,
      now: () => NOW,
      locale,
    });
    if (outcome.kind !== 'answer') throw new Error('expected an answer');
    return outcome.answer;
  } finally {
    warehouse.close();
  }
}

describe('commands/investment-mismatch', () => {
  it('joins sales by cleaned email, then through the mapping, after reducing customer rows', () => {
    const warehouse = fixture(JOIN_FIXTURE);
    const load = loadInvestmentCustomers(warehouse, 'test');
    warehouse.close();
    if (load.kind !== 'loaded') throw new Error('expected rows');
    expect(Object.fromEntries(load.rows.map((r) => [r.email, [r.sales, r.priority]]))).toEqual({
      'ann@x.io': [999, 3],
      'bob@x.io': [70, 2],
      'cat@x.io': [500, 1],
      'dan@x.io': [null, 1],
      'eve@x.io': [null, 1],
    });
    expect(load.join).toMatchObject({
      valueRows: 5,
      byEmail: 3,
      byEmailWithoutSales: 1,
      viaMapping: { zendesk_user_id: 0, marketo_lead_id: 1, stripe_customer_id: 0 },
      unmatched: 1,
      customerEmails: 5,
      emailsWithSeveralRows: 2,
      maxRowsPerEmail: 4,
    });
  });

  it('answers with n, thresholds, the data date and the join in the provenance', async () => {
    const answer = await ask(fixture(JOIN_FIXTURE));
    // Valid: ann, bob, cat (dan and eve have no sales). Priority 3 is the only top (cume_dist 1 ≥ 0.7).
    expect(answer.provenance.n).toBe(3);
    expect(answer.provenance.dataDate).toContain('2026-11-01');
    expect(answer.provenance.thresholds).toContain('top priority: cume_dist ≥ 0.70');
    expect(answer.provenance.qualityNotes).toContain(
      'sales joined for 4 of 5 customers: 3 by email, 1 through the mapping (zendesk 0, marketo 1, stripe 0); 1 unmatched',
    );
    expect(answer.provenance.qualityNotes).toContain(
      'customer360__customer: 2 of 5 emails on several rows (up to 4); one row kept per email',
    );
    expect(answer.provenance.qualityNotes).toContain(
      '2 customers left out for missing inputs (sales 2, adoption 0, support 0)',
    );
    const core = answer.sections[0];
    expect(core?.kind === 'text' && core.lines[1]).toBe('Top 30% priority: 1 customer, priority ≥ 3.');
    // Three customers per group at most: correlations say "too few rows", never a number.
    const onboarding = answer.sections.find((s) => s.title?.startsWith('Onboarding'));
    expect(onboarding?.kind === 'table' && onboarding.note).toContain('too few rows (n = ');
  });

  it('says which DB-055 columns are missing instead of crashing', async () => {
    const answer = await ask(
      fixture({ value: [value('a@x.io')] }, { omitColumns: { value: ['product_adoption_rate', 'team_size'] } }),
    );
    expect(answer.charts).toHaveLength(0);
    expect(answer.sections[0]).toMatchObject({ kind: 'unavailable', title: 'customer360__customer_value_analysis' });
    expect(answer.headline).toContain('product_adoption_rate, team_size');
  });

  it('reports only the affected part as unavailable when a detail column is missing', async () => {
    const answer = await ask(fixture(JOIN_FIXTURE, { omitColumns: { value: ['customer_onboarding_score'] } }));
    const onboarding = answer.sections.find((s) => s.title?.startsWith('Onboarding'));
    expect(onboarding).toMatchObject({ kind: 'unavailable' });
    expect(onboarding?.kind === 'unavailable' && onboarding.reason).toContain('`customer_onboarding_score`');
    expect(answer.provenance.n).toBe(3);
  });

  it('says what to export when the customer table lacks total_sales_amount', async () => {
    const answer = await ask(fixture(JOIN_FIXTURE, { omitColumns: { customer: ['total_sales_amount'] } }));
    expect(answer.headline).toBe(
      'Not available because the export lacks what §1 needs: customer360__customer (total_sales_amount).',
    );
    expect(answer.sections).toEqual([
      {
        kind: 'unavailable',
        title: 'customer360__customer',
        reason:
          'it lacks `total_sales_amount`; re-export customer360__customer with this column (the DB-055 investment and performance export)',
      },
    ]);
    const inChinese = await ask(
      fixture(JOIN_FIXTURE, { omitColumns: { customer: ['total_sales_amount'] } }),
      '',
      'zh-CN',
    );
    expect(inChinese.title).toBe('投资错配 — 此导出无法提供');
    expect(inChinese.headline).toBe(
      '无法提供，因为导出缺少第 1 部分所需的内容：customer360__customer（total_sales_amount）。',
    );
    expect(inChinese.sections[0]).toMatchObject({
      reason: expect.stringMatching(/^缺少 `total_sales_amount`；请重新导出/),
    });
  });

  it('raises the typed error when the value table is missing', async () => {
    await expect(ask(fixture({}, { omitTables: ['value'] }))).rejects.toBeInstanceOf(MissingTableError);
  });

  it('fails on an empty value table like every other command, and says "not available" for a filter matching nothing', async () => {
    // One rule for all (issue 13, item 15): an empty table is a warehouse problem (exit 1), not an empty answer.
    await expect(ask(fixture({ customer: JOIN_FIXTURE.customer }))).rejects.toBeInstanceOf(EmptyTableError);
    const none = await ask(fixture(JOIN_FIXTURE), 'industry=Mining');
    expect(none.headline).toBe('Not available because no customer matches `industry=Mining`. Values present: Retail.');
    expect(none.charts).toHaveLength(0);
    const matched = await ask(fixture(JOIN_FIXTURE), 'industry=retail');
    expect(matched.provenance.filters).toContain('industry_vertical = retail');
  });

  it('rejects unknown options and bad values with a usage message naming the key', async () => {
    await expect(ask(fixture(JOIN_FIXTURE), 'colour=red')).rejects.toThrow(/Unknown option `colour`.*top=a share/s);
    await expect(ask(fixture(JOIN_FIXTURE), 'top=2')).rejects.toThrow(
      '`top=2` is not allowed: top takes a share between 0 and 1',
    );
    await expect(ask(fixture(JOIN_FIXTURE), 'w_sales=0 w_adoption=0 w_support=0')).rejects.toBeInstanceOf(UsageError);
  });

  it.each(['full', 'empty-activity-funnel'] as const)('runs on the %s demo warehouse', async (variant) => {
    const answer = await ask(openWarehouse(ensureDemoWarehouse(variant)), 'charts=all');
    const data = answer.data as { population: { topCount: number; mismatchedCount: number } };
    expect(data.population.mismatchedCount).toBeGreaterThan(0);
    expect(data.population.mismatchedCount).toBeLessThan(data.population.topCount);
    expect(answer.charts.map((c) => c.id).slice(0, 3)).toEqual([
      'mismatch-by-industry-size',
      'mismatched-vs-rest',
      'onboarding-vs-adoption',
    ]);
    expect(answer.charts).toHaveLength(7);
    expect(answer.sections.filter((s) => s.kind === 'unavailable')).toEqual([]);
    expect(JSON.stringify(answer.data)).not.toContain('NaN');
  });
});
