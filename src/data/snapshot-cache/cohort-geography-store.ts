import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_ID_ORDER, type SourceIdColumn } from '../../analysis/conversion-cohort/cohort-geography.js';
import type { GeographyResolutionFigures } from '../queries/geography-resolution.js';
import { readNumberColumn } from './column-store.js';
import type { SnapshotCache } from './snapshot-cache.js';

/** /conversion-cohort's geography join per latest activity row, written after the tables (write-cohort-geography.ts). */
export const COHORT_GEOGRAPHY_FOLDER = 'cohort-geography';
export const COHORT_GEOGRAPHY_FIGURES = 'join.json';

/** The join as the cache stores it: per source id column, per latest activity row, ResolvedGeography.addressOfRow. */
export interface StoredGeography {
  readonly addressOfRow: Readonly<Record<SourceIdColumn, Float64Array>>;
  readonly figures: GeographyResolutionFigures;
}

/** The cache's geography join; undefined when this cache was built without one (the export lacks its tables). */
export function storedGeographyOf(cache: SnapshotCache): StoredGeography | undefined {
  const directory = join(cache.directory, COHORT_GEOGRAPHY_FOLDER);
  const figures = join(directory, COHORT_GEOGRAPHY_FIGURES);
  if (!existsSync(figures)) return undefined;
  const addressOfRow = {} as Record<SourceIdColumn, Float64Array>;
  for (const column of SOURCE_ID_ORDER) addressOfRow[column] = readNumberColumn(directory, column);
  return { addressOfRow, figures: JSON.parse(readFileSync(figures, 'utf8')) as GeographyResolutionFigures };
}
