import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';
import { cachingExpressionCodegen } from './expression-codegen-cache.js';
import { measureTextWidth } from './font-metrics.js';
import { createOfflineLoader } from './offline-loader.js';
import { RecentCache } from './recent-cache.js';
import { loadSharp } from './sharp-library.js';
import { CHART_CONFIG, PIXEL_RATIO } from './theme.js';

export interface RenderOptions {
  /** Device pixels per CSS pixel; 2 by default so text stays crisp when Slack shows the image full size. */
  scale?: number;
}

/** The slice of vega-scenegraph's text measurement hook we replace (untyped in vega-typings). */
interface VegaTextMetrics {
  width: (item: { fontSize?: number; fontWeight?: number | string; text?: unknown }, text?: unknown) => number;
}

let textMetricsInstalled = false;

/**
 * Make vega lay out text with the chart fonts' real advance widths (see font-metrics.ts). The
 * hook ignores `limit` on purpose: vega calls it from its own truncation search, so applying the
 * limit here would recurse; bounds of labels vega truncates are therefore slightly generous.
 */
function installTextMetrics(): void {
  if (textMetricsInstalled) return;
  const metrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const line = String(text ?? item.text ?? '').trim();
    const fontSize = item.fontSize ?? 11;
    return line === '' || fontSize <= 0 ? 0 : measureTextWidth(line, { fontSize, fontWeight: item.fontWeight });
  };
  textMetricsInstalled = true;
}

/**
 * Finished PNGs by scale and spec JSON. A spec fully determines its PNG (inline data, fonts from
 * the packages, no clock), so asking the same command again on the same data — a second person,
 * a button that re-runs the answer, an alert re-posted — costs a lookup instead of ≈ 45 ms of CPU.
 * Bounded by bytes as well, because a dense chart's PNG can be a megabyte. PNGs live outside the
 * JavaScript heap; the compiled vega specs cached here before did not, and on new data (every
 * spec new) keeping 32 of them cost ≈ 9% more CPU in garbage collection than compiling afresh.
 */
const renderedPngs = new RecentCache<Buffer>({
  maxEntries: 32,
  maxTotalSize: 16 * 1024 * 1024,
  sizeOf: (png) => png.byteLength,
});

/** Forgets this thread's finished PNGs, so a test can compare a cached render with a fresh one. */
export function clearRenderCaches(): void {
  renderedPngs.clear();
}

function compileSpec(spec: TopLevelSpec): vega.Spec {
  try {
    // vega-lite warns on stderr (e.g. that autosize "fit" does not apply to concatenated views): only errors matter.
    return compile(spec, { config: CHART_CONFIG, logger: vega.logger(vega.Error) }).spec;
  } catch (error) {
    throw new ChartRenderError(ChartRenderErrorCode.invalidSpec, `vega-lite could not compile the chart spec`, {
      cause: error,
    });
  }
}

/** This thread's compiled vega expressions (see expression-codegen-cache.ts), made on the first render. */
let expressionCodegen: ReturnType<typeof cachingExpressionCodegen> | undefined;

/** vega-lite → vega → SVG string, with the theme as base config and no network access. */
export async function renderChartSvg(spec: TopLevelSpec, options: RenderOptions = {}): Promise<string> {
  installTextMetrics();
  const vegaSpec = compileSpec(spec);
  const loader = createOfflineLoader();
  expressionCodegen ??= cachingExpressionCodegen();
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: 'none',
    loader,
    logLevel: vega.Error,
    expr: expressionCodegen,
  });
  try {
    const svg = await view.toSVG(options.scale ?? PIXEL_RATIO);
    if (loader.refused.length > 0) {
      throw new ChartRenderError(
        ChartRenderErrorCode.networkRefused,
        `Chart specs must carry inline data; refused to load ${loader.refused.map((uri) => `'${uri}'`).join(', ')}`,
      );
    }
    return svg;
  } finally {
    view.finalize();
  }
}

/**
 * Still lossless. zlib level 2 instead of 6 halves the encode (≈ 9 → 4 ms for a bar chart, 17 → 8
 * for a scatter) for PNGs ≈ 10% larger: charts are flat colour, so stronger levels gain little.
 * Adaptive filtering costs ≈ 30 ms more and made files larger.
 */
export const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false } as const;

/**
 * Renders a vega-lite spec to PNG bytes in this thread: 25–60 ms for a typical chart, but
 * about a second for thousands of marks, so request handlers should use a ChartRenderer
 * from render-pool.ts instead of calling this directly.
 */
export async function renderChartPng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const key = `${options.scale ?? PIXEL_RATIO} ${JSON.stringify(spec)}`;
  const cached = renderedPngs.get(key);
  // Copies in and out: the caller may change the bytes or move them to another thread (render-worker.ts does).
  if (cached !== undefined) return Buffer.from(cached);
  const svg = await renderChartSvg(spec, options);
  const sharp = await loadSharp();
  const png = await sharp(Buffer.from(svg)).png(PNG_OPTIONS).toBuffer();
  renderedPngs.set(key, Buffer.from(png));
  return png;
}
