import { displayWidth } from '../format/display-width.js';
import { numberFormat } from '../format/number-format.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import { accountName } from '../vocabulary/glossary.js';
import type {
  AccountList,
  AnswerLead,
  AnswerTable,
  CommandAnswer,
  NamedAccount,
  Provenance,
} from './command-answer.js';

/**
 * The main message as plain text: what `radar ask` prints and what a Slack user reads first. Takeaway, the
 * accounts to act on, at most two compact tables, notes and one context line. Slack's *bold* marks are dropped.
 * A report without a lead (`/radar doctor`) is shown whole.
 */
export function formatAnswerText(answer: CommandAnswer): string {
  if (answer.lead === undefined) return tidy([...formatDetailLines(answer)]);
  return tidy(formatLeadLines(answer.lead, answer.locale).map(stripMarks));
}

export function formatLeadLines(lead: AnswerLead, locale: Locale = 'en'): string[] {
  const t = translator(locale);
  const f = numberFormat(locale);
  const out: string[] = [lead.takeaway];
  if (lead.accounts.length > 0) {
    const total = lead.accountsTotal ?? lead.accounts.length;
    if (lead.accountsTitle) {
      out.push(
        total > lead.accounts.length
          ? t('answer.moreAccounts', {
              title: lead.accountsTitle,
              shown: f.count(lead.accounts.length),
              total: f.count(total),
            })
          : t('answer.accountsTitle', { title: lead.accountsTitle }),
      );
    }
    out.push(...lead.accounts.map((a, i) => formatAccountLine(a, i, locale)));
  } else if (lead.noAccounts) {
    out.push(lead.noAccounts);
  }
  for (const section of lead.tables) {
    out.push('', t('answer.tableTitle', { title: section.title }), ...formatTable(section.table));
  }
  if (lead.notes && lead.notes.length > 0) out.push('', ...lead.notes);
  out.push('', lead.context);
  return out;
}

/** " 1. Hooli Group — jane@hooli.com · Dormant, churn risk 38% · Intervene within 48 hours" */
export function formatAccountLine(account: NamedAccount, index: number, locale: Locale = 'en'): string {
  const number = String(index + 1).padStart(2, ' ');
  return `${number}. ${accountName(account.organisation, account.email, locale)} · ${account.why} · ${account.action}`;
}

/** "Method and data": the analyst's summary, every section and where each number came from. */
export function formatDetailsText(answer: CommandAnswer): string {
  return tidy(formatDetailLines(answer));
}

function formatDetailLines(answer: CommandAnswer): string[] {
  const locale = answer.locale ?? 'en';
  const t = translator(locale);
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
      out.push(`## ${section.title}`, unavailableText(section.reason, locale), '');
    }
  }
  if (answer.provenance.tables.length > 0) out.push(...formatProvenance(answer.provenance, locale));
  if (answer.charts.length > 0 || answer.chartsOmitted > 0) {
    const names = answer.charts.map((c) => c.id).join(', ') || t('answer.chartsNone');
    out.push(
      answer.chartsOmitted > 0
        ? t('answer.chartsOmitted', { names, n: answer.chartsOmitted })
        : t('answer.charts', { names }),
    );
  }
  return out;
}

/** "Not available because …", without doubling the phrase when the reason already starts with it. */
export function unavailableText(reason: string, locale: Locale = 'en'): string {
  const trimmed = reason.replace(/^not available because\s+/i, '');
  return translator(locale)('answer.unavailable', { reason: trimmed });
}

export function formatProvenance(p: Provenance, locale: Locale = 'en'): string[] {
  const t = translator(locale);
  const f = numberFormat(locale);
  const lines = [`## ${t('provenance.heading')}`];
  for (const table of p.tables) {
    const rows = { table: table.table, rows: f.count(table.rowsInTable), used: f.count(table.rowsUsed) };
    lines.push(`  ${t('provenance.tableLine', { ...rows, reduction: table.reduction })}`);
  }
  lines.push(`  ${t('provenance.described', { n: f.count(p.n) })}`);
  lines.push(
    `  ${p.filters.length > 0 ? t('provenance.filters', { filters: p.filters.join('; ') }) : t('provenance.filtersNone')}`,
  );
  if (p.thresholds.length > 0) lines.push(`  ${t('provenance.thresholds', { thresholds: p.thresholds.join('; ') })}`);
  lines.push(
    `  ${p.dataDate === null ? t('provenance.dataDateUnknown') : t('provenance.dataDate', { date: p.dataDate })}`,
  );
  if (p.qualityNotes.length > 0) lines.push(`  ${t('provenance.quality')}`, ...p.qualityNotes.map((n) => `    - ${n}`));
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
    `  ${header}`.trimEnd(),
    `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`,
    ...table.rows.map((r) => `  ${r.map((v, i) => cell(v, i)).join('  ')}`.trimEnd()),
  ];
}

/** RFC 4180 CSV of every account of the group, raw numbers; a leading = or @ is quoted against formulas. */
export function formatAccountCsv(list: AccountList): string {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const safe = /^[=@+-]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [list.columns, ...list.rows].map((row) => row.map(cell).join(',')).join('\r\n');
}

function tidy(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function stripMarks(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1');
}
