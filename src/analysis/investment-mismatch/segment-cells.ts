import { type RelativeRisk, relativeRisk } from '../stats/relative-risk.js';
import { getOrCreate } from './group-map.js';
import { type Availability, available, type CompositeWeights, unavailable } from './mismatch-types.js';
import type { ScoredCustomer, ScoredPopulation } from './score-customers.js';

/**
 * §1 cells bullet: industry_vertical × company_size_tier inside the top-priority group. RR is
 * the cell's mismatch rate over the whole top group's rate (cell included); "the rest" is the
 * cell's other top customers. Gap shares split the composite gap (rest − mismatched, on the
 * normalised metrics) into each metric's weighted part; they can be negative.
 */

export interface MetricMeans {
  readonly sales: number | null;
  readonly adoption: number | null;
  readonly support: number | null;
}

export interface GapShares {
  readonly sales: number;
  readonly adoption: number;
  readonly support: number;
  /** The composite gap itself: Σ weight · Δnorm. */
  readonly total: number;
}

export interface SegmentCell {
  readonly industry: string;
  readonly sizeTier: string;
  readonly n: number;
  readonly mismatched: number;
  readonly mismatchRate: number;
  readonly relativeRisk: RelativeRisk | null;
  readonly mismatchedMeans: MetricMeans;
  readonly restMeans: MetricMeans;
  /** null when one side is empty or the gap is exactly 0 (no share to split). */
  readonly gapShares: GapShares | null;
}

export interface SegmentCells {
  readonly minCellSize: number;
  /** Sorted by relative risk, highest first, then n. */
  readonly cells: Availability<readonly SegmentCell[]>;
  readonly smallCells: number;
  readonly customersInSmallCells: number;
  /** Top customers without an industry or size tier. */
  readonly missingLabels: number;
}

/** One side of a cell (its mismatched or its other top customers): sums in the order customers are added. */
export interface Side {
  n: number;
  sales: number;
  adoption: number;
  support: number;
  salesNorm: number;
  adoptionNorm: number;
  supportNorm: number;
}

export const emptySide = (): Side => ({
  n: 0,
  sales: 0,
  adoption: 0,
  support: 0,
  salesNorm: 0,
  adoptionNorm: 0,
  supportNorm: 0,
});

function add(side: Side, c: ScoredCustomer): void {
  side.n++;
  side.sales += c.sales;
  side.adoption += c.adoption;
  side.support += c.support;
  side.salesNorm += c.salesNorm;
  side.adoptionNorm += c.adoptionNorm;
  side.supportNorm += c.supportNorm;
}

export function computeSegmentCells(
  population: ScoredPopulation,
  weights: CompositeWeights,
  minCellSize: number,
): SegmentCells {
  const groups = new Map<string, CellSides>();
  let missingLabels = 0;
  for (const c of population.customers) {
    if (!c.top) continue;
    if (c.industry === null || c.sizeTier === null) {
      missingLabels++;
      continue;
    }
    const key = `${c.industry}\u0000${c.sizeTier}`;
    const g = getOrCreate(groups, key, () => ({
      industry: c.industry,
      sizeTier: c.sizeTier,
      mismatched: emptySide(),
      rest: emptySide(),
    }));
    add(c.mismatched ? g.mismatched : g.rest, c);
  }

  return segmentCellsOf([...groups.values()], population, weights, minCellSize, missingLabels);
}

/** A cell's two sides, as grouping (by rows or by columns) leaves them. */
export interface CellSides {
  readonly industry: string;
  readonly sizeTier: string;
  readonly mismatched: Side;
  readonly rest: Side;
}

/** The reported cells from the grouped sides, in the order the groups were first met. */
export function segmentCellsOf(
  groups: readonly CellSides[],
  counts: { readonly mismatchedCount: number; readonly topCount: number },
  weights: CompositeWeights,
  minCellSize: number,
  missingLabels: number,
): SegmentCells {
  const cells: SegmentCell[] = [];
  let smallCells = 0;
  let customersInSmallCells = 0;
  for (const g of groups) {
    const n = g.mismatched.n + g.rest.n;
    if (n < minCellSize) {
      smallCells++;
      customersInSmallCells += n;
      continue;
    }
    cells.push({
      industry: g.industry,
      sizeTier: g.sizeTier,
      n,
      mismatched: g.mismatched.n,
      mismatchRate: g.mismatched.n / n,
      relativeRisk: relativeRisk(g.mismatched.n, n, counts.mismatchedCount, counts.topCount),
      mismatchedMeans: rawMeans(g.mismatched),
      restMeans: rawMeans(g.rest),
      gapShares: gapShares(g.mismatched, g.rest, weights),
    });
  }
  cells.sort(byRelativeRisk);
  return {
    minCellSize,
    cells: cells.length > 0 ? available(cells) : unavailable(noCellReason(counts.topCount, groups.length, minCellSize)),
    smallCells,
    customersInSmallCells,
    missingLabels,
  };
}

/** Highest relative risk first, then the larger cell, then by name. */
function byRelativeRisk(a: SegmentCell, b: SegmentCell): number {
  return (
    (b.relativeRisk?.rr ?? -1) - (a.relativeRisk?.rr ?? -1) ||
    b.n - a.n ||
    a.industry.localeCompare(b.industry) ||
    a.sizeTier.localeCompare(b.sizeTier)
  );
}

function rawMeans(side: Side): MetricMeans {
  if (side.n === 0) return { sales: null, adoption: null, support: null };
  return { sales: side.sales / side.n, adoption: side.adoption / side.n, support: side.support / side.n };
}

function gapShares(mismatched: Side, rest: Side, weights: CompositeWeights): GapShares | null {
  if (mismatched.n === 0 || rest.n === 0) return null;
  const sales = weights.sales * (rest.salesNorm / rest.n - mismatched.salesNorm / mismatched.n);
  const adoption = weights.adoption * (rest.adoptionNorm / rest.n - mismatched.adoptionNorm / mismatched.n);
  const support = weights.support * (rest.supportNorm / rest.n - mismatched.supportNorm / mismatched.n);
  const total = sales + adoption + support;
  if (total === 0) return null;
  return { sales: sales / total, adoption: adoption / total, support: support / total, total };
}

function noCellReason(topCount: number, cellCount: number, minCellSize: number): string {
  if (topCount === 0) return 'there are no top-priority customers';
  if (cellCount === 0) return 'no top-priority customer has both industry_vertical and company_size_tier';
  return `none of the ${cellCount} industry × size cells has ${minCellSize} or more top-priority customers (min_cell=${minCellSize})`;
}
