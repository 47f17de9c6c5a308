import * as vega from 'vega';

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

/** Axis properties for a quantitative axis showing values of the given kind. */
export function axisNumberFormat(kind: NumberFormatKind): { format: string } | { labelExpr: string } {
  return kind === 'compact' ? { labelExpr: COMPACT_LABEL_EXPR } : { format: NUMBER_FORMATS[kind] };
}

type FormatFactory = (specifier: string) => (value: number) => string;

const formatters = new Map<NumberFormatKind, (value: number) => string>();

function formatterFor(kind: NumberFormatKind): (value: number) => string {
  let formatter = formatters.get(kind);
  if (formatter === undefined) {
    // vega's bundled d3-format (untyped in vega-typings), so titles match axis labels exactly.
    const locale = (vega as unknown as { defaultLocale: () => { format: FormatFactory } }).defaultLocale();
    formatter = locale.format(NUMBER_FORMATS[kind]);
    formatters.set(kind, formatter);
  }
  return formatter;
}

/** Formats a number for titles, subtitles and alt text the same way charts label it. */
export function formatNumber(value: number, kind: NumberFormatKind): string {
  if (!Number.isFinite(value)) return '–';
  const text = formatterFor(kind)(value);
  return kind === 'compact' ? text.replace(/G$/, 'B') : text;
}
