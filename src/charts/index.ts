export type { ChartDefinition } from './chart-definition.js';
export { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';
export { CHART_FONT_FAMILY, configureChartFonts } from './chart-fonts.js';
export { CHART_WORKER_MEMORY_BYTES, chartWorkerCount, currentMachine } from './chart-worker-count.js';
export { measureTextWidth } from './font-metrics.js';
export { axisNumberFormat, COMPACT_LABEL_EXPR, formatNumber, NUMBER_FORMATS, type NumberFormatKind } from './format.js';
export { displayWidth, LABEL_LINE_BREAK, truncateLabel, WRAPPED_LABEL_EXPR, wrapLabel } from './labels.js';
export { createOfflineLoader } from './offline-loader.js';
export { type RenderOptions, renderChartPng, renderChartSvg } from './render-png.js';
export {
  type ChartRenderer,
  type ChartRendererOptions,
  createChartRenderer,
  defaultPoolSize,
  RenderPool,
} from './render-pool.js';
export { SCATTER_POINT_LIMIT, sampleForScatter } from './sample-points.js';
export {
  CATEGORY_PALETTE,
  CHART_CONFIG,
  CHART_SIZE,
  FONT_SIZES,
  PIXEL_RATIO,
  withTheme,
  ZONE_COLOR_SCALE,
  ZONE_COLORS,
  ZONE_LABELS,
  ZONE_ORDER,
  type Zone,
} from './theme.js';
