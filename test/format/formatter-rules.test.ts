import { afterAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/alerts/digest/build-digest.js';
import { loadScanInputs } from '../../src/alerts/scan-inputs.js';
import { ask } from '../../src/cli/ask.js';
import { ensureDemoWarehouse } from '../../src/data/demo/index.js';
import { openWarehouse, type Warehouse } from '../../src/data/open-warehouse.js';
import { translator } from '../../src/i18n/translate.js';
import { figureFields, partsText } from '../../src/slack/alerts/alert-text.js';
import { digestLines } from '../../src/slack/alerts/digest-blocks.js';
import { customer, HOUR, T0 } from '../alerts/alert-fixtures.js';
import { scan } from '../alerts/scan-helpers.js';
import { startAlertsHarness } from '../alerts/slack-harness.js';
import { FAKE_USERS } from '../helpers/fake-slack/index.js';
import { sendAppHomeOpened } from '../helpers/slack-requests.js';

/**
 * The formatter's rules (docs/glossary.md), checked over what people read: every answer's main message and method
 * part, an alert card's figures, the weekly digest and the App Home view, rendered on the demo data.
 */

const NOW = new Date('2026-11-20T09:00:00Z');
const INPUTS = [
  '/priority top 20',
  '/priority zone=red',
  '/priority route=manual',
  '/customer arjun_lopez3839@hotmail.com',
  '/investment-mismatch',
  '/conversion-cohort',
  '/conversion-cohort zones',
  '/segment-anomalies',
  '/segment-anomalies all',
  '/value-segments',
];

const warehouses: Warehouse[] = [];
afterAll(() => {
  for (const w of warehouses) w.close();
});

/** Violations of the number rules in a text; empty when it follows them. */
function violations(text: string, where: string): string[] {
  const found: string[] = [];
  const rule = (pattern: RegExp, what: string) => {
    for (const match of text.matchAll(pattern)) found.push(`${where}: ${what}: "${match[0]}"`);
  };
  rule(/(?<![\d.,])[−-]0(?:[.,]0+)?(?!\d|[.,]\d)%?/g, 'a signed zero');
  rule(/churn risk (?!\d{1,3}%|n\/a)\S+/g, 'churn risk not as a whole percent');
  rule(/\bLTV (?!\$|n\/a|\(|×|against|sits|is|velocity|by|$)\S+/gm, 'LTV without the currency sign');
  rule(/priority (?:−|-)?\d+\.\d{3,}/g, 'priority with more than two decimals');
  rule(/zone score \d+\.\d{2,}/g, 'zone score with more than one decimal');
  rule(/\b\d+\.\d+ days\b/g, 'days not whole');
  rule(/\d{5,}(?![\d.])(?!\)|\w|@)/g, 'a long number without thousands separators');
  return found;
}

/** Every `text` string of a Block Kit view, one per line. */
function blockTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(blockTexts);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'text' && typeof value === 'string' ? [value] : blockTexts(value),
  );
}

describe('the number formatter rules over every surface', () => {
  const warehouse = openWarehouse(ensureDemoWarehouse('full'));
  warehouses.push(warehouse);
  const context = { warehouse: () => warehouse, now: () => NOW, locale: 'en' as const };

  it.each(INPUTS)('%s: main message and method part', async (input) => {
    const main = (await ask(input, context)).output;
    const withDetails = (await ask(input, context, { details: true })).output;
    const details = withDetails.slice(withDetails.indexOf('--- Method and data ---'));
    // Emails and customer ids may hold digits in a row; they are names, not numbers.
    const clean = (t: string) => t.replace(/[\w.+-]+@[\w.-]+|NET\d+|\b\d{4}-\d{2}-\d{2}\b/g, 'ID');
    expect(violations(clean(main), 'main')).toEqual([]);
    expect(violations(clean(details), 'details').filter((v) => !v.includes('long number'))).toEqual([]);
  });

  it('alert card figures speak the glossary: churn risk as %, LTV with $, zone score to one decimal', () => {
    const card = customer('jane@acme.com', 'red', { rank: 21, score: 49.96 });
    const fields = Object.fromEntries(figureFields(translator('en'), card));
    expect(fields).toMatchObject({
      'Zone score (0–100)': '49.9',
      'Churn risk': '60%',
      'Lifetime value (LTV)': '$12K',
      'Priority rank': '21 of 100',
      'Next action': 'Intervene within 48 hours',
    });
    const en = translator('en');
    const text = [...figureFields(en, card).map(([k, v]) => `${k} ${v}`), partsText(en, card)].join('\n');
    expect(violations(text, 'alert card')).toEqual([]);
  });

  it('the weekly digest names the next action by the one rule and formats priorities as the answers do', () => {
    const scan = loadScanInputs(warehouse);
    const digest = buildDigest({
      isoWeek: '2026-W48',
      now: Date.parse('2026-11-23T14:00:00Z'),
      timeZone: 'UTC',
      dueLocal: 'Mon 23 Nov 2026, 09:00 UTC',
      scan,
      segmentLine: 'segment line',
      facts: { active: [], interventions: [], resolved: [], previous: null },
    });
    const lines = digestLines(digest).sections.flatMap((s) => s.lines);
    const top = digestLines(digest).sections.find((s) => s.title.startsWith('Top 10'))?.lines ?? [];
    expect(top).toHaveLength(10);
    for (const line of top) expect(line).toMatch(/— priority −?\d\.\d{2}( · (red|yellow|green) zone)? · /);
    for (const [index, row] of digest.topPriority.entries()) {
      if (row.zone === 'red') expect(top[index]).toContain('Intervene within 48 hours');
    }
    expect(violations(lines.join('\n'), 'digest').filter((v) => !v.includes('long number'))).toEqual([]);
  });

  it('the App Home view with open alerts: ranks and counts with separators, no signed zero', async () => {
    const h = await startAlertsHarness({ warehousePath: ensureDemoWarehouse('full') });
    try {
      // A priority rank past 10,000 and a priority that rounds to −0 are where hand formatting used to show.
      const ranked = (key: string, rank: number) => {
        const c = customer(key, 'red', { score: 49.96 });
        return { ...c, figures: { ...c.figures, priority: -0.0001, priorityRank: rank, rankedOf: 23_456 } };
      };
      const store = h.alerts.runtime.store;
      // The first scan is a baseline: its reds are announced in a summary and listed in Home, by priority.
      await scan(
        store,
        [ranked('a@x.com', 12_345), ranked('b@x.com', 20_001), customer('g@x.com', 'green')],
        T0 - HOUR,
      );
      const outcome = await scan(
        store,
        [ranked('a@x.com', 12_345), ranked('b@x.com', 20_001), ranked('g@x.com', 10_500)],
        T0,
      );
      await h.alerts.runtime.drain();
      await h.alerts.runtime.assign(outcome?.created[0]?.id ?? -1, FAKE_USERS.shanghai, FAKE_USERS.berlin);
      await sendAppHomeOpened(h.target, FAKE_USERS.berlin);
      await h.fake.waitForCall('views.publish');
      const text = blockTexts(h.fake.workspace.homeViews.get(FAKE_USERS.berlin)?.view).join('\n');
      expect(text).toContain('Assigned to you');
      expect(text).toContain('priority #12,345');
      expect(text).toContain('priority #20,001');
      // The warehouse health line counts the demo's rows (tens of thousands) with separators.
      expect(text).toMatch(/; \d{1,3}(,\d{3})+ rows\./);
      // Slack mentions (<@U…>, <#C…>) are names, not numbers.
      const clean = text.replace(/<[@#!][^>]+>|[\w.+-]+@[\w.-]+/g, 'ID');
      expect(violations(clean, 'App Home')).toEqual([]);
      expect(h.fake.violations).toEqual([]);
    } finally {
      await h.stop();
    }
  });
});
