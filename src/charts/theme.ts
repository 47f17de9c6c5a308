import type { Config, TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY } from './chart-fonts.js';

/**
 * Default chart size in CSS pixels. Rendered at PIXEL_RATIO this is a 1280×800 PNG: sharp on
 * click in Slack, and in the ~360 px wide channel preview the 14–18 px text still shows at
 * 8–10 px, enough to read titles and bars; details are read full size.
 */
export const CHART_SIZE = { width: 640, height: 400 } as const;

/** Device pixels per CSS pixel in the PNG. */
export const PIXEL_RATIO = 2;

/**
 * Okabe–Ito colour-blind-safe palette, ordered so adjacent series contrast most on white;
 * the light yellow is last (weak on white) and Okabe–Ito black is softened to dark grey.
 */
export const CATEGORY_PALETTE = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#CC79A7', // reddish purple
  '#555555', // dark grey (Okabe–Ito black, softened)
  '#F0E442', // yellow
] as const;

/** Health zones, in display order (worst first). */
export const ZONE_ORDER = ['red', 'yellow', 'green'] as const;

export type Zone = (typeof ZONE_ORDER)[number];

/**
 * Zone colours from the Okabe–Ito set: vermillion, yellow and bluish green stay distinct under
 * deuteranopia and protanopia (they differ in lightness and blue content, not only red/green).
 * Colour is never the only cue: always label zones with ZONE_LABELS as well.
 */
export const ZONE_COLORS: Readonly<Record<Zone, string>> = {
  red: '#D55E00',
  yellow: '#F0E442',
  green: '#009E73',
};

export const ZONE_LABELS: Readonly<Record<Zone, string>> = {
  red: 'Red zone',
  yellow: 'Yellow zone',
  green: 'Green zone',
};

/** A vega-lite `scale` that pins each zone to its colour, whatever zones the data contains. */
export const ZONE_COLOR_SCALE = {
  domain: [...ZONE_ORDER],
  range: ZONE_ORDER.map((zone) => ZONE_COLORS[zone]),
};

/** Text colours; each has at least 4.5:1 contrast on the white background. */
export const TEXT_COLORS = { text: '#1F1F1F', muted: '#4D4D4D' } as const;

const TEXT_COLOR = TEXT_COLORS.text;
const MUTED_TEXT_COLOR = TEXT_COLORS.muted;
const RULE_COLOR = '#8C8C8C';
const GRID_COLOR = '#E3E3E3';

/** Slack's channel preview shows a chart this many pixels wide; text there must stay legible. */
export const PREVIEW_WIDTH = 360;

/** The smallest text, in pixels, a reader sees in the preview. */
export const MIN_PREVIEW_TEXT_PX = 9;

/**
 * The smallest font size (CSS px) any chart text may use: 9 px × 640 / 360 = 16. Every chart is
 * CHART_SIZE.width wide, so in the preview each CSS pixel shrinks to 360 / 640 of a pixel.
 */
export const MIN_FONT_SIZE = Math.ceil((MIN_PREVIEW_TEXT_PX * CHART_SIZE.width) / PREVIEW_WIDTH);

/** Font sizes in CSS pixels (doubled in the PNG); none below MIN_FONT_SIZE. */
export const FONT_SIZES = {
  title: 21,
  subtitle: MIN_FONT_SIZE,
  axisLabel: MIN_FONT_SIZE,
  axisTitle: MIN_FONT_SIZE,
  legend: MIN_FONT_SIZE,
  markLabel: MIN_FONT_SIZE,
} as const;

/** Bold is 700: the only heavy weight registered with fontconfig and measured by font-metrics.ts. */
const BOLD = 700;

/**
 * The one vega-lite config every chart uses. The renderer passes it to `compile` as the base
 * config (a spec's own `config` wins), and withTheme() embeds it so a spec is self-contained.
 */
export const CHART_CONFIG: Config = {
  // The SVG only feeds the rasteriser; Slack readers get ChartDefinition.altText. Per-mark ARIA
  // descriptions formatted every field of every mark: ≈ 40% of vega's time on a scatter.
  aria: false,
  font: CHART_FONT_FAMILY,
  background: '#FFFFFF',
  padding: { top: 16, right: 24, bottom: 16, left: 16 },
  autosize: { type: 'fit', contains: 'padding' },
  view: { stroke: null, continuousWidth: CHART_SIZE.width, continuousHeight: CHART_SIZE.height },
  title: {
    anchor: 'start',
    fontSize: FONT_SIZES.title,
    fontWeight: BOLD,
    color: TEXT_COLOR,
    subtitleFontSize: FONT_SIZES.subtitle,
    subtitleColor: MUTED_TEXT_COLOR,
    subtitlePadding: 4,
    offset: 14,
    limit: CHART_SIZE.width - 40,
  },
  axis: {
    labelFontSize: FONT_SIZES.axisLabel,
    labelColor: MUTED_TEXT_COLOR,
    labelLimit: 240,
    labelPadding: 4,
    labelOverlap: true,
    titleFontSize: FONT_SIZES.axisTitle,
    titleFontWeight: BOLD,
    titleColor: TEXT_COLOR,
    titlePadding: 10,
    gridColor: GRID_COLOR,
    domainColor: RULE_COLOR,
    tickColor: RULE_COLOR,
  },
  // Every category is named: charts grow with their categories instead of hiding labels.
  axisBand: { grid: false, tickBand: 'extent', labelOverlap: false },
  axisX: { labelAngle: 0 },
  legend: {
    labelFontSize: FONT_SIZES.legend,
    labelColor: MUTED_TEXT_COLOR,
    // No limit: a legend label or title is never cut ("Standar…"); legends wrap into columns instead.
    labelLimit: 0,
    titleLimit: 0,
    titleFontSize: FONT_SIZES.legend,
    titleFontWeight: BOLD,
    titleColor: TEXT_COLOR,
    symbolSize: 140,
    orient: 'top',
    direction: 'horizontal',
  },
  header: {
    labelFontSize: FONT_SIZES.axisLabel,
    labelColor: MUTED_TEXT_COLOR,
    titleFontSize: FONT_SIZES.axisTitle,
    titleFontWeight: BOLD,
    titleColor: TEXT_COLOR,
  },
  range: { category: [...CATEGORY_PALETTE] },
  mark: { color: CATEGORY_PALETTE[0] },
  bar: { continuousBandSize: 12 },
  axisQuantitative: { tickCount: 8 },
  // Transparency via fill/stroke-opacity, never `opacity`: librsvg composites every element with
  // `opacity` < 1 in its own full-canvas layer, which made a 5,000-point scatter 15× slower.
  point: { filled: true, size: 36, opacity: 1, fillOpacity: 0.6, strokeOpacity: 0.8 },
  circle: { size: 36, opacity: 1, fillOpacity: 0.6 },
  square: { size: 36, opacity: 1, fillOpacity: 0.6 },
  tick: { opacity: 1, strokeOpacity: 0.7 },
  line: { strokeWidth: 2.5 },
  rule: { color: RULE_COLOR },
  text: { fontSize: FONT_SIZES.markLabel, color: TEXT_COLOR },
};

/**
 * The `stack` of a bar chart's value channel when every bar has a category (and offset) of its own, so nothing
 * stacks. vega-lite stacks coloured bars unless told not to, and draws `cornerRadiusEnd` on a stacked bar as a
 * group per stack clipped to a rounded rectangle: a sub-dataflow, scenegraph group and clip path for every bar.
 * Unstacked, the bar rounds its own end: the same PNG, byte for byte (test/charts/unstacked-bars.test.ts), for
 * ≈ 15–20 % less CPU per render on the bar charts of the demo (e.g. cohort channels 57 → 47 ms in-process).
 * Bars with a stroke are not the same picture (the clip cut the stroke's outer half), so those keep the default.
 */
export const UNSTACKED = null;

/**
 * For charts that grow with their categories (one bar or row per customer or cell): the width
 * stays CHART_SIZE.width, so the 360 px preview scales text the same as every other chart, and
 * `height` is the plot's own height; titles, legends and axes add to it instead of squeezing it.
 */
export const GROW_HEIGHT_AUTOSIZE = { type: 'fit-x', contains: 'padding' } as const;

type MutableSpec = Record<string, unknown>;

/** Single and layered views can be sized to exactly CHART_SIZE; facets and concats size themselves. */
function isFixedSizeView(spec: MutableSpec): boolean {
  return !('facet' in spec || 'concat' in spec || 'hconcat' in spec || 'vconcat' in spec || 'repeat' in spec);
}

/**
 * Returns the spec with the chart theme merged under its own `config` and, for single and
 * layered views, the default size, so the PNG is exactly CHART_SIZE × PIXEL_RATIO.
 */
export function withTheme(spec: TopLevelSpec): TopLevelSpec {
  const source = spec as unknown as MutableSpec;
  const themed: MutableSpec = { ...source, config: mergeConfig(CHART_CONFIG, spec.config ?? {}) };
  if (isFixedSizeView(source)) {
    themed.width ??= CHART_SIZE.width;
    themed.height ??= CHART_SIZE.height;
  }
  return themed as unknown as TopLevelSpec;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of config objects; arrays and scalars from `override` replace the base. */
export function mergeConfig(base: Config, override: Config): Config {
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) {
      const current = out[key];
      out[key] = isPlainObject(current) && isPlainObject(value) ? merge(current, value) : value;
    }
    return out;
  };
  return merge(base as Record<string, unknown>, override as Record<string, unknown>) as Config;
}
