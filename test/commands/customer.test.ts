import { afterEach, describe, expect, it } from 'vitest';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { customerCommand, MAX_CUSTOMER_QUERY_LENGTH } from '../../src/commands/customer.js';
import { runCommand } from '../../src/commands/run-command.js';
import { UsageError } from '../../src/errors.js';
import { type FixtureWarehouse, scored, valueWarehouse } from './value-warehouse-fixture.js';

let fixture: FixtureWarehouse | undefined;
afterEach(() => fixture?.cleanup());

const rows = [
  scored('jane@acme.com', 'Gold', 0.2, 5, 5, 5, 3, 0.2, { primary_organization: 'Acme Corp', zendesk_user_id: 'Z1' }),
  scored('joe@acme.com', 'Basic', 0.01, 1, 1, 1, 1, 0.9, { primary_organization: 'Acme Corp' }),
  scored('ann@globex.com', 'Silver', 0.01, 3, 3, 3, 2, 0.5, { primary_organization: 'Globex' }),
];
const CUSTOMER_TABLES = {
  customer: [{ customer360_id: 'C-9', email: ' Ann@Globex.com', full_name: 'Ann Lee', organization_name: 'Globex' }],
  mapping: [{ customer360_id: 'C-1', zendesk_user_id: 'Z1', marketo_lead_id: null, stripe_customer_id: null }],
};

async function ask(text: string, context?: Partial<CommandContext>): Promise<CommandAnswer> {
  const base = (fixture as FixtureWarehouse).context;
  const outcome = await runCommand(customerCommand, text, { ...base, ...context });
  if (outcome.kind !== 'answer') throw new Error('expected an answer');
  return outcome.answer;
}

describe('commands/customer', () => {
  it('shows one card with rank, route, zone and "alerts not tracked" in plain CLI use', async () => {
    fixture = valueWarehouse({ value: rows, other: CUSTOMER_TABLES });
    const answer = await ask('JANE@acme.com');
    // jane ranks first (0.4 + 0.4 − 0.04 = 0.76), HV with cume_dist 1 → dedicated acceleration.
    expect(answer.headline).toContain('*Acme Corp (jane@acme.com)*: Gold');
    expect(answer.headline).toContain('priority #1 of 3');
    expect(answer.headline).toContain('Next: Assign a dedicated CSM');
    expect(answer.sections).toContainEqual({
      kind: 'text',
      title: 'Open alerts',
      lines: ['alerts: not tracked in this mode'],
    });
    expect(answer.sections.some((s) => s.title?.startsWith('Zone'))).toBe(true);
    expect(answer.charts[0]?.id).toBe('customer-vs-tier');
  });

  it('lists open alerts when alert tracking runs', async () => {
    fixture = valueWarehouse({ value: rows, other: CUSTOMER_TABLES });
    const answer = await ask('jane@acme.com', {
      openAlertsFor: (keys) =>
        keys.map((k) => ({ customerKey: k, state: 'open', detectedAt: '2026-11-20 10:00 UTC', assignee: null })),
    });
    expect(answer.sections).toContainEqual({
      kind: 'text',
      title: 'Open alerts',
      lines: ['open since 2026-11-20 10:00 UTC, unassigned'],
    });
  });

  it('finds by customer360_id through customer rows and through the mapping', async () => {
    fixture = valueWarehouse({ value: rows, other: CUSTOMER_TABLES });
    expect((await ask('C-9')).title).toBe('Customer — Globex (ann@globex.com)');
    expect((await ask('C-1')).title).toBe('Customer — Acme Corp (jane@acme.com)');
  });

  it('gives a pick list with the exact command for each match', async () => {
    fixture = valueWarehouse({ value: rows, other: CUSTOMER_TABLES });
    const answer = await ask('"acme corp"');
    const table = answer.sections[0];
    expect(table?.kind === 'table' && table.table.rows.map((r) => r[3])).toEqual([
      '/customer jane@acme.com',
      '/customer joe@acme.com',
    ]);
  });

  it('says when nothing matches and suggests the closest', async () => {
    fixture = valueWarehouse({ value: rows });
    const answer = await ask('jane@acme.con');
    expect(answer.headline).toBe(
      'No customer matches "jane@acme.con". Closest: jane@acme.com, joe@acme.com, ann@globex.com.',
    );
    expect(answer.sections[0]?.kind).toBe('unavailable');
  });

  it('asks for a customer when given nothing and rejects options', async () => {
    fixture = valueWarehouse({ value: rows });
    await expect(ask('')).rejects.toThrow(UsageError);
    await expect(ask('jane@acme.com tier=Gold')).rejects.toThrow(/Unknown option `tier`/);
  });

  it('refuses a query longer than the longest email (254) with a short message instead of searching', async () => {
    fixture = valueWarehouse({ value: rows });
    const longest = `${'j'.repeat(MAX_CUSTOMER_QUERY_LENGTH - 9)}@acme.com`;
    expect((await ask(longest)).headline).toContain('No customer matches');
    const huge = 'x'.repeat(45_000);
    const error = await ask(huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as UsageError).userMessage;
    expect(message).toContain('That customer query is 45,000 characters long; give at most 254');
    expect(message.length).toBeLessThan(300);
    await expect(ask('y'.repeat(255))).rejects.toThrow(/255 characters long/);
  });
});
