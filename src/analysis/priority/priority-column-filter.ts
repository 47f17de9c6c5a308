import type { CodedColumn } from '../columns/coded-column.js';
import { VALUE_SEGMENTS } from '../value-segments/value-segment.js';
import type { PriorityColumnsInput, RankedPriorityColumns } from './priority-columns.js';
import { type EmptyFilter, PRIORITY_ZONES, type PriorityFilterKey, type PriorityFilters } from './priority-filter.js';
import { PRIORITY_ROUTES } from './priority-routes.js';

/** Zone codes by rank position: 0 none, then PRIORITY_ZONES in order (1 red, 2 yellow, 3 green). */
const ZONE_LEVELS: readonly (string | null)[] = [null, ...PRIORITY_ZONES];

/** selectPriority's answer as rank positions (0-based, in rank order) instead of rows. */
export interface PriorityColumnSelection {
  readonly matched: Uint32Array;
  readonly emptyFilter: EmptyFilter | null;
}

/** A filter's values as codes per rank position and the level each code stands for (null: no value). */
interface CodedValues {
  readonly codeAt: (p: number) => number;
  readonly levels: readonly (string | null)[];
}

const FILTER_ORDER: readonly PriorityFilterKey[] = ['tier', 'segment', 'stage', 'zone', 'route'];

/**
 * selectPriority over the columns of a ranking: the same filters in the same order, compared the same way
 * (case-insensitively), the same rows kept, and the same values named when a filter leaves nothing. Each filter
 * compares a code per row with the codes whose level matches, worked out once per level.
 */
export function selectPriorityColumns(
  ranked: RankedPriorityColumns,
  input: PriorityColumnsInput,
  stage: CodedColumn,
  zoneCodes: Uint8Array,
  filters: PriorityFilters,
): PriorityColumnSelection {
  let positions = new Uint32Array(ranked.n);
  for (let p = 0; p < positions.length; p++) positions[p] = p;
  const rowOf = (p: number) => input.rows[ranked.rankedFrom[p] as number] as number;
  const byLevel = (column: CodedColumn): CodedValues => ({
    codeAt: (p) => column.indices[rowOf(p)] as number,
    levels: column.dictionary,
  });
  const values: Readonly<Record<PriorityFilterKey, () => CodedValues>> = {
    tier: () => byLevel(input.tier),
    stage: () => byLevel(stage),
    segment: () => ({ codeAt: (p) => ranked.segment[p] as number, levels: VALUE_SEGMENTS }),
    zone: () => ({ codeAt: (p) => (zoneCodes[p] as number) - 1, levels: ZONE_LEVELS.slice(1) }),
    route: () => ({ codeAt: (p) => ranked.route[p] as number, levels: PRIORITY_ROUTES }),
  };
  for (const key of FILTER_ORDER) {
    const wanted = filters[key];
    if (wanted === undefined) continue;
    const { codeAt, levels } = values[key]();
    const target = wanted.toLowerCase();
    const matches = Uint8Array.from(levels, (level) => (level !== null && level.toLowerCase() === target ? 1 : 0));
    const kept = positions.filter((p) => {
      const code = codeAt(p);
      return code >= 0 && matches[code] === 1;
    });
    if (kept.length === 0) {
      return { matched: kept, emptyFilter: { key, value: wanted, present: levelsPresent(positions, codeAt, levels) } };
    }
    positions = kept;
  }
  return { matched: positions, emptyFilter: null };
}

/** The distinct values the rows have, sorted as valuesPresent sorts them. */
function levelsPresent(
  positions: Uint32Array,
  codeAt: (p: number) => number,
  levels: readonly (string | null)[],
): string[] {
  const seen = new Uint8Array(levels.length);
  for (let i = 0; i < positions.length; i++) {
    const code = codeAt(positions[i] as number);
    if (code >= 0) seen[code] = 1;
  }
  const present = new Set<string>();
  levels.forEach((level, code) => {
    if (seen[code] === 1 && level !== null) present.add(level);
  });
  return [...present].sort();
}
