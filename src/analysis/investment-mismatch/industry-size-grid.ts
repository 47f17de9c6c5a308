import { mean, median } from '../stats/descriptive.js';
import { push } from './group-map.js';
import type { ScoredPopulation } from './score-customers.js';

/**
 * The chart data of §1 that spans all valid customers: median ROI, mean adoption and mean
 * support per industry × size cell (the heatmaps), and the priority–performance gap per
 * industry = median of norm(priority) − composite, both on the 0–1 normalised scale.
 */

export interface GridCell {
  readonly industry: string;
  readonly sizeTier: string;
  readonly n: number;
  readonly medianRoi: number | null;
  readonly roiN: number;
  readonly meanAdoption: number;
  readonly meanSupport: number;
}

export interface IndustryGap {
  readonly industry: string;
  readonly n: number;
  readonly medianGap: number;
  readonly meanPriorityNorm: number;
  readonly meanComposite: number;
}

export interface IndustrySizeGrid {
  readonly cells: readonly GridCell[];
  /** Sorted by median gap, largest (most over-prioritised) first. */
  readonly industryGaps: readonly IndustryGap[];
  readonly missingIndustry: number;
  readonly missingSizeTier: number;
}

export function buildIndustrySizeGrid(population: ScoredPopulation): IndustrySizeGrid {
  const cellRoi = new Map<string, number[]>();
  const cellAdoption = new Map<string, number[]>();
  const cellSupport = new Map<string, number[]>();
  const labels = new Map<string, { industry: string; sizeTier: string }>();
  const gaps = new Map<string, number[]>();
  const priorityNorms = new Map<string, number[]>();
  const composites = new Map<string, number[]>();
  let missingIndustry = 0;
  let missingSizeTier = 0;
  for (const c of population.customers) {
    if (c.industry === null) {
      missingIndustry++;
      continue;
    }
    push(gaps, c.industry, c.priorityNorm - c.composite);
    push(priorityNorms, c.industry, c.priorityNorm);
    push(composites, c.industry, c.composite);
    if (c.sizeTier === null) {
      missingSizeTier++;
      continue;
    }
    const key = `${c.industry}\u0000${c.sizeTier}`;
    if (!labels.has(key)) labels.set(key, { industry: c.industry, sizeTier: c.sizeTier });
    push(cellAdoption, key, c.adoption);
    push(cellSupport, key, c.support);
    if (c.roi !== null) push(cellRoi, key, c.roi);
  }
  const cells: GridCell[] = [...labels].map(([key, label]) => {
    const roi = cellRoi.get(key) ?? [];
    const adoption = cellAdoption.get(key) ?? [];
    return {
      ...label,
      n: adoption.length,
      medianRoi: median(roi),
      roiN: roi.length,
      meanAdoption: mean(adoption) as number,
      meanSupport: mean(cellSupport.get(key) ?? []) as number,
    };
  });
  cells.sort(byIndustryThenSize);
  const industryGaps: IndustryGap[] = [...gaps].map(([industry, values]) => ({
    industry,
    n: values.length,
    medianGap: median(values) as number,
    meanPriorityNorm: mean(priorityNorms.get(industry) ?? []) as number,
    meanComposite: mean(composites.get(industry) ?? []) as number,
  }));
  industryGaps.sort(byLargestGap);
  return { cells, industryGaps, missingIndustry, missingSizeTier };
}

export function byIndustryThenSize(a: GridCell, b: GridCell): number {
  return a.industry.localeCompare(b.industry) || a.sizeTier.localeCompare(b.sizeTier);
}

/** Largest median gap (most over-prioritised) first, then by name. */
export function byLargestGap(a: IndustryGap, b: IndustryGap): number {
  return b.medianGap - a.medianGap || a.industry.localeCompare(b.industry);
}
