import type { Data, Utf8 } from 'apache-arrow';

/**
 * Finding values in a record batch of UTF-8 strings without decoding it: /customer looks up one email, or the few
 * hundred a name search hinted, among a million stored ones. `wanted[code]` receives the index of the value found.
 */

/** Marks the code of the value whose bytes are exactly `bytes` (not empty): memmem hits checked against the offsets. */
export function markValue(
  chunk: Data<Utf8>,
  firstCode: number,
  bytes: Buffer,
  index: number,
  wanted: Int32Array,
): void {
  const offsets = chunk.valueOffsets;
  const base = offsets[chunk.offset] as number;
  const end = offsets[chunk.offset + chunk.length] as number;
  const values = Buffer.from(chunk.values.buffer, chunk.values.byteOffset, chunk.values.byteLength);
  for (let at = values.indexOf(bytes, base); at >= 0 && at < end; at = values.indexOf(bytes, at + 1)) {
    // The value starting at `at`, if any: offsets only grow.
    let lo = chunk.offset;
    let hi = chunk.offset + chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((offsets[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo < chunk.offset + chunk.length && offsets[lo] === at && offsets[lo + 1] === at + bytes.length) {
      wanted[firstCode + lo - chunk.offset] = index;
      return;
    }
  }
}

/** Marks the codes of several values (or of the empty one): a probe of four numbers first, then the bytes. */
export function markValues(
  chunk: Data<Utf8>,
  firstCode: number,
  encoded: readonly { bytes: Buffer; index: number }[],
  wanted: Int32Array,
): void {
  const byProbe = new Map<number, { bytes: Buffer; index: number }[]>();
  for (const e of encoded) {
    const key = probe(e.bytes, 0, e.bytes.length);
    const same = byProbe.get(key);
    if (same) same.push(e);
    else byProbe.set(key, [e]);
  }
  const offsets = chunk.valueOffsets;
  const bytes = chunk.values;
  for (let i = chunk.offset; i < chunk.offset + chunk.length; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    const same = byProbe.get(probe(bytes, start, end));
    if (!same) continue;
    for (const e of same) {
      if (e.bytes.length === end - start && e.bytes.equals(bytes.subarray(start, end))) {
        wanted[firstCode + i - chunk.offset] = e.index;
      }
    }
  }
}

/** Length and three bytes of a value, as one number: equal values probe equal. */
function probe(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 0;
  const a = bytes[start] as number;
  const b = bytes[start + (length >> 1)] as number;
  const c = bytes[end - 1] as number;
  return length * 16777216 + a * 65536 + b * 256 + c;
}
