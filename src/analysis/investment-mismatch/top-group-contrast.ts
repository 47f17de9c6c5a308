import { mean } from '../stats/descriptive.js';
import type { ScoredCustomer, ScoredPopulation } from './score-customers.js';

/**
 * The top-priority group seen the way the answer speaks of it: the mismatch rate in every
 * industry × size cell (small cells included, with their n, so a chart can mark them) and the
 * mismatched customers' performance against the rest of the top group.
 */

export interface MismatchCell {
  readonly industry: string;
  readonly sizeTier: string;
  /** Top-priority customers in the cell. */
  readonly n: number;
  readonly mismatched: number;
  readonly mismatchRate: number;
}

export interface GroupMeans {
  readonly n: number;
  readonly adoption: number | null;
  readonly support: number | null;
  readonly sales: number | null;
}

export interface TopGroupContrast {
  /** Every industry × size cell with at least one top-priority customer, largest rate first. */
  readonly cells: readonly MismatchCell[];
  /** Mismatched / top over the whole top group: the reference every cell is compared with. */
  readonly overallRate: number | null;
  readonly mismatched: GroupMeans;
  /** The top-priority customers who are not mismatched. */
  readonly rest: GroupMeans;
}

function means(customers: readonly ScoredCustomer[]): GroupMeans {
  return {
    n: customers.length,
    adoption: mean(customers.map((c) => c.adoption)),
    support: mean(customers.map((c) => c.support)),
    sales: mean(customers.map((c) => c.sales)),
  };
}

export function contrastTopGroup(population: ScoredPopulation): TopGroupContrast {
  const top = population.customers.filter((c) => c.top);
  const byCell = new Map<string, { industry: string; sizeTier: string; n: number; mismatched: number }>();
  for (const c of top) {
    if (c.industry === null || c.sizeTier === null) continue;
    const key = `${c.industry}\u0000${c.sizeTier}`;
    const cell = byCell.get(key) ?? { industry: c.industry, sizeTier: c.sizeTier, n: 0, mismatched: 0 };
    cell.n++;
    if (c.mismatched) cell.mismatched++;
    byCell.set(key, cell);
  }
  const cells = [...byCell.values()].map((c) => ({ ...c, mismatchRate: c.mismatched / c.n })).sort(byMismatchRate);
  const mismatchedCount = top.filter((c) => c.mismatched).length;
  return {
    cells,
    overallRate: top.length > 0 ? mismatchedCount / top.length : null,
    mismatched: means(top.filter((c) => c.mismatched)),
    rest: means(top.filter((c) => !c.mismatched)),
  };
}

/** Largest rate first, then the larger cell, then by industry. */
export function byMismatchRate(a: MismatchCell, b: MismatchCell): number {
  return b.mismatchRate - a.mismatchRate || b.n - a.n || a.industry.localeCompare(b.industry);
}
