import { SeededRandom } from '../../src/data/demo/seeded-random.js';

/** The demo generator's seeded PRNG, so the random fixtures comparing two methods are the same on every run. */
export function seededRandom(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/** One of `choices`, or null with probability `nullShare`. */
export function pick<T>(random: () => number, choices: readonly T[], nullShare = 0): T | null {
  if (random() < nullShare) return null;
  return choices[Math.floor(random() * choices.length)] as T;
}
