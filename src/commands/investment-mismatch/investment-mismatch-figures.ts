import type { CodedColumn } from '../../analysis/columns/coded-column.js';
import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import { computeInvestmentMismatchColumns } from '../../analysis/investment-mismatch/compute-investment-mismatch-columns.js';
import { allRows, type InvestmentColumns } from '../../analysis/investment-mismatch/investment-columns.js';
import { oncePerWarehouse } from '../../data/once-per-warehouse.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import type { InvestmentMismatchCommandOptions } from './investment-mismatch-command.js';

/** A filter no customer matches, with the levels the export has, so the answer can say what to type instead. */
export interface UnmatchedFilter {
  readonly key: 'industry' | 'size';
  readonly wanted: string;
  /** The column the filter reads, as the warehouse spells it. */
  readonly column: string;
  readonly levels: readonly string[];
}

type Filtered =
  | { kind: 'figures'; figures: InvestmentMismatchFigures }
  | { kind: 'none'; unmatched: UnmatchedFilter | null };

/**
 * §1's figures for these options on this export (`columns`: its investment columns), worked out once per export and
 * set of options: the same question asked again (a team re-running the default view) is answered from them, as
 * /priority's ranking is. The figures are read-only; presenters copy what they sort.
 */
export function investmentFigures(
  warehouse: Warehouse,
  columns: InvestmentColumns,
  options: InvestmentMismatchCommandOptions,
): Filtered {
  const built = figuresBuilt(warehouse);
  const key = JSON.stringify([options.analysis, options.industry, options.size]);
  const cached = built.get(key);
  if (cached) return cached;
  const filtered = applyFilters(columns, options);
  const figures: Filtered =
    filtered.kind === 'none'
      ? filtered
      : { kind: 'figures', figures: computeInvestmentMismatchColumns(columns, filtered.rows, options.analysis) };
  built.set(key, figures);
  // A few views at a time (the default and the ones being compared); each holds its mismatched customers.
  if (built.size > MAX_OPTION_SETS) built.delete(built.keys().next().value as string);
  return figures;
}

const MAX_OPTION_SETS = 4;

const figuresBuilt = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, Filtered>());

/** Labels match after trimming, ignoring case, so `industry=technology` finds "Technology". */
function applyFilters(
  columns: InvestmentColumns,
  options: InvestmentMismatchCommandOptions,
): { kind: 'rows'; rows: Int32Array } | { kind: 'none'; unmatched: UnmatchedFilter | null } {
  if (columns.length === 0) return { kind: 'none', unmatched: null };
  let kept = allRows(columns);
  for (const [key, wanted, column] of [
    ['industry', options.industry, columns.industry],
    ['size', options.size, columns.sizeTier],
  ] as const) {
    if (wanted === null) continue;
    const target = wanted.toLowerCase();
    const matches = column.dictionary.map((level) => level.toLowerCase() === target);
    const next = kept.filter((r) => {
      const code = column.indices[r] as number;
      return code >= 0 && matches[code] === true;
    });
    if (next.length === 0) {
      const levelColumn = key === 'industry' ? 'industry_vertical' : 'company_size_tier';
      return { kind: 'none', unmatched: { key, wanted, column: levelColumn, levels: levelsPresent(column).sort() } };
    }
    kept = next;
  }
  return { kind: 'rows', rows: kept };
}

/** The distinct values some row holds. */
function levelsPresent(column: CodedColumn): string[] {
  const used = new Uint8Array(column.dictionary.length);
  for (const code of column.indices) if (code >= 0) used[code] = 1;
  return [...new Set(column.dictionary.filter((_, code) => used[code] === 1))];
}
