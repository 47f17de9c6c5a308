import { readFileSync } from 'node:fs';
import { type ChartFontScript, type ChartFontWeight, chartFontFile } from './chart-fonts.js';

/**
 * Advance widths read straight from the chart TTFs (`cmap` + `hmtx`), so vega lays out axes
 * and titles with the widths librsvg will draw. Without node-canvas vega would guess
 * `0.8 × chars × fontSize`: too wide for Latin and too narrow for CJK, which clips CJK labels.
 * Kerning is ignored, so measured widths are at most a few percent too wide, never too narrow.
 */
interface FontWidths {
  /** Advance width in em of a code point, or undefined when the font has no glyph for it. */
  advance(codePoint: number): number | undefined;
}

function parseFontWidths(file: string): FontWidths {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file} has no '${tag}' table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const numberOfHMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  // Copy only what lookups need so the (up to 10 MB) font buffer can be garbage-collected.
  const advances = new Uint16Array(numberOfHMetrics);
  for (let glyph = 0; glyph < numberOfHMetrics; glyph++) advances[glyph] = font.readUInt16BE(hmtx + glyph * 4);
  const glyphOf = readCmap(font, table('cmap'), file);
  const cache = new Map<number, number | undefined>();
  return {
    advance(codePoint) {
      if (cache.has(codePoint)) return cache.get(codePoint);
      const glyph = glyphOf(codePoint);
      const width =
        glyph === 0 ? undefined : (advances[Math.min(glyph, numberOfHMetrics - 1)] ?? unitsPerEm) / unitsPerEm;
      cache.set(codePoint, width);
      return width;
    },
  };
}

/** A code point → glyph id lookup from the best Unicode cmap subtable (format 12, else format 4). */
function readCmap(font: Buffer, cmap: number, file: string): (codePoint: number) => number {
  const subtables = new Map<number, number>();
  const count = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      const offset = cmap + font.readUInt32BE(record + 4);
      subtables.set(font.readUInt16BE(offset), offset);
    }
  }
  const format12 = subtables.get(12);
  if (format12 !== undefined) {
    const groupCount = font.readUInt32BE(format12 + 12);
    const groups = new Uint32Array(groupCount * 3);
    for (let i = 0; i < groups.length; i++) groups[i] = font.readUInt32BE(format12 + 16 + i * 4);
    return (codePoint) => {
      let lo = 0;
      let hi = groupCount - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const start = groups[mid * 3] ?? 0;
        const end = groups[mid * 3 + 1] ?? 0;
        if (codePoint < start) hi = mid - 1;
        else if (codePoint > end) lo = mid + 1;
        else return (groups[mid * 3 + 2] ?? 0) + codePoint - start;
      }
      return 0;
    };
  }
  const format4 = subtables.get(4);
  if (format4 === undefined) throw new Error(`${file} has no Unicode cmap subtable`);
  const segCount = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  const data = Buffer.from(font.subarray(format4, format4 + font.readUInt16BE(format4 + 2)));
  const at = (absolute: number) => data.readUInt16BE(absolute - format4);
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let segment = 0; segment < segCount; segment++) {
      if (codePoint > at(ends + segment * 2)) continue;
      const start = at(starts + segment * 2);
      if (codePoint < start) return 0;
      const delta = at(deltas + segment * 2);
      const rangeOffsetAddress = rangeOffsets + segment * 2;
      const rangeOffset = at(rangeOffsetAddress);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = at(rangeOffsetAddress + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Fallback order matches the family stack: Latin, then Chinese, then Korean. */
const FALLBACK_ORDER: readonly ChartFontScript[] = ['latin', 'chinese', 'korean'];

const loaded = new Map<string, FontWidths>();

function fontWidths(script: ChartFontScript, weight: ChartFontWeight): FontWidths {
  const key = `${script}/${weight}`;
  let widths = loaded.get(key);
  if (widths === undefined) {
    widths = parseFontWidths(chartFontFile(script, weight));
    loaded.set(key, widths);
  }
  return widths;
}

/** Width of a glyph none of the fonts has (fontconfig draws a box about this wide). */
const MISSING_GLYPH_EM = 0.6;

function advanceOf(codePoint: number, weight: ChartFontWeight): number {
  // Only open the CJK fonts (10 MB each) when a label actually needs them.
  for (const script of FALLBACK_ORDER) {
    const width = fontWidths(script, weight).advance(codePoint);
    if (width !== undefined) return width;
  }
  return MISSING_GLYPH_EM;
}

export interface TextStyle {
  fontSize: number;
  /** CSS weight; 600 and above (or 'bold') use the bold font. */
  fontWeight?: number | string | undefined;
}

export function isBoldWeight(fontWeight: number | string | undefined): boolean {
  if (fontWeight === undefined) return false;
  if (typeof fontWeight === 'number') return fontWeight >= 600;
  return fontWeight === 'bold' || fontWeight === 'bolder' || Number(fontWeight) >= 600;
}

/** Width in CSS pixels of one line of text drawn in the chart font stack. */
export function measureTextWidth(text: string, style: TextStyle): number {
  const weight: ChartFontWeight = isBoldWeight(style.fontWeight) ? 'bold' : 'regular';
  let ems = 0;
  for (const char of text) ems += advanceOf(char.codePointAt(0) ?? 0, weight);
  return ems * style.fontSize;
}
