import type { BoxStats } from '../stats/descriptive.js';
import { boxOfSorted } from '../stats/descriptive.js';
import { typedBoxStats } from '../stats/typed-arrays.js';
import { CoMoments } from './co-moments.js';
import type { MeanOf } from './value-metrics.js';

/** Label for a NULL category so missing values are counted, not hidden. */
export const MISSING_LABEL = '(missing)';

export interface LevelShare {
  readonly label: string;
  readonly n: number;
  readonly share: number;
}

/**
 * Running sums for one group. Values arrive as Float64Arrays with NaN for "missing", filled
 * once per row by the caller, so a million rows cost no per-row allocation here.
 */
export class GroupAccumulator {
  n = 0;
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  readonly co: CoMoments;
  private readonly complete: Float64Array;
  readonly lifecycle = new Map<string, number>();
  readonly rfmSegment = new Map<string, number>();
  readonly engagementModel = new Map<string, number>();
  private churn: Float64Array = new Float64Array(1024);
  private churnN = 0;
  private churnSorted = false;

  /**
   * `correlated` = indices into the value array of the complete-case correlation columns; `churnIndex` = the churn
   * value's index, or -1 when the caller hands the churn values over already sorted (useSortedChurn).
   */
  constructor(
    size: number,
    private readonly correlated: readonly number[],
    private readonly churnIndex: number,
  ) {
    this.sums = new Float64Array(size);
    this.counts = new Float64Array(size);
    this.co = new CoMoments(correlated.length);
    this.complete = new Float64Array(correlated.length);
  }

  add(values: Float64Array, stage: string | null, rfmSegment: string | null, model: string | null): void {
    this.addValues(values);
    count(this.lifecycle, stage);
    count(this.rfmSegment, rfmSegment);
    count(this.engagementModel, model);
  }

  /** add without the three categories, for callers that count those by code and add them with addLevel. */
  addValues(values: Float64Array): void {
    this.n++;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!Number.isNaN(v)) {
        this.sums[i] = (this.sums[i] as number) + v;
        this.counts[i] = (this.counts[i] as number) + 1;
      }
    }
    let complete = true;
    for (let i = 0; i < this.correlated.length; i++) {
      const v = values[this.correlated[i] as number] as number;
      if (Number.isNaN(v)) {
        complete = false;
        break;
      }
      this.complete[i] = v;
    }
    if (complete) this.co.add(this.complete);
    if (this.churnIndex < 0) return;
    const churn = values[this.churnIndex] as number;
    if (!Number.isNaN(churn)) this.pushChurn(churn);
  }

  /** `k` more customers with `label` (null: missing) in one of the three category counts. */
  addLevel(counts: Map<string, number>, label: string | null, k: number): void {
    const key = label ?? MISSING_LABEL;
    counts.set(key, (counts.get(key) ?? 0) + k);
  }

  mean(index: number): MeanOf {
    const n = this.counts[index] as number;
    return { mean: n > 0 ? (this.sums[index] as number) / n : null, n };
  }

  shares(counts: Map<string, number>): LevelShare[] {
    return [...counts]
      .map(([label, k]) => ({ label, n: k, share: k / this.n }))
      .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  /** Box statistics of the churn values seen (stats/typedBoxStats on a copy, numeric sort, no comparator). */
  churnBox(): BoxStats | null {
    if (this.churnSorted) return this.churnN === 0 ? null : boxOfSorted(this.churn.subarray(0, this.churnN));
    return typedBoxStats(this.churn.slice(0, this.churnN));
  }

  /**
   * The group's churn values (NaN left out) in the order the native numeric sort gives them, instead of collecting
   * them row by row: churnBox then reads them without sorting.
   */
  useSortedChurn(sorted: Float64Array): void {
    this.churn = sorted;
    this.churnN = sorted.length;
    this.churnSorted = true;
  }

  private pushChurn(v: number): void {
    if (this.churnN === this.churn.length) {
      const grown = new Float64Array(this.churn.length * 2);
      grown.set(this.churn);
      this.churn = grown;
    }
    this.churn[this.churnN++] = v;
  }
}

function count(counts: Map<string, number>, label: string | null): void {
  const key = label ?? MISSING_LABEL;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
