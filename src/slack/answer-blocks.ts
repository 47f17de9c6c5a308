import type { AnswerSection, AnswerTable, CommandAnswer, Provenance } from '../commands/command-answer.js';
import {
  formatAccountCsv,
  formatAnswerText,
  formatDetailsText,
  formatTable,
  unavailableText,
} from '../commands/present-text.js';
import { numberFormat } from '../format/number-format.js';
import type { AttachmentFile, KnownBlock, SlackMessage } from './block-types.js';
import { tableCsv } from './csv.js';
import { leadBlocks } from './lead-blocks.js';
import { ANSWER_CONTINUES_IN_FILE, TABLE_IN_CSV } from './messages.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from './mrkdwn.js';

const fmt = numberFormat();

/**
 * Slack's limits (slack-contract §4) and the budgets Radar keeps under them. Messages leave room for what delivery
 * appends (a note, the Share button, the "asked by" line), so a laid-out message can always take those.
 */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  contextElements: 10,
  /** 50 blocks per message, minus four for the footer, a note and the actions block. */
  blocksPerMessage: 46,
  /** Slack answers msg_blocks_too_long from roughly 12,000 characters of block text; keep 2,000 in reserve. */
  textPerMessage: 10_000,
  /** Top-level `text` is the notification and screen-reader fallback; long enough to be useful, short to read. */
  fallbackText: 3000,
  /** A table longer than this (as monospace text) is shown in part and attached in full as CSV. */
  inlineTableText: 5800,
} as const;

export interface LayoutOptions {
  /** How many messages the answer may take (the first is the summary; the rest are follow-ups). */
  readonly maxMessages: number;
  /** The command said `list`: attach every account of the group as CSV. */
  readonly list?: boolean;
}

export interface AnswerLayout {
  readonly messages: readonly SlackMessage[];
  /** CSVs of tables too long to show, and the rest of the answer when it needs more messages than allowed. */
  readonly files: readonly AttachmentFile[];
}

/**
 * CommandAnswer → Block Kit. Header (title), headline, one block group per section (tables as monospace code blocks
 * split at row boundaries), and a provenance context block; then packed greedily into messages within the block and
 * text budgets. Long tables are cut to what fits and attached as CSV; if the answer still needs more messages than
 * allowed, the last message says so and the full text is attached. Every message carries fallback `text`.
 */
export function layoutAnswer(answer: CommandAnswer, options: LayoutOptions): AnswerLayout {
  if (answer.lead === undefined) return layoutDetails(answer, options);
  const files: AttachmentFile[] = [];
  const list = answer.lead.list;
  if (options.list && list !== undefined) {
    files.push({
      filename: `${slug(answer.command)}-all.csv`,
      title: `${answer.command} — all ${list.rows.length}`,
      content: Buffer.from(`\uFEFF${formatAccountCsv(list)}\r\n`, 'utf8'),
    });
  }
  return paginate(answer, leadBlocks(answer, answer.lead), files, formatAnswerText(answer), options);
}

/** The "Method and data" part (and a report without a lead): title, summary, every section and the provenance. */
export function layoutDetails(answer: CommandAnswer, options: LayoutOptions): AnswerLayout {
  const files: AttachmentFile[] = [];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(answer.title, SLACK_LIMITS.headerText) } },
    ...textSections([escapeMrkdwn(answer.headline)]),
  ];
  for (const section of answer.sections) blocks.push(...sectionBlocks(answer, section, files));
  blocks.push(provenanceBlock(answer.provenance, answer));
  return paginate(answer, blocks, files, formatDetailsText(answer), options);
}

function paginate(
  answer: CommandAnswer,
  blocks: readonly KnownBlock[],
  files: AttachmentFile[],
  fullText: string,
  options: LayoutOptions,
): AnswerLayout {
  const packed = pack(blocks);
  const fallback = truncate(fullText, SLACK_LIMITS.fallbackText);
  let pages = packed;
  if (packed.length > options.maxMessages) {
    pages = packed.slice(0, Math.max(1, options.maxMessages));
    const last = pages[pages.length - 1] ?? [];
    pages[pages.length - 1] = [...last, contextBlock([ANSWER_CONTINUES_IN_FILE])];
    files.push({
      filename: `${slug(answer.command)}-answer.txt`,
      title: `${answer.title} (full answer)`,
      content: Buffer.from(fullText, 'utf8'),
    });
  }
  const messages = pages.map((page, index) => ({
    text: index === 0 ? fallback : `${truncate(answer.title, 200)} (continued, ${index + 1} of ${pages.length})`,
    blocks: page,
  }));
  return { messages, files };
}

function textSections(paragraphs: readonly string[]): KnownBlock[] {
  const lines = paragraphs.flatMap((p) => p.split('\n'));
  return chunkLines(lines, SLACK_LIMITS.sectionText).map(mrkdwnSection);
}

function sectionBlocks(answer: CommandAnswer, section: AnswerSection, files: AttachmentFile[]): KnownBlock[] {
  switch (section.kind) {
    case 'text': {
      const lines = section.lines.map(escapeMrkdwn);
      return textSections(section.title ? [`*${escapeMrkdwn(section.title)}*`, ...lines] : lines);
    }
    case 'unavailable':
      return textSections([`*${escapeMrkdwn(section.title)}*`, `_${escapeMrkdwn(unavailableText(section.reason))}_`]);
    case 'table':
      return tableBlocks(answer, section, files);
  }
}

function tableBlocks(
  answer: CommandAnswer,
  section: Extract<AnswerSection, { kind: 'table' }>,
  files: AttachmentFile[],
): KnownBlock[] {
  const { table } = section;
  const shown = rowsThatFit(table);
  const out: KnownBlock[] = [mrkdwnSection(`*${escapeMrkdwn(truncate(section.title, 200))}*`)];
  const lines = formatTable({ ...table, rows: table.rows.slice(0, shown) }).map((l) =>
    escapeMrkdwn(codeSafe(l.trimEnd())),
  );
  // Every chunk repeats the column header and sits in a code fence (6 characters plus two newlines).
  const head = lines.slice(0, 2).join('\n');
  const bodyChunks = chunkLines(lines.slice(2), SLACK_LIMITS.sectionText - 8 - head.length - 1);
  for (const chunk of bodyChunks.length > 0 ? bodyChunks : ['']) {
    out.push(mrkdwnSection(`\`\`\`\n${chunk === '' ? head : `${head}\n${chunk}`}\n\`\`\``));
  }
  const notes: string[] = [];
  if (section.note) notes.push(escapeMrkdwn(truncate(section.note, 2900)));
  if (shown < table.rows.length) {
    const filename = `${slug(answer.command)}-${slug(section.title)}.csv`;
    files.push({ filename, title: `${section.title} (${table.rows.length} rows)`, content: tableCsv(table) });
    notes.push(TABLE_IN_CSV(shown, table.rows.length, filename));
  }
  if (notes.length > 0) out.push(contextBlock(notes));
  return out;
}

/** How many rows of a table fit in the inline budget (all of them, for ordinary tables). */
function rowsThatFit(table: AnswerTable): number {
  const lines = formatTable(table);
  let total = 0;
  for (const [index, line] of lines.entries()) {
    total += line.length + 1;
    // Lines 0 and 1 are the header and the rule.
    if (total > SLACK_LIMITS.inlineTableText) return Math.max(1, index - 2);
  }
  return table.rows.length;
}

function provenanceBlock(p: Provenance, answer: CommandAnswer): KnownBlock {
  const elements: string[] = [];
  const summary = [`*Data read* · customers described: ${fmt.count(p.n)}`];
  summary.push(`filters: ${p.filters.length > 0 ? p.filters.join('; ') : 'none'}`);
  if (p.thresholds.length > 0) summary.push(`thresholds: ${p.thresholds.join('; ')}`);
  summary.push(`data date: ${p.dataDate ?? 'unknown'}`);
  elements.push(summary.join(' · '));
  if (p.tables.length > 0) {
    elements.push(
      p.tables
        .map((t) => `${t.table}: ${fmt.count(t.rowsInTable)} rows → ${fmt.count(t.rowsUsed)} (${t.reduction})`)
        .join('\n'),
    );
  }
  if (p.qualityNotes.length > 0) elements.push(`Data quality: ${p.qualityNotes.join('; ')}`);
  if (answer.chartsOmitted > 0) {
    elements.push(`${answer.chartsOmitted} more chart${answer.chartsOmitted === 1 ? '' : 's'} with \`charts=all\``);
  }
  return contextBlock(elements.slice(0, SLACK_LIMITS.contextElements).map((e) => truncate(escapeMrkdwn(e), 2900)));
}

/** Greedy packing: a new message when the next block would break the block or text budget. */
function pack(blocks: readonly KnownBlock[]): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let page: KnownBlock[] = [];
  let text = 0;
  for (const block of blocks) {
    const size = blockText(block);
    if (
      page.length > 0 &&
      (page.length + 1 > SLACK_LIMITS.blocksPerMessage || text + size > SLACK_LIMITS.textPerMessage)
    ) {
      pages.push(page);
      page = [];
      text = 0;
    }
    page.push(block);
    text += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Characters of text in a block, counted the way Slack's msg_blocks_too_long does (every `text` string). */
export function blockText(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockText(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let total = 0;
  for (const [key, child] of Object.entries(value))
    total += key === 'text' && typeof child === 'string' ? child.length : blockText(child);
  return total;
}

/** A table cell with three backticks would close the code fence early. */
function codeSafe(line: string): string {
  return line.replace(/`{3,}/g, (m) => '\u02cb'.repeat(m.length));
}

/** A file-name-safe slug: "/priority top 20" → "priority-top-20". */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return truncate(s || 'radar', 60);
}
