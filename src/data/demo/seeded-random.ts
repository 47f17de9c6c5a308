/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) with the few distributions the demo
 * warehouse needs. Kept rather than pure-rand (which has no sfc32): the bundled demo must stay
 * byte-identical, and every demo figure the tests and docs quote comes from this stream. Each (seed, stream, index) gets its own generator, so a table's rows for
 * one customer do not depend on how many random numbers another table consumed: the empty
 * variant keeps the value table identical, and a later parallel build can split by index.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // sfc32 needs a few rounds before nearby seeds decorrelate.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal by Box–Muller; the second value is discarded to keep the stream simple. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Beta(2, 2): the middle of three uniforms, a cheap hump on [0, 1]. */
  hump(): number {
    const x = this.next();
    const y = this.next();
    const z = this.next();
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** Picks a level by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let target = this.next() * total;
    for (const [item, weight] of entries) {
      target -= weight;
      if (target < 0) return item;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted() needs a non-empty list');
    return last[0];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }

  /** Fisher–Yates over an array or a typed array (plans for a million customers stay compact). */
  shuffleInPlace<T>(items: { length: number; [index: number]: T }): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
  }
}

/** FNV-1a over the stream name, mixed with the seed and index, so streams never share a state. */
export function createRandom(seed: number, stream: string, index = 0): SeededRandom {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) {
    hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193) >>> 0;
  }
  hash = Math.imul(hash ^ (seed >>> 0), 0x01000193) >>> 0;
  hash = Math.imul(hash ^ (index >>> 0), 0x01000193) >>> 0;
  hash = Math.imul(hash ^ Math.floor(index / 4294967296), 0x01000193) >>> 0;
  return new SeededRandom(hash);
}
