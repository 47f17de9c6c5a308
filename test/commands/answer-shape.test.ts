import { afterAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/cli/ask.js';
import { ensureDemoWarehouse } from '../../src/data/demo/index.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';

/**
 * Issue 14's "Done when", as tests: on the demo and on the empty-funnel copy, every command's main message leads
 * with the takeaway, stays within 25 lines, speaks the glossary (no column names, no method words) and, for the
 * "who" commands, names at least five accounts or says plainly that none qualify.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const BANNED = ['bits', 'silhouette', 'cume_dist', '⋈', 't =', 'p =', '--json', 'Computed on'];

interface Case {
  readonly input: string;
  readonly who: boolean;
}

const CASES: readonly Case[] = [
  { input: '/priority', who: true },
  { input: '/priority top 20', who: true },
  { input: '/priority zone=red', who: true },
  { input: '/priority route=manual', who: true },
  { input: '/investment-mismatch', who: true },
  { input: '/conversion-cohort', who: true },
  { input: '/conversion-cohort zones', who: true },
  { input: '/segment-anomalies', who: true },
  { input: '/segment-anomalies all', who: true },
  { input: '/value-segments', who: false },
  { input: '/customer Hooli Group', who: false },
  { input: '/radar', who: false },
];

const warehouses: Warehouse[] = [];
afterAll(() => {
  for (const w of warehouses) w.close();
});

function contextFor(variant: 'full' | 'empty-activity-funnel') {
  const warehouse = openWarehouse(ensureDemoWarehouse(variant));
  warehouses.push(warehouse);
  return { warehouse: () => warehouse, now: () => NOW, locale: 'en' as const };
}

/** Emails and Slack-style handles may carry underscores; column names are what must not show. */
function withoutEmails(text: string): string {
  return text.replace(/[\w.+-]+@[\w.-]+/g, 'EMAIL');
}

describe.each(['full', 'empty-activity-funnel'] as const)('answers on the %s demo', (variant) => {
  const context = contextFor(variant);

  it.each(CASES)('$input leads with the decision and stays short', async ({ input, who }) => {
    const { output } = await ask(input, context);
    const lines = output.split('\n');
    const [first = ''] = lines;
    // A takeaway is a sentence, not a title ("Priority — who to call first") or a table.
    expect(first).toMatch(/[.:!]$/);
    expect(first).not.toMatch(/^\s|^=|^#/);
    expect(lines.length).toBeLessThanOrEqual(25);
    const text = withoutEmails(output);
    expect(text).not.toMatch(/\b[a-z]+_[a-z0-9_]+\b/);
    for (const word of BANNED) expect(output).not.toContain(word);
    // Tables fit a laptop-width Slack message.
    for (const line of lines.filter((l) => l.startsWith('  '))) expect(line.length).toBeLessThanOrEqual(80);
    if (who) {
      const named = lines.filter((l) => /^\s?\d+\. /.test(l)).length;
      if (named < 5) expect(output).toMatch(/None qualify|No customer/);
    }
    // The last line is the one context line: population, filters and the data date.
    expect(lines.at(-1)).toMatch(/data as of \d{1,2} \w{3} \d{4}|data date unknown|help/);
  });

  it('keeps every figure in the method part', async () => {
    const { output } = await ask('/priority', context, { details: true });
    expect(output).toContain('--- Method and data ---');
    expect(output).toMatch(/Data date: /);
  });
});

describe('list', () => {
  const context = contextFor('full');

  it('gives every account of the group as CSV of raw numbers, sorted as the answer ranks them', async () => {
    const { output } = await ask('/priority route=manual list', context);
    const csv = output.slice(output.indexOf('All 25 (CSV):'));
    const rows = csv.split('\n').slice(1);
    expect(rows).toHaveLength(26);
    expect(rows[0]).toMatch(/^rank,organisation,email,/);
    const ranks = rows.slice(1).map((r) => Number(r.split(',')[0]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Raw numbers, not display strings.
    expect(csv).not.toMatch(/\$\d|\d%/);
  });

  it('says so when the answer names no group', async () => {
    const { output } = await ask('/value-segments list', context);
    expect(output).toContain('This answer names no group of accounts to list.');
  });
});
