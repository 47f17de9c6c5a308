import type { ValueSegment } from '../../analysis/value-segments/value-segment.js';
import { CATEGORY_PALETTE } from '../theme.js';

/** One colour per segment in every §3 chart: HV blue, SMB orange, Other grey. */
export const SEGMENT_COLORS: Readonly<Record<ValueSegment, string>> = {
  HV: CATEGORY_PALETTE[0],
  SMB: CATEGORY_PALETTE[1],
  Other: CATEGORY_PALETTE[6],
};

/** HV and SMB are read as they are in every language; Other is a word, so `name` may translate it. */
export function segmentScale(segments: readonly ValueSegment[], name: (s: ValueSegment) => string = (s) => s) {
  return { domain: segments.map(name), range: segments.map((s) => SEGMENT_COLORS[s]) };
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
