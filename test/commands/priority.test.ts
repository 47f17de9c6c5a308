import { afterEach, describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import { priorityCommand } from '../../src/commands/priority/priority-command.js';
import { runCommand } from '../../src/commands/run-command.js';
import { MissingColumnError } from '../../src/data/warehouse-errors.js';
import { UsageError } from '../../src/errors.js';
import { type FixtureWarehouse, scored, valueWarehouse } from './value-warehouse-fixture.js';

let fixture: FixtureWarehouse | undefined;
afterEach(() => fixture?.cleanup());

/*
 * RFM composite 1..5 (range 4), health 1..3 (range 2):
 *   A Gold 0.1:   5,5,5 health 3   churn 0.2 → 0.4 + 0.4 − 0.04 = 0.76, HV, cume 1 → acceleration
 *   D Plat 0.05:  4,5,3 health 2.5 churn 0.3 → 0.3 + 0.3 − 0.06 = 0.54, Other → standard
 *   C Silver 0.05: 3,3,3 health 2  churn 0.5 → 0.2 + 0.2 − 0.10 = 0.30; previous (older row) 5,5,5/3/0 → 0.80,
 *                  fell 0.50 → manual intervention
 *   B Basic 0.01: 1,1,1 health 1   churn 0.8 → −0.16 → nurture
 *   E: recency NULL → not ranked
 */
const rows = [
  scored('A@x.com ', 'Gold', 0.1, 5, 5, 5, 3, 0.2, { primary_organization: 'Acme', lifecycle_stage: 'Growth' }),
  scored('c@x.com', 'Silver', 0.05, 5, 5, 5, 3, 0, { analysis_timestamp: '2026-10-01 00:00:00' }),
  scored('c@x.com', 'Silver', 0.05, 3, 3, 3, 2, 0.5, { lifecycle_stage: 'Dormant' }),
  scored('d@x.com', 'Platinum', 0.05, 4, 5, 3, 2.5, 0.3, { lifecycle_stage: 'Retention' }),
  scored('b@x.com', 'Basic', 0.01, 1, 1, 1, 1, 0.8, { lifecycle_stage: 'Dormant' }),
  { ...scored('e@x.com', 'Basic', 0.01, 1, 1, 1, 1, 0.8), recency_score: null },
];

async function ask(text: string): Promise<CommandAnswer> {
  const outcome = await runCommand(priorityCommand, text, (fixture as FixtureWarehouse).context);
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

describe('commands/priority', () => {
  it('ranks, routes and states n, thresholds and the data date', async () => {
    fixture = valueWarehouse({ value: rows });
    const answer = await ask('top 3');
    const table = answer.sections[0];
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.table.rows.map((r) => [r[0], r[1], r[4], r[5], r[9]])).toEqual([
      ['1', 'Acme (a@x.com)', '0.760', 'n/a', 'Dedicated acceleration'],
      ['2', 'd@x.com', '0.540', 'n/a', 'Standard engagement'],
      ['3', 'c@x.com', '0.300', '−0.500', 'Manual intervention'],
    ]);
    expect(answer.headline).toContain('Call *Acme (a@x.com)* first');
    expect(answer.provenance.n).toBe(4);
    expect(answer.provenance.dataDate).toContain('2026-11-01');
    expect(answer.provenance.qualityNotes.join('\n')).toContain(
      '1 customer not ranked for a missing input (recency missing on 1)',
    );
    // The chart's title writes the leader's priority as the headline does (the glossary's two decimals).
    expect(answer.headline).toContain('priority 0.76 ');
    expect(answer.charts[0]?.title).toBe('Acme leads at 0.76; the top 3 are split across 3 routes');
  });

  it('accepts `/priority 2` and filters case-insensitively', async () => {
    fixture = valueWarehouse({ value: rows });
    const data = (await ask('2 segment=smb')).data as { top: { email: string }[]; matched: number };
    expect(data.top.map((r) => r.email)).toEqual(['c@x.com', 'b@x.com']);
    expect(data.matched).toBe(2);
  });

  it('says which filter matched nothing and which values exist', async () => {
    fixture = valueWarehouse({ value: rows });
    const answer = await ask('tier=Diamond');
    expect(answer.headline).toBe('No customer matches tier=Diamond (tiers present: Basic, Gold, Platinum, Silver).');
    expect(answer.sections[0]?.kind).toBe('unavailable');
    expect(answer.charts).toEqual([]);
  });

  it('rejects an unknown option, a bad N and a bad segment with usage naming them', async () => {
    fixture = valueWarehouse({ value: rows });
    await expect(ask('colour=red')).rejects.toThrow(/Unknown option `colour`/);
    await expect(ask('top 101')).rejects.toThrow(UsageError);
    await expect(ask('top 101')).rejects.toThrow(/1 to 100/);
    await expect(ask('segment=Enterprise')).rejects.toThrow(/segment takes HV\|SMB/);
  });

  it('answers "not available" when no row has every input', async () => {
    fixture = valueWarehouse({
      value: [{ ...scored('a@x.com', 'Gold', 0.1, 5, 5, 5, 3, 0.2), churn_probability: null }],
    });
    const answer = await ask('');
    expect(answer.sections[0]).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringContaining('churn missing on 1'),
    });
    expect(answer.provenance.n).toBe(0);
  });

  it('reports the missing previous snapshots instead of silently never routing to manual intervention', async () => {
    fixture = valueWarehouse({ value: rows.filter((r) => r.analysis_timestamp !== '2026-10-01 00:00:00') });
    const answer = await ask('');
    expect(answer.sections.some((s) => s.kind === 'unavailable' && s.title.startsWith('Priority change'))).toBe(true);
  });

  it('raises typed errors for a missing table or column', async () => {
    fixture = valueWarehouse({ value: rows, dropValueColumns: ['churn_probability'] });
    await expect(ask('')).rejects.toThrow(MissingColumnError);
    fixture.cleanup();
    fixture = valueWarehouse({ value: [] });
    await expect(ask('')).rejects.toThrow(/no usable rows/);
  });

  it('filters by zone, using the value fallback when the activity table is absent', async () => {
    fixture = valueWarehouse({ value: rows });
    // Fallback scores 100·(0.5·(1 − churn) + 0.5·norm(health)) over the 5 rows with both inputs:
    // B and E tie lowest (cume_dist 2/5 = 0.4 > 0.3), so nobody is red or yellow.
    const answer = await ask('zone=red');
    expect(answer.headline).toBe('No customer matches zone=red (zones present: green).');
    expect(answer.provenance.qualityNotes.join('\n')).toContain('zones by value-table fallback');
    expect(answer.provenance.tables).toHaveLength(1);
  });
});
