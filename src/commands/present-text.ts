import { displayWidth } from '../format/display-width.js';
import type { AnswerTable, CommandAnswer, Provenance } from './command-answer.js';
import { formatCount } from './format.js';

/**
 * The answer as plain text: what `radar ask` prints and what Slack's fallback text is
 * built from. Slack's *bold* marks are dropped; tables are aligned in monospace.
 */
export function formatAnswerText(answer: CommandAnswer): string {
  const out: string[] = [stripMarks(answer.title), '='.repeat(Math.min(displayWidth(answer.title), 80)), ''];
  out.push(stripMarks(answer.headline), '');
  for (const section of answer.sections) {
    if (section.kind === 'text') {
      if (section.title) out.push(`## ${section.title}`);
      out.push(...section.lines.map(stripMarks), '');
    } else if (section.kind === 'table') {
      out.push(`## ${section.title}`, ...formatTable(section.table));
      if (section.note) out.push(stripMarks(section.note));
      out.push('');
    } else {
      out.push(`## ${section.title}`, `Not available because ${section.reason}`, '');
    }
  }
  if (answer.provenance.tables.length > 0) out.push(...formatProvenance(answer.provenance));
  if (answer.charts.length > 0 || answer.chartsOmitted > 0) {
    const names = answer.charts.map((c) => c.id).join(', ');
    const omitted = answer.chartsOmitted > 0 ? ` (${answer.chartsOmitted} more with charts=all)` : '';
    out.push(`Charts: ${names || 'none'}${omitted}`);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd();
}

export function formatProvenance(p: Provenance): string[] {
  const lines = ['## Computed on'];
  for (const t of p.tables) {
    lines.push(`  ${t.table}: ${formatCount(t.rowsInTable)} rows → ${formatCount(t.rowsUsed)} (${t.reduction})`);
  }
  lines.push(`  n = ${formatCount(p.n)}`);
  lines.push(`  Filters: ${p.filters.length > 0 ? p.filters.join('; ') : 'none'}`);
  if (p.thresholds.length > 0) lines.push(`  Thresholds: ${p.thresholds.join('; ')}`);
  lines.push(`  Data date: ${p.dataDate ?? 'unknown (no parseable snapshot timestamp)'}`);
  if (p.qualityNotes.length > 0) lines.push('  Data quality:', ...p.qualityNotes.map((n) => `    - ${n}`));
  return lines;
}

export function formatTable(table: AnswerTable): string[] {
  const widths = table.columns.map((c, i) =>
    Math.max(displayWidth(c), ...table.rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const cell = (text: string, i: number): string => {
    const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(text)));
    return table.align?.[i] === 'right' ? pad + text : text + pad;
  };
  const header = table.columns.map(cell).join('  ');
  return [
    `  ${header}`,
    `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...table.rows.map((r) => `  ${r.map((v, i) => cell(v, i)).join('  ')}`),
  ];
}

function stripMarks(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1');
}
