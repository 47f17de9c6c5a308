import { cumeDist, type Tertile, tertileOf } from '../stats/cume-dist.js';
import { mean } from '../stats/descriptive.js';
import { type Correlation, pearson } from '../stats/pearson.js';
import type { ScoredPopulation } from './score-customers.js';

/**
 * §1 bias bullet: is the priority score tracking performance at all? corr(priority, composite)
 * and corr(priority, ROI) over the valid rows, mean composite per priority tertile (monotone =
 * strictly increasing T1 < T2 < T3), and the ROI gap between the other top customers and the
 * mismatched ones.
 */

export interface TertileComposite {
  readonly tertile: Tertile;
  readonly n: number;
  readonly meanComposite: number | null;
}

export interface BiasDiagnosis {
  readonly priorityComposite: Correlation;
  readonly priorityRoi: Correlation;
  readonly tertiles: readonly TertileComposite[];
  /** null when a tertile is empty (ties can empty T2), so the question cannot be answered. */
  readonly monotone: boolean | null;
  readonly meanRoiMismatched: number | null;
  readonly meanRoiOtherTop: number | null;
  /** Other top − mismatched; null when either side has no ROI. */
  readonly roiGap: number | null;
}

export function diagnoseBias(population: ScoredPopulation): BiasDiagnosis {
  const customers = population.customers;
  const n = customers.length;
  const priorities = new Array<number>(n);
  const composites = new Array<number>(n);
  const rois = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i] as (typeof customers)[number];
    priorities[i] = c.priority;
    composites[i] = c.composite;
    rois[i] = c.roi;
  }
  const dist = cumeDist(priorities);
  const sums = [0, 0, 0];
  const counts = [0, 0, 0];
  const roiMismatched: number[] = [];
  const roiOther: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = customers[i] as (typeof customers)[number];
    const t = tertileOf(dist, c.priority) - 1;
    sums[t] = (sums[t] as number) + c.composite;
    counts[t] = (counts[t] as number) + 1;
    if (c.top && c.roi !== null) (c.mismatched ? roiMismatched : roiOther).push(c.roi);
  }
  return biasOf({
    priorityComposite: pearson(priorities, composites),
    priorityRoi: pearson(priorities, rois),
    tertileSums: sums,
    tertileCounts: counts,
    meanRoiMismatched: mean(roiMismatched),
    meanRoiOtherTop: mean(roiOther),
  });
}

/** What the diagnosis is worked out from, however the customers were scanned. */
export interface BiasSums {
  readonly priorityComposite: Correlation;
  readonly priorityRoi: Correlation;
  /** Sum of composites and customers per priority tertile (T1, T2, T3). */
  readonly tertileSums: readonly number[];
  readonly tertileCounts: readonly number[];
  readonly meanRoiMismatched: number | null;
  readonly meanRoiOtherTop: number | null;
}

export function biasOf(s: BiasSums): BiasDiagnosis {
  const tertiles = ([1, 2, 3] as const).map((tertile) => {
    const count = s.tertileCounts[tertile - 1] as number;
    return { tertile, n: count, meanComposite: count > 0 ? (s.tertileSums[tertile - 1] as number) / count : null };
  });
  const [t1, t2, t3] = tertiles.map((t) => t.meanComposite);
  const monotone =
    t1 === null || t2 === null || t3 === null || t1 === undefined || t2 === undefined || t3 === undefined
      ? null
      : t1 < t2 && t2 < t3;
  const { meanRoiMismatched, meanRoiOtherTop } = s;
  return {
    priorityComposite: s.priorityComposite,
    priorityRoi: s.priorityRoi,
    tertiles,
    monotone,
    meanRoiMismatched,
    meanRoiOtherTop,
    roiGap: meanRoiMismatched === null || meanRoiOtherTop === null ? null : meanRoiOtherTop - meanRoiMismatched,
  };
}
