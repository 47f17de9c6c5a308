import type { AnswerTable } from '../commands/command-answer.js';

/** RFC 4180 quoting; a leading `=` or `@` is prefixed with `'` so spreadsheets do not run it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A table as UTF-8 CSV (with a BOM so Excel reads non-ASCII names correctly). */
export function tableCsv(table: AnswerTable): Buffer {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
