import type { TableReadReport } from '../data/read-table.js';
import { type TableDefinition, WAREHOUSE_TABLES } from '../data/warehouse-schema.js';
import { numberFormat } from '../format/number-format.js';
import type { Locale } from '../i18n/locale.js';
import { type Translate, translator } from '../i18n/translate.js';
import type { Provenance, ProvenanceTable } from './command-answer.js';

export interface ProvenanceInput {
  readonly reads: readonly TableReadReport[];
  readonly n: number;
  readonly filters?: readonly string[];
  readonly thresholds?: readonly string[];
  /** Notes the analysis adds (e.g. rows left out for missing inputs). */
  readonly notes?: readonly string[];
  /** The answer's language, for the reductions and data-quality notes. */
  readonly locale?: Locale;
}

export function buildProvenance(input: ProvenanceInput): Provenance {
  const t = translator(input.locale ?? 'en');
  const dates = input.reads.map((r) => r.dataDateMs).filter((d): d is number => d !== null);
  const latest = dates.length > 0 ? Math.max(...dates) : null;
  const dataDate = input.reads.find((r) => r.dataDateMs === latest)?.dataDate ?? null;
  return {
    tables: input.reads.map((r) => describeRead(r, t)),
    n: input.n,
    filters: input.filters ?? [],
    thresholds: input.thresholds ?? [],
    dataDate,
    dataDateMs: latest,
    qualityNotes: [...input.reads.flatMap((r) => qualityNotes(r, input.locale ?? 'en')), ...(input.notes ?? [])],
  };
}

function describeRead(report: TableReadReport, t: Translate): ProvenanceTable {
  const definition: TableDefinition = WAREHOUSE_TABLES[report.tableId];
  const key = definition.snapshot?.key;
  const reduction =
    key === undefined
      ? t('provenance.reduction.all')
      : report.mode === 'latest'
        ? t('provenance.reduction.latest', { key })
        : report.mode === 'previous'
          ? t('provenance.reduction.previous', { key })
          : t('provenance.reduction.allWithKey', { key });
  const rowsUsed = report.mode === 'previous' ? report.distinctKeys : report.rowsReturned;
  return { table: report.table, rowsInTable: report.rowsInTable, rowsUsed, reduction };
}

/** Data-quality counts worth a reader's attention; silent when the table is clean. */
export function qualityNotes(report: TableReadReport, locale: Locale = 'en'): string[] {
  const t = translator(locale);
  const notes: string[] = [];
  const table = report.table;
  if (report.rowsWithoutKey > 0) notes.push(t('provenance.note.withoutKey', { table, n: report.rowsWithoutKey }));
  if (report.duplicatedKeys > 0) {
    const values = { table, n: report.duplicatedKeys, max: numberFormat(locale).count(report.maxRowsPerKey) };
    notes.push(
      report.mode === 'all'
        ? t('provenance.note.duplicatedAll', values)
        : t('provenance.note.duplicatedLatest', values),
    );
  }
  if (report.unparseableTimestamps > 0) {
    notes.push(t('provenance.note.unparseable', { table, n: report.unparseableTimestamps }));
  }
  if (report.missingTimestamps > 0) {
    notes.push(t('provenance.note.missingTimestamps', { table, n: report.missingTimestamps }));
  }
  for (const [column, count] of Object.entries(report.unreadableValues)) {
    notes.push(
      t('provenance.note.unreadable', { column: `${table}.${column}`, n: count, kind: kindLabel(report, column, t) }),
    );
  }
  return notes;
}

function kindLabel(report: TableReadReport, column: string, t: Translate): string {
  const definition: TableDefinition = WAREHOUSE_TABLES[report.tableId];
  const kind = definition.columns[column];
  return kind === 'flag'
    ? t('provenance.kind.flag')
    : kind === 'number'
      ? t('provenance.kind.number')
      : kind === undefined
        ? t('provenance.kind.value')
        : kind;
}
