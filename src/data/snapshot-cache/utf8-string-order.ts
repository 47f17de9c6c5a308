/**
 * JavaScript's `<` on two strings, read off their UTF-8 bytes where the bytes decide it, so a caller comparing
 * values it has not decoded need not decode them. UTF-8 byte order is code-point order, which is `<`'s UTF-16
 * code-unit order for every character below U+E000; a string that differs first inside a character at or above
 * U+E000 (lead byte 0xEE and up: where an astral character, a surrogate pair in UTF-16, sorts differently) is left
 * undecided (undefined) for the caller to decode.
 */
export function utf8Before(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart: number,
  bEnd: number,
): boolean | undefined {
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const length = Math.min(aLength, bLength);
  for (let i = 0; i < length; i++) {
    const x = a[aStart + i] as number;
    const y = b[bStart + i] as number;
    if (x === y) continue;
    // The character each differing byte belongs to starts at its lead byte: the byte itself, or (a continuation
    // byte, 10xxxxxx) the last lead byte before it, which both strings share.
    const xLead = isContinuation(x) ? leadBefore(a, aStart, aStart + i) : x;
    const yLead = isContinuation(y) ? leadBefore(b, bStart, bStart + i) : y;
    if (xLead >= FIRST_UNDECIDED_LEAD || yLead >= FIRST_UNDECIDED_LEAD) return undefined;
    return x < y;
  }
  return aLength < bLength;
}

/** U+E000 in UTF-8 is EE 80 80. */
const FIRST_UNDECIDED_LEAD = 0xee;

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

function leadBefore(bytes: Uint8Array, start: number, at: number): number {
  let i = at - 1;
  while (i > start && isContinuation(bytes[i] as number)) i--;
  return bytes[i] as number;
}
