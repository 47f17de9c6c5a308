import type { CodedColumn } from '../columns/coded-column.js';
import type { PriorityInputColumns } from '../priority/priority-columns.js';
import { median } from '../stats/descriptive.js';
import type { TierMedians } from './build-card.js';

/** What the tier medians read of every customer (customer i is latest row `rows[i]`), NaN for NULL. */
export interface TierMedianColumns {
  readonly rows: Int32Array;
  readonly tier: CodedColumn;
  readonly latest: PriorityInputColumns;
  readonly ltv: Float64Array;
}

/** tierMedians over columns: the same customers counted and the same values under each median. */
export function tierMediansOfColumns(tier: string, columns: TierMedianColumns): TierMedians {
  const { rows, latest, ltv } = columns;
  const inTier = Uint8Array.from(columns.tier.dictionary, (level) => (level === tier ? 1 : 0));
  const isMember = (r: number) => {
    const code = columns.tier.indices[r] as number;
    return code >= 0 && inTier[code] === 1;
  };
  let n = 0;
  for (let i = 0; i < rows.length; i++) if (isMember(rows[i] as number)) n++;
  // Typed buffers of the tier's size: the medians sort a quarter of a million values each at 1M.
  const values = {
    health: new Float64Array(n),
    churn: new Float64Array(n),
    ltv: new Float64Array(n),
    rfm: new Float64Array(n),
  };
  const counts = { health: 0, churn: 0, ltv: 0, rfm: 0 };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    if (!isMember(r)) continue;
    const health = latest.health[r] as number;
    const churn = latest.churn[r] as number;
    const value = ltv[r] as number;
    if (!Number.isNaN(health)) values.health[counts.health++] = health;
    if (!Number.isNaN(churn)) values.churn[counts.churn++] = churn;
    if (!Number.isNaN(value)) values.ltv[counts.ltv++] = value;
    const recency = latest.recency[r] as number;
    const frequency = latest.frequency[r] as number;
    const monetary = latest.monetary[r] as number;
    if (!Number.isNaN(recency) && !Number.isNaN(frequency) && !Number.isNaN(monetary)) {
      values.rfm[counts.rfm++] = (recency + frequency + monetary) / 3;
    }
  }
  const medianOf = (metric: keyof typeof counts) =>
    median(values[metric].subarray(0, counts[metric]) as unknown as readonly number[]);
  return {
    tier,
    n,
    medians: {
      health: medianOf('health'),
      churn: medianOf('churn'),
      ltv: medianOf('ltv'),
      rfm: medianOf('rfm'),
    },
  };
}
