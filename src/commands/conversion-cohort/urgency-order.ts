/**
 * The order the cohort's members are listed in: zone rank first (red 0, yellow 1, green 2, no zone 3), then the
 * lowest score (no score: +Infinity, last), then the key; members equal on all three keep their order. Inputs are
 * per member (index i); the result lists member indices.
 *
 * A large cohort (~200k members at a million customers) sorted through a comparator took ~0.4 s per answer, so the
 * ranks and scores are sorted by the native numeric sort instead, and only members tied on both are compared by key.
 */
export function urgencyOrder(rank: Uint8Array, score: Float64Array, keyOf: (i: number) => string): Int32Array {
  const n = rank.length;
  // -0 and 0 are one score for the comparator (sa !== sb is false); the placement (<) and the runs (===) agree.
  const scores = score;
  // By rank, member order kept (a counting sort).
  const starts = new Int32Array(RANKS + 1);
  for (let i = 0; i < n; i++) starts[(rank[i] as number) + 1] = (starts[(rank[i] as number) + 1] as number) + 1;
  for (let r = 0; r < RANKS; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const byRank = new Int32Array(n);
  const filled = starts.slice(0, RANKS);
  for (let i = 0; i < n; i++) {
    const r = rank[i] as number;
    byRank[filled[r] as number] = i;
    filled[r] = (filled[r] as number) + 1;
  }
  const order = new Int32Array(n);
  for (let r = 0; r < RANKS; r++) {
    const from = starts[r] as number;
    const to = starts[r + 1] as number;
    placeByScore(byRank.subarray(from, to), scores, order.subarray(from, to));
  }
  sortTiesByKey(order, rank, scores, keyOf);
  return order;
}

/** The reference: the comparator the lead first sorted with, over every member. */
export function urgencyOrderByComparator(
  rank: Uint8Array,
  score: Float64Array,
  keyOf: (i: number) => string,
): Int32Array {
  const order = Array.from(rank, (_, i) => i);
  order.sort((a, b) => {
    const r = (rank[a] as number) - (rank[b] as number);
    if (r !== 0) return r;
    const sa = score[a] as number;
    const sb = score[b] as number;
    if (sa !== sb) return sa - sb;
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return Int32Array.from(order);
}

const RANKS = 4;

/**
 * `members` (in member order) into `out` by score: the scores sorted natively, each member placed at the next free
 * slot of its score's run (binary search), so equal scores keep member order.
 */
function placeByScore(members: Int32Array, scores: Float64Array, out: Int32Array): void {
  const sorted = new Float64Array(members.length);
  for (let k = 0; k < members.length; k++) sorted[k] = scores[members[k] as number] as number;
  sorted.sort();
  const taken = new Int32Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const start = firstNotBelow(sorted, scores[i] as number);
    out[start + (taken[start] as number)] = i;
    taken[start] = (taken[start] as number) + 1;
  }
}

function firstNotBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each run of members equal on rank and score, sorted by key (a stable sort: equal keys keep member order). */
function sortTiesByKey(order: Int32Array, rank: Uint8Array, scores: Float64Array, keyOf: (i: number) => string): void {
  let from = 0;
  while (from < order.length) {
    const first = order[from] as number;
    let to = from + 1;
    while (
      to < order.length &&
      rank[order[to] as number] === rank[first] &&
      scores[order[to] as number] === scores[first]
    ) {
      to++;
    }
    if (to - from > 1) {
      const run = Array.from(order.subarray(from, to));
      run.sort((a, b) => {
        const ka = keyOf(a);
        const kb = keyOf(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
      });
      order.set(run, from);
    }
    from = to;
  }
}
