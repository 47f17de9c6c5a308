/** mulberry32: a tiny seeded generator, so the random fixtures comparing two methods are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `choices`, or null with probability `nullShare`. */
export function pick<T>(random: () => number, choices: readonly T[], nullShare = 0): T | null {
  if (random() < nullShare) return null;
  return choices[Math.floor(random() * choices.length)] as T;
}
