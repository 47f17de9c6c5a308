import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { runCommand } from '../../src/commands/run-command.js';
import { segmentAnomaliesCommand } from '../../src/commands/segment-anomalies/segment-anomalies-command.js';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import { EmptyTableError, MissingColumnError, MissingTableError } from '../../src/data/warehouse-errors.js';
import { UsageError } from '../../src/errors.js';
import { createFixtureWarehouse, type FixtureOptions, type FixtureRow } from '../helpers/fixture-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

function netsuite(
  id: string,
  segment: string | null,
  retention: number | string | null,
  extra: FixtureRow = {},
): FixtureRow {
  return {
    customer_id: id,
    customer_name: `Customer ${id}`,
    subsidiary_id: 1,
    segmentation_date: '2026-06-01',
    profitability_segment: segment,
    lifecycle_stage: 'Mature',
    seasonal_preference: 'Q4 Peak',
    retention_probability: retention,
    total_revenue: 900,
    comprehensive_customer_score: 100,
    transaction_count: 10,
    avg_transactions_per_month: 2,
    customer_age_days: 300,
    transaction_value_volatility: 0.5,
    q1_transactions: 2,
    q2_transactions: 2,
    q3_transactions: 2,
    q4_transactions: 4,
    ...extra,
  };
}

/*
 * C1 has two rows on the same date; subsidiary 2 (retention .2) is the latest, subsidiary 1 (.9) is older.
 * Latest: Premium .2 .5 .5 → mean .4; C1 −.2 → anomaly below; C2, C3 +.1 → normal (1 of 3).
 * All rows: Premium .9 .2 .5 .5 → mean .525; .9 (+.375) above, .2 (−.325) below (2 of 4).
 * Basic: B1 .4 with every feature input NULL; B2 'abc' (not a number → NULL → left out).
 */
const ROWS = [
  netsuite('C1', 'Premium', 0.9, { subsidiary_id: 1, transaction_value_volatility: 0.1 }),
  netsuite('C1', 'Premium', 0.2, { subsidiary_id: 2, transaction_value_volatility: 0.9, lifecycle_stage: 'At Risk' }),
  netsuite('C2', 'Premium', 0.5, { transaction_value_volatility: 0.3 }),
  netsuite('C3', 'Premium', 0.5, { transaction_value_volatility: 0.4, segmentation_date: '2026-07-01T00:00:00Z' }),
  netsuite('B1', 'Basic', 0.4, {
    total_revenue: null,
    comprehensive_customer_score: null,
    transaction_count: null,
    avg_transactions_per_month: null,
    customer_age_days: null,
    transaction_value_volatility: null,
    q1_transactions: null,
  }),
  netsuite('B2', 'Basic', 'abc'),
];

function contextFor(rows: readonly FixtureRow[], options: FixtureOptions = {}): CommandContext {
  const path = join(tempDir(), 'warehouse.sqlite');
  createFixtureWarehouse(path, { netsuite: rows }, options);
  const warehouse = openWarehouse(path);
  return { warehouse: () => warehouse, now: () => new Date('2026-11-23T00:00:00Z'), locale: 'en' };
}

async function ask(text: string, context: CommandContext): Promise<CommandAnswer> {
  const outcome = await runCommand(segmentAnomaliesCommand, text, context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

describe('commands/segment-anomalies', () => {
  it('uses the latest row per customer (tie → highest subsidiary) and states n, filters and data date', async () => {
    const answer = await ask('', contextFor(ROWS));
    const data = answer.data as {
      n: number;
      anomalies: number;
      excluded: number;
      segments: { segment: string; meanRetention: number }[];
    };
    expect(data).toMatchObject({ n: 4, anomalies: 1, excluded: 1 });
    expect(data.segments.find((s) => s.segment === 'Premium')?.meanRetention).toBeCloseTo(0.4, 12);
    expect(answer.headline).toContain('*1 of 4* customers (25%)');
    const table = answer.sections[0];
    const premium = table?.kind === 'table' ? table.table.rows.find((r) => r[0] === 'Premium') : undefined;
    expect(premium).toEqual(['Premium', '3', '0.400', '0', '1', '33.3%', '100%']);
    expect(answer.provenance.n).toBe(4);
    expect(answer.provenance.filters).toEqual(['latest row per customer']);
    expect(answer.provenance.dataDate).toContain('2026-07-01');
    const notes = answer.provenance.qualityNotes.join('\n');
    expect(notes).toContain('retention_probability: 1 value not readable');
    expect(notes).toContain('1 row without a segment or retention left out');
    expect(notes).toContain('consistency error (expected 0 or an input NULL) missing for 1 customer');
    expect(JSON.stringify(answer.data)).not.toContain('NaN');
    // Four customers: every volatility × imbalance cell is below 20, so the grid is dropped and the method part says why,
    // the main message does not.
    const dropped = answer.sections.find((s) => s.title === 'Charts not drawn');
    expect(dropped?.kind === 'text' && dropped.lines).toContain(
      'Imbalance × volatility grid not drawn: every cell has fewer than 20 customers, too few to compare.',
    );
    expect(answer.charts.map((c) => c.id)).not.toContain('anomaly-rate-volatility-imbalance');
    expect(JSON.stringify(answer.lead)).not.toContain('not drawn');
  });

  it('uses every row with `all`', async () => {
    const answer = await ask('all', contextFor(ROWS));
    expect(answer.data).toMatchObject({ n: 5, anomalies: 2, anomaliesAbove: 1, anomaliesBelow: 1 });
    expect(answer.provenance.filters).toEqual(['all rows (every segmentation date)']);
  });

  it('finds the rule that separates the anomaly and clusters the customers with every feature', async () => {
    const answer = await ask('', contextFor(ROWS));
    const rule = answer.sections.find((s) => s.title === 'Decision rule');
    expect(rule?.kind).toBe('table');
    // The only anomaly (C1) has the highest volatility (.9 vs .3, .4): Volatility > .65 isolates it.
    // Earlier features (months … entropy) are constant on the three rows that have them, so volatility wins.
    if (rule?.kind === 'table') expect(rule.table.rows[1]).toEqual(['Volatility > 0.65', '1', '1', '100%']);
    // Three complete, distinct rows (B1 lacks features): only k = 2 fits (k < n).
    const clusters = answer.sections.find((s) => s.title?.startsWith('Clusters'));
    expect(clusters?.title).toMatch(/^Clusters \(k = 2, mean silhouette/);
    expect(clusters?.kind === 'table' && clusters.note).toContain('2: ');
  });

  it('says "not available" when the segment filter matches nothing', async () => {
    const answer = await ask('segment=Gold', contextFor(ROWS));
    expect(answer.sections).toEqual([
      {
        kind: 'unavailable',
        title: 'Segment anomalies',
        reason: 'segment=Gold matches no customer; segments present: Basic, Premium.',
      },
    ]);
    expect(answer.charts).toEqual([]);
  });

  it('says why nothing separates anomalies when there are none', async () => {
    const answer = await ask('threshold=0.5', contextFor(ROWS));
    const features = answer.sections.find((s) => s.title?.startsWith('Features that separate'));
    expect(features).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringContaining('no customer is more than 0.5'),
    });
  });

  it('copes with every feature input NULL: sections say why, charts that need features are left out', async () => {
    const empty = {
      total_revenue: null,
      comprehensive_customer_score: null,
      transaction_count: null,
      avg_transactions_per_month: null,
      customer_age_days: null,
      transaction_value_volatility: null,
      q1_transactions: null,
      q2_transactions: null,
      q3_transactions: null,
      q4_transactions: null,
      lifecycle_stage: null,
      seasonal_preference: null,
    };
    const rows = [0.1, 0.5, 0.9].map((r, i) => netsuite(`N${i}`, 'Premium', r, empty));
    const answer = await ask('', contextFor(rows));
    expect(answer.data).toMatchObject({ n: 3, anomalies: 2 });
    const kinds = Object.fromEntries(answer.sections.map((s) => [s.title, s.kind]));
    expect(kinds).toEqual({
      'Retention by profitability segment': 'table',
      'Features that separate anomalies (best single split by information gain)': 'unavailable',
      'Decision rule': 'unavailable',
      Clusters: 'unavailable',
    });
    expect(answer.charts.map((c) => c.id)).toEqual(['retention-by-segment', 'anomaly-rate-by-stage']);
    expect(answer.provenance.qualityNotes.join('\n')).toContain('value volatility missing for every customer');
  });

  it('answers an unknown option or a bad value with usage naming the key and allowed values', async () => {
    const context = contextFor(ROWS);
    await expect(ask('colour=red', context)).rejects.toThrow(UsageError);
    await expect(ask('colour=red', context)).rejects.toThrow(/colour.*threshold=a number between 0 and 1/s);
    await expect(ask('threshold=2', context)).rejects.toThrow(
      /`threshold=2` is not allowed: threshold takes a number between 0 and 1/,
    );
    await expect(ask('seed=-1', context)).rejects.toThrow(/seed takes a whole number/);
  });

  it('raises typed errors for a missing table, a missing column and an empty table', async () => {
    await expect(ask('', contextFor([], { omitTables: ['netsuite'] }))).rejects.toThrow(MissingTableError);
    const withoutQ3 = ROWS.map(({ q3_transactions: _q3, ...rest }) => rest);
    await expect(ask('', contextFor(withoutQ3, { omitColumns: { netsuite: ['q3_transactions'] } }))).rejects.toThrow(
      MissingColumnError,
    );
    await expect(ask('', contextFor([]))).rejects.toThrow(EmptyTableError);
  });
});
