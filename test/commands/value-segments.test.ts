import { afterEach, describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import { runCommand } from '../../src/commands/run-command.js';
import { valueSegmentsCommand } from '../../src/commands/value-segments/value-segments-command.js';
import { MissingColumnError } from '../../src/data/warehouse-errors.js';
import { type FixtureWarehouse, scored, valueWarehouse } from './value-warehouse-fixture.js';

let fixture: FixtureWarehouse | undefined;
afterEach(() => fixture?.cleanup());

// HV: a (Gold 0.2), b (Platinum 0.1); SMB: c (Basic 0.05), d (Silver 0.01); Other: e (Gold 0.05).
const rows = [
  scored('a@x.com', 'Gold', 0.2, 5, 5, 5, 3, 0.2, {
    estimated_customer_ltv: 9000,
    expected_annual_revenue: 3000,
    account_age_days: 304.4,
  }),
  scored('b@x.com', 'Platinum', 0.1, 4, 4, 4, 2.8, 0.3, {
    estimated_customer_ltv: 7000,
    expected_annual_revenue: 2000,
  }),
  scored('c@x.com', 'Basic', 0.05, 1, 2, 3, 1.2, 0.8, { estimated_customer_ltv: 800, expected_annual_revenue: 100 }),
  scored('d@x.com', 'Silver', 0.01, 2, 2, 2, 1.5, 0.7, { estimated_customer_ltv: 1200, expected_annual_revenue: 150 }),
  scored('e@x.com', 'Gold', 0.05, 3, 3, 3, 2, 0.5),
];

function funnelRow(email: string, at: string, consistency: string, velocity: string | null) {
  return {
    primary_email: email,
    funnel_analysis_timestamp: at,
    cross_stage_engagement_consistency: consistency,
    revenue_velocity_monthly: velocity,
  };
}

async function ask(text: string): Promise<CommandAnswer> {
  const outcome = await runCommand(valueSegmentsCommand, text, (fixture as FixtureWarehouse).context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

function tableRow(answer: CommandAnswer, title: string, label: string): readonly string[] | undefined {
  const section = answer.sections.find((s) => s.kind === 'table' && s.title.startsWith(title));
  return section?.kind === 'table' ? section.table.rows.find((r) => r[0] === label) : undefined;
}

describe('commands/value-segments', () => {
  it('compares HV and SMB means and falls back to proxies when the funnel table is empty', async () => {
    fixture = valueWarehouse({ value: rows, other: { funnel: [] } });
    const answer = await ask('');
    expect(tableRow(answer, 'Group means', 'Customers (n)')).toEqual(['Customers (n)', '2', '2', '1', '5']);
    // HV LTV (9000 + 7000) / 2 = 8000 → $8,000; SMB (800 + 1200) / 2 = 1000.
    expect(tableRow(answer, 'Group means', 'Estimated LTV')).toEqual([
      'Estimated LTV',
      '$8,000',
      '$1,000',
      'n/a',
      '$4,500',
    ]);
    expect(answer.sections).toContainEqual({
      kind: 'unavailable',
      title: 'Consistency and velocity from the funnel table',
      reason: 'customer360__conversion_funnel_analysis has no rows; the proxies below stand in for them.',
    });
    // c: var(1,2,3) = 2/3 → 0.6; d: 1 → SMB mean 0.8. HV velocity: a 9000 / 10 months; b has no age.
    expect(tableRow(answer, 'Consistency and velocity (proxies', 'SMB')).toEqual(['SMB', '0.800', 'n/a', 'n/a']);
    expect(tableRow(answer, 'Consistency and velocity (proxies', 'HV')?.[2]).toBe('$900');
    expect(answer.headline).toContain('*2 high-value* customers (40%)');
    expect(answer.headline).toContain('funnel table is empty');
    expect(answer.charts.map((c) => c.id)).toContain('value-rfm-bars');
  });

  it('uses the latest funnel row per email when the funnel has rows', async () => {
    fixture = valueWarehouse({
      value: rows,
      other: {
        funnel: [
          funnelRow('A@x.com', '2026-01-01', '0.9', '100'),
          funnelRow('a@x.com', '2025-01-01', '0.1', '1'),
          funnelRow('c@x.com', '2026-01-01', '0.4', null),
        ],
      },
    });
    const answer = await ask('');
    expect(tableRow(answer, 'Consistency and velocity (funnel', 'HV')).toEqual(['HV', '1', '0.9', '$100']);
    expect(tableRow(answer, 'Consistency and velocity (funnel', 'SMB')).toEqual(['SMB', '1', '0.4', 'n/a']);
    expect(answer.provenance.tables).toHaveLength(2);
  });

  it('moves the HV/SMB cut with cut= and rejects bad values naming the key', async () => {
    fixture = valueWarehouse({ value: rows });
    // cut 0.15: b (0.1) is no longer HV; c (0.05) and d stay SMB.
    expect(tableRow(await ask('cut=0.15'), 'Group means', 'Customers (n)')).toEqual([
      'Customers (n)',
      '1',
      '2',
      '2',
      '5',
    ]);
    await expect(ask('cut=5')).rejects.toThrow(/`cut=5` is not allowed: cut takes a fraction between 0 and 1/);
    await expect(ask('tier=Gold')).rejects.toThrow(/Unknown option `tier`/);
  });

  it('says "too few rows" for the correlations instead of a number', async () => {
    fixture = valueWarehouse({ value: rows.slice(0, 2) });
    const answer = await ask('');
    expect(answer.sections).toContainEqual(
      expect.objectContaining({ kind: 'unavailable', title: 'Correlation matrix' }),
    );
  });

  it('raises typed errors for a missing column and an empty table', async () => {
    fixture = valueWarehouse({ value: rows, dropValueColumns: ['rfm_segment'] });
    await expect(ask('')).rejects.toThrow(MissingColumnError);
    fixture.cleanup();
    fixture = valueWarehouse({ value: [] });
    await expect(ask('')).rejects.toThrow(/no usable rows/);
  });
});
