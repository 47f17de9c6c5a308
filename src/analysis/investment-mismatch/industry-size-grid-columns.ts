import { distinctLevels } from '../columns/distinct-levels.js';
import { ValueGrouper } from '../columns/grouped-values.js';
import { typedSelectedMedian } from '../stats/typed-arrays.js';
import {
  byIndustryThenSize,
  byLargestGap,
  type GridCell,
  type IndustryGap,
  type IndustrySizeGrid,
} from './industry-size-grid.js';
import type { ScoredColumns } from './score-customer-columns.js';

/**
 * buildIndustrySizeGrid on scored columns: sums in row order per industry and per cell (the row path's means over
 * values pushed in that order), values grouped for the medians, groups in the order the row path's Maps meet them.
 */
export function buildIndustrySizeGridColumns(scored: ScoredColumns): IndustrySizeGrid {
  const { rows, roi, composite, priorityNorm } = scored;
  const { adoption, support } = scored.input;
  const n = rows.length;
  // Industry levels are numbered as valid customers with an industry first show them: the gaps Map's order.
  const industry = distinctLevels(scored.input.industry, rows);
  const size = distinctLevels(scored.input.sizeTier, rows);
  const industries = industry.levels.length;
  const gaps = new ValueGrouper(n);
  const gapN = new Int32Array(industries);
  const priorityNormSum = new Float64Array(industries);
  const compositeSum = new Float64Array(industries);
  const cellOf = new Map<number, number>();
  const cellLabels: { industry: number; sizeTier: number }[] = [];
  const cellRoi = new ValueGrouper(n);
  const cellN: number[] = [];
  const adoptionSum: number[] = [];
  const supportSum: number[] = [];
  let missingIndustry = 0;
  let missingSizeTier = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i] as number;
    const ind = industry.of[r] as number;
    if (ind < 0) {
      missingIndustry++;
      continue;
    }
    const p = priorityNorm[i] as number;
    const c = composite[i] as number;
    gaps.add(ind, p - c);
    gapN[ind] = (gapN[ind] as number) + 1;
    priorityNormSum[ind] = (priorityNormSum[ind] as number) + p;
    compositeSum[ind] = (compositeSum[ind] as number) + c;
    const sz = size.of[r] as number;
    if (sz < 0) {
      missingSizeTier++;
      continue;
    }
    const key = ind * size.levels.length + sz;
    let cell = cellOf.get(key);
    if (cell === undefined) {
      cell = cellLabels.length;
      cellOf.set(key, cell);
      cellLabels.push({ industry: ind, sizeTier: sz });
      cellN.push(0);
      adoptionSum.push(0);
      supportSum.push(0);
    }
    cellN[cell] = (cellN[cell] as number) + 1;
    adoptionSum[cell] = (adoptionSum[cell] as number) + (adoption[r] as number);
    supportSum[cell] = (supportSum[cell] as number) + (support[r] as number);
    const value = roi[i] as number;
    if (!Number.isNaN(value)) cellRoi.add(cell, value);
  }
  const cellRois = cellRoi.finish(cellLabels.length);
  const cells: GridCell[] = cellLabels.map((label, k) => {
    const rois = cellRois.of(k);
    const count = cellN[k] as number;
    return {
      industry: industry.levels[label.industry] as string,
      sizeTier: size.levels[label.sizeTier] as string,
      n: count,
      medianRoi: typedSelectedMedian(rois),
      roiN: rois.length,
      meanAdoption: (adoptionSum[k] as number) / count,
      meanSupport: (supportSum[k] as number) / count,
    };
  });
  cells.sort(byIndustryThenSize);
  const gapValues = gaps.finish(industries);
  const industryGaps: IndustryGap[] = industry.levels.map((name, k) => {
    const count = gapN[k] as number;
    return {
      industry: name,
      n: count,
      medianGap: typedSelectedMedian(gapValues.of(k)) as number,
      meanPriorityNorm: (priorityNormSum[k] as number) / count,
      meanComposite: (compositeSum[k] as number) / count,
    };
  });
  industryGaps.sort(byLargestGap);
  return { cells, industryGaps, missingIndustry, missingSizeTier };
}
