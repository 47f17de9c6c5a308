import { codedValue } from '../columns/coded-column.js';
import { largestAtOrBelowSelected, smallestAtOrAboveSorted } from '../stats/cume-dist.js';
import { minMaxScaler, type ValueRange } from '../stats/scaling.js';
import { type InvestmentColumns, numberAt } from './investment-columns.js';
import { CUME_DIST_TOLERANCE, type InvestmentMismatchOptions } from './mismatch-types.js';
import type { ScoredCustomer, ScoredPopulation } from './score-customers.js';

/**
 * scoreCustomers on columns: the same valid rows, ranges, composites, cut-offs and winsorised ROIs, kept as typed
 * arrays per valid customer instead of a ScoredCustomer each. Customer objects are built only for the ones an
 * answer lists (scoredCustomerAt). Every figure is computed with the row path's expressions in the row path's order,
 * so the two agree to the bit (test/analysis/investment-mismatch/compute-investment-mismatch-columns.test.ts).
 */

/** ScoredPopulation without its customers: the counts, ranges and cut-offs an answer reports. */
export type PopulationFigures = Omit<ScoredPopulation, 'customers'>;

export const TOP = 1;
export const BOTTOM = 2;
const MISMATCHED = TOP | BOTTOM;

export interface MetricScalers {
  readonly sales: (x: number) => number;
  readonly adoption: (x: number) => number;
  readonly support: (x: number) => number;
  readonly priority: (x: number) => number;
}

export interface ScoredColumns {
  readonly figures: PopulationFigures;
  readonly input: InvestmentColumns;
  /** Valid customer i's input row, in input order (the row path's `customers` order). */
  readonly rows: Int32Array;
  readonly composite: Float64Array;
  readonly priorityNorm: Float64Array;
  /** Winsorised ROI; NaN where the row path has null. */
  readonly roi: Float64Array;
  /** TOP and BOTTOM bits; mismatched is both. */
  readonly flags: Uint8Array;
  /** The valid customers' priorities, ascending (every cume_dist of priority is read from it). */
  readonly sortedPriority: Float64Array;
  /** The winsorised ROIs present, ascending: clamping keeps the raw ROIs' order, so no second sort. */
  readonly sortedRoi: Float64Array;
  readonly scale: MetricScalers;
}

export function isMismatched(flags: Uint8Array, i: number): boolean {
  return ((flags[i] as number) & MISMATCHED) === MISMATCHED;
}

/** `selected`: the input rows to score, in order (every row, or those a filter kept). */
export function scoreCustomerColumns(
  input: InvestmentColumns,
  selected: ArrayLike<number>,
  options: InvestmentMismatchOptions,
): ScoredColumns {
  const { priority, sales, adoption, support, lifetimeValue, acquisitionCost } = input;
  const valid = new Int32Array(selected.length);
  let n = 0;
  let missingInputs = 0;
  let missingSales = 0;
  let missingAdoption = 0;
  let missingSupport = 0;
  let missingPriority = 0;
  for (let k = 0; k < selected.length; k++) {
    const r = selected[k] as number;
    const noSales = Number.isNaN(sales[r] as number);
    const noAdoption = Number.isNaN(adoption[r] as number);
    const noSupport = Number.isNaN(support[r] as number);
    if (noSales || noAdoption || noSupport) {
      missingInputs++;
      if (noSales) missingSales++;
      if (noAdoption) missingAdoption++;
      if (noSupport) missingSupport++;
      continue;
    }
    if (Number.isNaN(priority[r] as number)) {
      missingPriority++;
      continue;
    }
    valid[n++] = r;
  }
  const rows = valid.slice(0, n);
  const counts = {
    rowsIn: selected.length,
    missingInputs,
    missingSales,
    missingAdoption,
    missingSupport,
    missingPriority,
  };
  if (n === 0) {
    const none = new Float64Array(0);
    return {
      figures: {
        ...counts,
        ranges: null,
        topCount: 0,
        bottomCount: 0,
        mismatchedCount: 0,
        priorityCutoff: null,
        compositeCutoff: null,
        roiBounds: null,
        roiMissing: 0,
      },
      input,
      rows,
      composite: none,
      priorityNorm: none,
      roi: none,
      flags: new Uint8Array(0),
      sortedPriority: none,
      sortedRoi: none,
      scale: { sales: zero, adoption: zero, support: zero, priority: zero },
    };
  }

  const ranges = {
    sales: rangeOver(sales, rows),
    adoption: rangeOver(adoption, rows),
    support: rangeOver(support, rows),
    priority: rangeOver(priority, rows),
  };
  const scale: MetricScalers = {
    sales: minMaxScaler(ranges.sales.min, ranges.sales.max),
    adoption: minMaxScaler(ranges.adoption.min, ranges.adoption.max),
    support: minMaxScaler(ranges.support.min, ranges.support.max),
    priority: minMaxScaler(ranges.priority.min, ranges.priority.max),
  };
  const { weights } = options;
  const composite = new Float64Array(n);
  const priorities = new Float64Array(n);
  const rawRoi = new Float64Array(n);
  const rawRois = new Float64Array(n);
  let roiCount = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    composite[i] =
      weights.sales * scale.sales(sales[r] as number) +
      weights.adoption * scale.adoption(adoption[r] as number) +
      weights.support * scale.support(support[r] as number);
    priorities[i] = priority[r] as number;
    const roi = roiOf(lifetimeValue[r] as number, acquisitionCost[r] as number);
    rawRoi[i] = roi;
    if (!Number.isNaN(roi)) rawRois[roiCount++] = roi;
  }

  // The cut-offs as scoreCustomers finds them (see there): one per sorted column, then a comparison per customer.
  const sortedPriority = priorities.slice().sort();
  const topFrom =
    smallestAtOrAboveSorted(sortedPriority, 1 - options.topShare - CUME_DIST_TOLERANCE) ?? Number.POSITIVE_INFINITY;
  // Only this cut-off is read of the composites' order, so it is selected rather than sorted (~0.1 s at 1M).
  const bottomTo =
    largestAtOrBelowSelected(composite.slice(), options.bottomShare + CUME_DIST_TOLERANCE) ?? Number.NEGATIVE_INFINITY;
  const sortedRois = rawRois.slice(0, roiCount).sort();
  const p1 = smallestAtOrAboveSorted(sortedRois, 0.01);
  const p99 = smallestAtOrAboveSorted(sortedRois, 0.99);

  const flags = new Uint8Array(n);
  const priorityNorm = new Float64Array(n);
  let topCount = 0;
  let bottomCount = 0;
  let mismatchedCount = 0;
  let priorityCutoff: number | null = null;
  let compositeCutoff: number | null = null;
  let roiMissing = 0;
  let clippedLow = 0;
  let clippedHigh = 0;
  for (let i = 0; i < n; i++) {
    const p = priorities[i] as number;
    const c = composite[i] as number;
    const top = p >= topFrom;
    const bottom = c <= bottomTo;
    if (top) {
      topCount++;
      if (priorityCutoff === null || p < priorityCutoff) priorityCutoff = p;
    }
    if (bottom) {
      bottomCount++;
      if (compositeCutoff === null || c > compositeCutoff) compositeCutoff = c;
    }
    if (top && bottom) mismatchedCount++;
    flags[i] = (top ? TOP : 0) | (bottom ? BOTTOM : 0);
    priorityNorm[i] = scale.priority(p);
    const roi = rawRoi[i] as number;
    if (Number.isNaN(roi)) roiMissing++;
    else if (p1 !== null && p99 !== null) {
      if (roi < p1) {
        rawRoi[i] = p1;
        clippedLow++;
      } else if (roi > p99) {
        rawRoi[i] = p99;
        clippedHigh++;
      }
    }
  }
  if (p1 !== null && p99 !== null) {
    for (let k = 0; k < roiCount; k++) sortedRois[k] = Math.min(p99, Math.max(p1, sortedRois[k] as number));
  }
  return {
    figures: {
      ...counts,
      ranges,
      topCount,
      bottomCount,
      mismatchedCount,
      priorityCutoff,
      compositeCutoff,
      roiBounds: p1 !== null && p99 !== null ? { p1, p99, n: roiCount, clippedLow, clippedHigh } : null,
      roiMissing,
    },
    input,
    rows,
    composite,
    priorityNorm,
    roi: rawRoi,
    flags,
    sortedPriority,
    sortedRoi: sortedRois,
    scale,
  };
}

/**
 * Valid customer i as scoreCustomers builds it, field for field (investmentRowAt's fields read straight from the
 * columns, without a row object in between: ~100k mismatched customers at a million).
 */
export function scoredCustomerAt(scored: ScoredColumns, i: number): ScoredCustomer {
  const { input } = scored;
  const r = scored.rows[i] as number;
  const flags = scored.flags[i] as number;
  const roi = scored.roi[i] as number;
  // A valid customer has all four (scoreCustomerColumns), so none is NaN.
  const sales = input.sales[r] as number;
  const adoption = input.adoption[r] as number;
  const support = input.support[r] as number;
  const priority = input.priority[r] as number;
  return {
    email: codedValue(input.email, r) as string,
    priority,
    sales,
    adoption,
    support,
    lifetimeValue: numberAt(input.lifetimeValue, r),
    acquisitionCost: numberAt(input.acquisitionCost, r),
    onboarding: numberAt(input.onboarding, r),
    teamSize: numberAt(input.teamSize, r),
    decisionLevel: codedValue(input.decisionLevel, r),
    industry: codedValue(input.industry, r),
    sizeTier: codedValue(input.sizeTier, r),
    lifecycleStage: codedValue(input.lifecycleStage, r),
    organization: codedValue(input.organization, r),
    salesNorm: scored.scale.sales(sales),
    adoptionNorm: scored.scale.adoption(adoption),
    supportNorm: scored.scale.support(support),
    priorityNorm: scored.priorityNorm[i] as number,
    composite: scored.composite[i] as number,
    top: (flags & TOP) !== 0,
    bottom: (flags & BOTTOM) !== 0,
    mismatched: (flags & MISMATCHED) === MISMATCHED,
    roi: Number.isNaN(roi) ? null : roi,
  };
}

/** The mismatched customers in the row path's order: the ones an answer lists. */
export function mismatchedCustomers(scored: ScoredColumns): ScoredCustomer[] {
  const out: ScoredCustomer[] = [];
  for (let i = 0; i < scored.flags.length; i++)
    if (isMismatched(scored.flags, i)) out.push(scoredCustomerAt(scored, i));
  return out;
}

/** The input row of each mismatched customer, in mismatchedCustomers' order (to join them to other tables by row). */
export function mismatchedRows(scored: ScoredColumns): Int32Array {
  const rows = new Int32Array(scored.figures.mismatchedCount);
  let k = 0;
  for (let i = 0; i < scored.flags.length; i++) if (isMismatched(scored.flags, i)) rows[k++] = scored.rows[i] as number;
  return rows;
}

/** rawRoi with NaN for null. */
function roiOf(lifetimeValue: number, acquisitionCost: number): number {
  if (Number.isNaN(lifetimeValue) || Number.isNaN(acquisitionCost) || acquisitionCost <= 0) return Number.NaN;
  return lifetimeValue / acquisitionCost;
}

/** rangeOf over the listed rows, in their order, with scoreCustomers' empty range. */
function rangeOver(values: Float64Array, rows: Int32Array): ValueRange {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i] as number] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

const zero = () => 0;
