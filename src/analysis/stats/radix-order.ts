/**
 * Stable orders of a million numbers by an LSD radix sort over their bits: four passes of 16 bits over the indices.
 * Placing each index by a binary search of a sorted copy cost ~0.4 s at a million values (every search a chain of
 * cache misses); the passes read the keys in sequence. Values must not be NaN.
 */

/**
 * Indices of `values` by value descending, equal values in index order; −0 and 0 are one value, as `===` has them.
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  return radixOrder(values, { descending: true, zerosEqual: true });
}

/**
 * Indices of `values` in the order Float64Array.prototype.sort puts the values (−0 before 0), equal values in index
 * order: `values[order[k]]` read for k = 0, 1, … is the natively sorted array.
 */
export function nativeAscendingOrder(values: Float64Array): Uint32Array {
  return radixOrder(values, { descending: false, zerosEqual: false });
}

function radixOrder(
  values: Float64Array,
  how: { readonly descending: boolean; readonly zerosEqual: boolean },
): Uint32Array {
  const n = values.length;
  // Each number's bits as an unsigned 64-bit key (hi, lo) that orders as the numbers do (inverted for descending).
  const bits = Float64Array.from(values);
  if (how.zerosEqual) for (let k = 0; k < n; k++) if (bits[k] === 0) bits[k] = 0;
  const words = new Uint32Array(bits.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const invert = how.descending ? 0xffffffff : 0;
  for (let k = 0; k < n; k++) {
    const h = words[2 * k + 1] as number;
    const l = words[2 * k] as number;
    // Positive: set the sign bit (above every negative); negative: flip every bit (larger magnitude sorts lower).
    const negative = h >>> 31 === 1;
    const ascendingHi = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    const ascendingLo = negative ? ~l >>> 0 : l;
    hi[k] = (ascendingHi ^ invert) >>> 0;
    lo[k] = (ascendingLo ^ invert) >>> 0;
  }
  let order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  let scratch = new Uint32Array(n);
  const counts = new Uint32Array(DIGITS + 1);
  for (const [word, shift] of PASSES) {
    const key = word === 0 ? lo : hi;
    counts.fill(0);
    for (let k = 0; k < n; k++) {
      const d = ((key[order[k] as number] as number) >>> shift) & MASK;
      counts[d + 1] = (counts[d + 1] as number) + 1;
    }
    for (let d = 0; d < DIGITS; d++) counts[d + 1] = (counts[d + 1] as number) + (counts[d] as number);
    for (let k = 0; k < n; k++) {
      const i = order[k] as number;
      const d = ((key[i] as number) >>> shift) & MASK;
      scratch[counts[d] as number] = i;
      counts[d] = (counts[d] as number) + 1;
    }
    [order, scratch] = [scratch, order];
  }
  return order;
}

const DIGITS = 1 << 16;
const MASK = DIGITS - 1;
/** Least significant digit first: the low word's two halves, then the high word's. */
const PASSES: readonly (readonly [0 | 1, number])[] = [
  [0, 0],
  [0, 16],
  [1, 0],
  [1, 16],
];
