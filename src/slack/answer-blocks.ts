import type { AnswerSection, AnswerTable, CommandAnswer, Provenance } from '../commands/command-answer.js';
import {
  formatAccountCsv,
  formatAnswerText,
  formatDetailsText,
  formatTable,
  unavailableText,
} from '../commands/present-text.js';
import { numberFormat } from '../format/number-format.js';
import type { Translate } from '../i18n/translate.js';
import type { AttachmentFile, KnownBlock, SlackMessage } from './block-types.js';
import { tableCsv } from './csv.js';
import { leadBlocks } from './lead-blocks.js';
import { ANSWER_CONTINUES_IN_FILE, TABLE_IN_CSV } from './messages.js';
import { chunkLines, contextBlock, escapeMrkdwn, mrkdwnSection, truncate } from './mrkdwn.js';

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
  /** The reader's language, for what the layout adds (buttons, notes, the provenance line, file titles). */
  readonly t: Translate;
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
  const { t } = options;
  if (options.list && list !== undefined) {
    files.push({
      filename: `${slug(answer.command)}-all.csv`,
      title: t('slack.list.fileTitle', {
        invocation: answer.command,
        count: numberFormat(t.locale).count(list.rows.length),
      }),
      content: Buffer.from(`\uFEFF${formatAccountCsv(list)}\r\n`, 'utf8'),
    });
  }
  return paginate(answer, leadBlocks(answer, answer.lead, t), files, formatAnswerText(answer), options);
}

/** The "Method and data" part (and a report without a lead): title, summary, every section and the provenance. */
export function layoutDetails(answer: CommandAnswer, options: LayoutOptions): AnswerLayout {
  const files: AttachmentFile[] = [];
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(answer.title, SLACK_LIMITS.headerText) } },
    ...textSections([escapeMrkdwn(answer.headline)]),
  ];
  for (const section of answer.sections) blocks.push(...sectionBlocks(answer, section, files, options.t));
  blocks.push(provenanceBlock(answer.provenance, answer, options.t));
  return paginate(answer, blocks, files, formatDetailsText(answer), options);
}

function paginate(
  answer: CommandAnswer,
  blocks: readonly KnownBlock[],
  files: AttachmentFile[],
  fullText: string,
  options: LayoutOptions,
): AnswerLayout {
  const { t } = options;
  const packed = pack(blocks);
  const fallback = truncate(fullText, SLACK_LIMITS.fallbackText);
  let pages = packed;
  if (packed.length > options.maxMessages) {
    pages = packed.slice(0, Math.max(1, options.maxMessages));
    const last = pages[pages.length - 1] ?? [];
    pages[pages.length - 1] = [...last, contextBlock([ANSWER_CONTINUES_IN_FILE(t)])];
    files.push({
      filename: `${slug(answer.command)}-answer.txt`,
      title: t('slack.fullAnswerTitle', { title: answer.title }),
      content: Buffer.from(fullText, 'utf8'),
    });
  }
  const messages = pages.map((page, index) => ({
    text:
      index === 0
        ? fallback
        : t('slack.continued', { title: truncate(answer.title, 200), page: index + 1, pages: pages.length }),
    blocks: page,
  }));
  return { messages, files };
}

function textSections(paragraphs: readonly string[]): KnownBlock[] {
  const lines = paragraphs.flatMap((p) => p.split('\n'));
  return chunkLines(lines, SLACK_LIMITS.sectionText).map(mrkdwnSection);
}

function sectionBlocks(
  answer: CommandAnswer,
  section: AnswerSection,
  files: AttachmentFile[],
  t: Translate,
): KnownBlock[] {
  switch (section.kind) {
    case 'text': {
      const lines = section.lines.map(escapeMrkdwn);
      return textSections(section.title ? [`*${escapeMrkdwn(section.title)}*`, ...lines] : lines);
    }
    case 'unavailable':
      return textSections([`*${escapeMrkdwn(section.title)}*`, `_${escapeMrkdwn(unavailableText(section.reason))}_`]);
    case 'table':
      return tableBlocks(answer, section, files, t);
  }
}

function tableBlocks(
  answer: CommandAnswer,
  section: Extract<AnswerSection, { kind: 'table' }>,
  files: AttachmentFile[],
  t: Translate,
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
    const count = numberFormat(t.locale).count(table.rows.length);
    files.push({
      filename,
      title: t('slack.tableFileTitle', { title: section.title, count }),
      content: tableCsv(table),
    });
    notes.push(TABLE_IN_CSV(t, shown, table.rows.length, filename));
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

function provenanceBlock(p: Provenance, answer: CommandAnswer, t: Translate): KnownBlock {
  const fmt = numberFormat(t.locale);
  const elements: string[] = [];
  const summary = [
    t('slack.provenance.read', { count: fmt.count(p.n) }),
    t('slack.provenance.filters', {
      filters: p.filters.length > 0 ? p.filters.join('; ') : t('slack.provenance.none'),
    }),
  ];
  if (p.thresholds.length > 0) summary.push(t('slack.provenance.thresholds', { thresholds: p.thresholds.join('; ') }));
  summary.push(t('slack.provenance.dataDate', { date: p.dataDate ?? t('slack.provenance.unknown') }));
  elements.push(summary.join(' · '));
  if (p.tables.length > 0) {
    elements.push(
      p.tables
        .map((table) =>
          t('slack.provenance.table', {
            table: table.table,
            rows: fmt.count(table.rowsInTable),
            used: fmt.count(table.rowsUsed),
            reduction: table.reduction,
          }),
        )
        .join('\n'),
    );
  }
  if (p.qualityNotes.length > 0) elements.push(t('slack.provenance.quality', { notes: p.qualityNotes.join('; ') }));
  if (answer.chartsOmitted > 0) {
    elements.push(
      t('slack.provenance.moreCharts', { count: fmt.count(answer.chartsOmitted), n: answer.chartsOmitted }),
    );
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
