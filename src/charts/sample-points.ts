import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
/**
 * Default cap on scatter points. Each point costs ≈ 45 µs to render (≈ 30 µs of that is librsvg
 * filling the circle, whatever the SVG looks like), so 1,500 points alone took ≈ 70 ms and kept
 * scatters at ≈ 100 ms warm; 500 keep them near a bar chart. On a 640×400 plot 500 points still
 * show the cloud, the trend and the outliers; r and fitted lines are computed on all rows.
 */
export const SCATTER_POINT_LIMIT = 500;

/**
 * A deterministic uniform sample of at most `max` rows, in their original order. Returns the
 * input unchanged when it is small enough. The caller says so in the subtitle
 * ("1,500 of 5,000 accounts shown") and computes statistics such as r on all rows.
 */
export function sampleForScatter<T>(rows: readonly T[], max = SCATTER_POINT_LIMIT, seed = 1): readonly T[] {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`max must be a non-negative integer, got ${max}`);
  if (rows.length <= max) return rows;
  // A seeded generator, so a seed always picks the same rows.
  const random = xoroshiro128plus(seed);
  // Partial Fisher–Yates over the indices 0 … n - 1, holding only the slots a swap moved (index i is at slot i
  // until then): the first `max` slots become a uniform sample, without an array of every index (a million at 1M).
  const n = rows.length;
  const moved = new Map<number, number>();
  const at = (slot: number) => moved.get(slot) ?? slot;
  for (let slot = 0; slot < max; slot++) {
    const pick = uniformInt(random, slot, n - 1);
    const chosen = at(pick);
    moved.set(pick, at(slot));
    moved.set(slot, chosen);
  }
  return Array.from({ length: max }, (_, slot) => at(slot))
    .sort((a, b) => a - b)
    .map((index) => rows[index] as T);
}

/** sampleForScatter's first form, shuffling an array of every index: the reference its tests compare with. */
export function sampleForScatterBySwaps<T>(rows: readonly T[], max = SCATTER_POINT_LIMIT, seed = 1): readonly T[] {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`max must be a non-negative integer, got ${max}`);
  if (rows.length <= max) return rows;
  const random = xoroshiro128plus(seed);
  const indices = Array.from(rows.keys());
  for (let slot = 0; slot < max; slot++) {
    const pick = uniformInt(random, slot, indices.length - 1);
    const chosen = indices[pick] ?? slot;
    indices[pick] = indices[slot] ?? pick;
    indices[slot] = chosen;
  }
  return indices
    .slice(0, max)
    .sort((a, b) => a - b)
    .map((index) => rows[index] as T);
}

/** How many rows of each group a stratified sample keeps. */
export interface StratumCount {
  readonly group: string;
  readonly shown: number;
  readonly total: number;
}

/**
 * At most `max` rows, shared between groups by water-filling: every group is offered an equal
 * share, a group smaller than its share keeps all its rows, and what it leaves is shared among
 * the rest. A uniform sample of 500 of 4,700 kept ~10 of 98 high-value customers, so the group
 * being compared vanished; here it keeps all 98. Each group is sampled with sampleForScatter,
 * so the result is deterministic; the subtitle says what is shown (strata).
 */
export function sampleStratified<T>(
  rows: readonly T[],
  groupOf: (row: T) => string,
  max = SCATTER_POINT_LIMIT,
  seed = 1,
): { rows: readonly T[]; strata: readonly StratumCount[] } {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = groupOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const bySize = [...groups].sort((a, b) => a[1].length - b[1].length);
  const quota = new Map<string, number>();
  let left = max;
  bySize.forEach(([group, members], index) => {
    const share = Math.floor(left / (bySize.length - index));
    const take = Math.min(members.length, share);
    quota.set(group, take);
    left -= take;
  });
  const kept = new Set<T>();
  const strata: StratumCount[] = [];
  for (const [group, members] of groups) {
    const shown = sampleForScatter(members, quota.get(group) ?? 0, seed);
    for (const row of shown) kept.add(row);
    strata.push({ group, shown: shown.length, total: members.length });
  }
  return { rows: rows.filter((row) => kept.has(row)), strata };
}
