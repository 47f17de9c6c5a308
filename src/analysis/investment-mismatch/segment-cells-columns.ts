import { distinctLevels } from '../columns/distinct-levels.js';
import type { CompositeWeights } from './mismatch-types.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';
import { type CellSides, emptySide, type SegmentCells, type Side, segmentCellsOf } from './segment-cells.js';

/** computeSegmentCells on scored columns: the same sides, summed in row order, grouped by label levels. */
export function computeSegmentCellsColumns(
  scored: ScoredColumns,
  weights: CompositeWeights,
  minCellSize: number,
): SegmentCells {
  const { rows, flags, scale } = scored;
  const { sales, adoption, support } = scored.input;
  const industry = distinctLevels(scored.input.industry, rows);
  const size = distinctLevels(scored.input.sizeTier, rows);
  const sizeLevels = size.levels.length;
  const groupOfCell = new Map<number, number>();
  const groups: CellSides[] = [];
  let missingLabels = 0;
  for (let i = 0; i < rows.length; i++) {
    if (((flags[i] as number) & TOP) === 0) continue;
    const r = rows[i] as number;
    const ind = industry.of[r] as number;
    const sz = size.of[r] as number;
    if (ind < 0 || sz < 0) {
      missingLabels++;
      continue;
    }
    const cell = ind * sizeLevels + sz;
    let g = groupOfCell.get(cell);
    if (g === undefined) {
      g = groups.length;
      groupOfCell.set(cell, g);
      groups.push({
        industry: industry.levels[ind] as string,
        sizeTier: size.levels[sz] as string,
        mismatched: emptySide(),
        rest: emptySide(),
      });
    }
    const group = groups[g] as CellSides;
    const side: Side = isMismatched(flags, i) ? group.mismatched : group.rest;
    const s = sales[r] as number;
    const a = adoption[r] as number;
    const u = support[r] as number;
    side.n++;
    side.sales += s;
    side.adoption += a;
    side.support += u;
    side.salesNorm += scale.sales(s);
    side.adoptionNorm += scale.adoption(a);
    side.supportNorm += scale.support(u);
  }
  return segmentCellsOf(groups, scored.figures, weights, minCellSize, missingLabels);
}
