import type { TopLevelSpec } from 'vega-lite';
import { serveWorkerRequests } from '../workers/serve-worker-requests.js';
import { ChartRenderError } from './chart-errors.js';
import { type RenderOptions, renderChartPng } from './render-png.js';

/** A render job as render-pool.ts sends it to this worker. */
export interface RenderRequest {
  readonly spec: TopLevelSpec;
  readonly options: RenderOptions;
}

serveWorkerRequests<RenderRequest, Uint8Array>({
  async handle({ spec, options }) {
    const png = await renderChartPng(spec, options);
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  },
  errorDetails: (error) => (error instanceof ChartRenderError ? { code: error.code } : undefined),
  // Move the PNG's memory to the main thread instead of copying it.
  transferList: (png) =>
    png.byteOffset === 0 && png.byteLength === png.buffer.byteLength ? [png.buffer as ArrayBuffer] : [],
});
