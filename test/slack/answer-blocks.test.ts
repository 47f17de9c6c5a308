import { describe, expect, it } from 'vitest';
import type { AnswerSection, CommandAnswer } from '../../src/commands/command-answer.js';
import { translator } from '../../src/i18n/translate.js';
import { layoutAnswer, SLACK_LIMITS } from '../../src/slack/answer-blocks.js';
import { tableCsv } from '../../src/slack/csv.js';
import { ANSWER_CONTINUES_IN_FILE } from '../../src/slack/messages.js';
import { BLOCK_LIMITS, blockTextLength, findBlockKitViolations } from '../helpers/fake-slack/index.js';

const EN = translator('en');

function answerWith(sections: AnswerSection[], overrides: Partial<CommandAnswer> = {}): CommandAnswer {
  return {
    command: '/priority top 100',
    title: 'Priority — who to call first',
    headline: 'Call *Acme* first.',
    sections,
    provenance: {
      tables: [
        { table: 'customer360__customer_value_analysis', rowsInTable: 5001, rowsUsed: 4734, reduction: 'latest' },
      ],
      n: 4734,
      filters: ['tier=Gold'],
      thresholds: ['priority > 0.4'],
      dataDate: '2026-11-16',
      qualityNotes: Array.from({ length: 40 }, (_, i) => `note ${i} ${'x'.repeat(200)}`),
    },
    charts: [],
    chartsOmitted: 2,
    data: {},
    ...overrides,
  };
}

function bigTable(rows: number, title = 'Top accounts'): AnswerSection {
  return {
    kind: 'table',
    title,
    table: {
      columns: ['#', 'Customer', 'Tier', 'Priority', 'Route'],
      align: ['right', 'left', 'left', 'right', 'left'],
      rows: Array.from({ length: rows }, (_, i) => [
        String(i + 1),
        `Customer <${i}> & Sons, "Ltd" ${'y'.repeat(i % 40)}`,
        'Gold',
        '0.751',
        'Dedicated acceleration',
      ]),
    },
    note: 'Change = priority now minus previous snapshot.',
  };
}

/** What Slack (the fake) would say about each message. */
function slackProblems(answer: CommandAnswer, maxMessages: number): string[] {
  return layoutAnswer(answer, { maxMessages, t: EN }).messages.flatMap((message, index) => {
    const problems = findBlockKitViolations(message.blocks, 'message', () => 'shared').map((p) => `#${index} ${p}`);
    // Delivery appends up to four blocks (footer, note, share button): the layout must leave room for them.
    if (message.blocks.length > BLOCK_LIMITS.messageBlocks - 4) problems.push(`#${index} no room for the footer`);
    if (blockTextLength(message.blocks) > BLOCK_LIMITS.messageTotalText - 1500)
      problems.push(`#${index} too much text`);
    if (message.text.trim() === '') problems.push(`#${index} no fallback text`);
    return problems;
  });
}

describe('slack/answer-blocks', () => {
  it('lays out a small answer as one message: header, headline, table as code, provenance context', () => {
    const { messages, files } = layoutAnswer(answerWith([bigTable(3)]), { maxMessages: 4, t: EN });
    expect(files).toEqual([]);
    expect(messages).toHaveLength(1);
    const blocks = messages[0]?.blocks ?? [];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'context', 'context']);
    const table = JSON.stringify(blocks[3]);
    expect(table).toContain('```');
    expect(table).toContain('Customer &lt;0&gt; &amp; Sons');
    expect(JSON.stringify(blocks[5])).toContain('*Data read* · customers described: 4,734');
    expect(JSON.stringify(blocks[5])).toContain('2 more charts with `charts=all`');
    expect(messages[0]?.text).toContain('Priority — who to call first');
  });

  it('keeps the longest answers inside every Block Kit limit', () => {
    const monster = answerWith(
      [
        ...Array.from(
          { length: 60 },
          (_, i): AnswerSection => ({
            kind: 'text',
            title: `Part ${i}`,
            lines: Array.from({ length: 30 }, (_, j) => `line ${j} ${'z'.repeat(120)}`),
          }),
        ),
        bigTable(500),
        { kind: 'unavailable', title: 'Geography', reason: 'r'.repeat(5000) },
      ],
      { title: 'T'.repeat(400), headline: `*${'h'.repeat(7000)}*` },
    );
    expect(slackProblems(monster, 4)).toEqual([]);
    expect(slackProblems(monster, 3)).toEqual([]);
    expect(slackProblems(monster, 1)).toEqual([]);
    const { messages, files } = layoutAnswer(monster, { maxMessages: 4, t: EN });
    expect(messages).toHaveLength(4);
    expect(JSON.stringify(messages[3]?.blocks)).toContain(ANSWER_CONTINUES_IN_FILE(EN));
    expect(files.map((f) => f.filename)).toEqual(['priority-top-100-top-accounts.csv', 'priority-top-100-answer.txt']);
    const header = messages[0]?.blocks[0] as { text: { text: string } };
    expect(header.text.text).toHaveLength(SLACK_LIMITS.headerText);
  });

  it('shows the first rows of a long table, repeats its header per chunk, and attaches it in full as CSV', () => {
    const { messages, files } = layoutAnswer(answerWith([bigTable(200)]), { maxMessages: 4, t: EN });
    expect(messages).toHaveLength(1);
    const chunks = (messages[0]?.blocks ?? []).filter((b) => JSON.stringify(b).includes('```'));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(JSON.stringify(chunk)).toContain('#  Customer');
    const csv = files[0]?.content.toString('utf8') ?? '';
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(201);
    expect(JSON.stringify(messages[0]?.blocks)).toMatch(/Showing the first \d+ of 200 rows/);
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    const csv = tableCsv({
      columns: ['a', 'b'],
      rows: [
        ['x, "y"', '=HYPERLINK("z")'],
        ['-0.5', '@me'],
      ],
    }).toString('utf8');
    expect(csv).toBe('\uFEFFa,b\r\n"x, ""y""","\'=HYPERLINK(""z"")"\r\n-0.5,\'@me\r\n');
  });
});
