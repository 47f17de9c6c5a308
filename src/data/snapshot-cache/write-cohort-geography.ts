import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import { SOURCE_ID_ORDER, type SourceIdColumn } from '../../analysis/conversion-cohort/cohort-geography.js';
import type { Warehouse } from '../open-warehouse.js';
import { missingGeographyInputs } from '../queries/geography.js';
import { buildResolvedGeography } from '../queries/geography-resolution.js';
import { tableAvailability } from '../read-table.js';
import { readTableColumns } from '../read-table-columns.js';
import { COHORT_GEOGRAPHY_FIGURES, COHORT_GEOGRAPHY_FOLDER } from './cohort-geography-store.js';
import { ColumnWriter, DEFAULT_BATCH_ROWS, writeColumns } from './column-writer.js';
import { onCacheBeingBuilt } from './on-cache-being-built.js';
import type { SnapshotManifest } from './snapshot-manifest.js';

/**
 * A build step after every table is written: /conversion-cohort's geography join (activity source ids → mapping →
 * address), made by the command's own code on the cache just written and stored per latest activity row as the
 * address row it reaches. It does not depend on the question, yet it was ~0.6 s of a first answer at a million
 * customers (reading the 2.8M-row mapping and the address table, choosing among candidates); a command now reads
 * three number columns and the address's country and state. Nothing is written when the export lacks an input.
 */
export function writeCohortGeography(
  warehouse: Warehouse,
  scratch: string,
  manifest: SnapshotManifest,
  batchRows: number = DEFAULT_BATCH_ROWS,
): void {
  onCacheBeingBuilt(warehouse, scratch, manifest, () => {
    const activity = tableAvailability(warehouse, 'activity', SOURCE_ID_ORDER);
    if (!activity.present || activity.missingColumns.length > 0) return;
    if (missingGeographyInputs(warehouse).length > 0) return;
    const neededFor = 'the snapshot cache build';
    const read = readTableColumns(warehouse, 'activity', SOURCE_ID_ORDER, { neededFor });
    const ids = {} as Record<SourceIdColumn, CodedColumn>;
    for (const column of SOURCE_ID_ORDER) ids[column] = read.columns[column] as CodedColumn;
    const { addressOfRow, address: _address, ...figures } = buildResolvedGeography(warehouse, ids, neededFor);
    const directory = join(scratch, COHORT_GEOGRAPHY_FOLDER);
    mkdirSync(directory, { recursive: true });
    for (const column of SOURCE_ID_ORDER) {
      const writer = new ColumnWriter(join(directory, `${column}.arrow`), 'number', 'plain', batchRows);
      const rows = addressOfRow[column];
      writeColumns([writer], () => {
        for (let r = 0; r < rows.length; r++) writer.push(rows[r] as number);
      });
    }
    writeFileSync(join(directory, COHORT_GEOGRAPHY_FIGURES), JSON.stringify(figures));
  });
}
