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
  // Partial Fisher–Yates over indices: the first `max` slots become a uniform sample.
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
