import type { TableReadReport } from '../data/read-table.js';
import { type TableDefinition, WAREHOUSE_TABLES } from '../data/warehouse-schema.js';
import { numberFormat, plural } from '../format/number-format.js';
import type { Provenance, ProvenanceTable } from './command-answer.js';

const fmt = numberFormat();

export interface ProvenanceInput {
  readonly reads: readonly TableReadReport[];
  readonly n: number;
  readonly filters?: readonly string[];
  readonly thresholds?: readonly string[];
  /** Notes the analysis adds (e.g. rows left out for missing inputs). */
  readonly notes?: readonly string[];
}

export function buildProvenance(input: ProvenanceInput): Provenance {
  const dates = input.reads.map((r) => r.dataDateMs).filter((d): d is number => d !== null);
  const latest = dates.length > 0 ? Math.max(...dates) : null;
  const dataDate = input.reads.find((r) => r.dataDateMs === latest)?.dataDate ?? null;
  return {
    tables: input.reads.map(describeRead),
    n: input.n,
    filters: input.filters ?? [],
    thresholds: input.thresholds ?? [],
    dataDate,
    dataDateMs: latest,
    qualityNotes: [...input.reads.flatMap(qualityNotes), ...(input.notes ?? [])],
  };
}

function describeRead(report: TableReadReport): ProvenanceTable {
  const definition: TableDefinition = WAREHOUSE_TABLES[report.tableId];
  const key = definition.snapshot?.key;
  const reduction =
    key === undefined
      ? 'all rows'
      : report.mode === 'latest'
        ? `latest snapshot per ${key}`
        : report.mode === 'previous'
          ? `latest two snapshots per ${key}`
          : `all rows (${key} present)`;
  const rowsUsed = report.mode === 'previous' ? report.distinctKeys : report.rowsReturned;
  return { table: report.table, rowsInTable: report.rowsInTable, rowsUsed, reduction };
}

/** Data-quality counts worth a reader's attention; silent when the table is clean. */
export function qualityNotes(report: TableReadReport): string[] {
  const notes: string[] = [];
  const t = report.table;
  if (report.rowsWithoutKey > 0) notes.push(`${t}: ${plural(report.rowsWithoutKey, 'row')} without a key dropped`);
  if (report.duplicatedKeys > 0) {
    notes.push(
      `${t}: ${plural(report.duplicatedKeys, 'key')} on several rows (up to ${fmt.count(report.maxRowsPerKey)}); ${report.mode === 'all' ? 'every snapshot row kept (this analysis reads the history)' : 'reduced to the latest'}`,
    );
  }
  if (report.unparseableTimestamps > 0) {
    notes.push(`${t}: ${plural(report.unparseableTimestamps, 'timestamp')} not parseable (ranked oldest)`);
  }
  if (report.missingTimestamps > 0) notes.push(`${t}: ${plural(report.missingTimestamps, 'timestamp')} missing`);
  for (const [column, count] of Object.entries(report.unreadableValues)) {
    notes.push(
      `${t}.${column}: ${plural(count, 'value')} not readable as ${kindLabel(report, column)} (treated as missing)`,
    );
  }
  return notes;
}

function kindLabel(report: TableReadReport, column: string): string {
  const definition: TableDefinition = WAREHOUSE_TABLES[report.tableId];
  const kind = definition.columns[column];
  return kind === 'flag' ? 'a 0/1 flag' : kind === 'number' ? 'a number' : (kind ?? 'a value');
}
