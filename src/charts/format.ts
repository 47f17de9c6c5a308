import { numberFormat } from '../format/number-format.js';

/**
 * d3-format specifiers shared by axes, data labels and titles, so a number reads the same
 * wherever it appears. vega formats with d3-format, so these strings work in `format` and in
 * `format(datum.x, …)` expressions alike.
 */
export const NUMBER_FORMATS = {
  /** 1.25M, 980k, 12: counts and money. Billions become "B" (d3 would write "G"). */
  compact: '.3~s',
  /** 42%: shares and rates stored as 0–1. */
  percent: '.0%',
  /** 0.43, 1.5, 12.25: at most two decimals, trailing zeros trimmed. */
  decimal: '.2~f',
  /** 0.043, 1.2, 120: two significant digits, for ratios of any magnitude (r, lift). */
  significant: '.2~r',
  /** 12,345: exact integers such as n. */
  integer: ',d',
} as const;

export type NumberFormatKind = keyof typeof NUMBER_FORMATS;

/**
 * Vega expression for compact axis labels. vega formats an axis with one SI prefix for every
 * tick ("0M, 0.2M, … 1.2M"); formatting each tick on its own gives "0, 200k, … 1.2M".
 */
export const COMPACT_LABEL_EXPR = `datum.value === 0 ? '0' : replace(format(datum.value, '${NUMBER_FORMATS.compact}'), 'G', 'B')`;

/**
 * A compact money/count axis in the reader's language. English keeps d3's own compact form (12k, 1.2M); other
 * languages write large numbers their own way (1.2万, 3亿), which d3 cannot, so the ticks are fixed here and each
 * label is written by THE number formatter, then looked up by the axis (`labelExpr`).
 */
export function compactAxis(
  locale: string,
  min: number,
  max: number,
): { labelExpr: string } | { values: number[]; labelExpr: string } {
  if (locale === 'en' || !Number.isFinite(min) || !Number.isFinite(max) || max <= min) {
    return { labelExpr: COMPACT_LABEL_EXPR };
  }
  const values = niceTicks(min, max);
  const format = numberFormat(locale);
  const labels = values.map((v) => (v === 0 ? '0' : format.compact(v)));
  return {
    values,
    labelExpr: `${JSON.stringify(labels)}[indexof(${JSON.stringify(values)}, datum.value)]`,
  };
}

/** About five round ticks (1, 2 or 5 × 10ⁿ apart) covering min..max, as vega's own `nice` picks them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) {
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Axis properties for a quantitative axis showing values of the given kind. */
export function axisNumberFormat(kind: NumberFormatKind): { format: string } | { labelExpr: string } {
  return kind === 'compact' ? { labelExpr: COMPACT_LABEL_EXPR } : { format: NUMBER_FORMATS[kind] };
}

/**
 * Formats a number for titles, subtitles, mark labels and alt text through THE number formatter
 * (src/format/number-format.ts), so chart words read like the answer; the rounding matches the
 * axis specifiers above (whole percents, two decimals, two significant digits).
 */
export function formatNumber(value: number, kind: NumberFormatKind, locale = 'en'): string {
  const format = numberFormat(locale);
  if (!Number.isFinite(value)) return format.missing;
  switch (kind) {
    case 'compact':
      return format.compact(value);
    case 'percent':
      return format.percent(value, { decimals: 0 });
    case 'decimal':
      return format.decimal(value, 2);
    case 'significant':
      return format.decimal(value, significantDecimals(value));
    case 'integer':
      return format.count(value);
  }
}

/** Decimals that leave two significant digits: 0.046 → 3, 1.5 → 1, 120 → 0. */
function significantDecimals(value: number): number {
  const magnitude = Math.floor(Math.log10(Math.abs(value) || 1));
  return Math.max(0, 1 - magnitude);
}
