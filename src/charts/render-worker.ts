import { parentPort } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './chart-errors.js';
import { type RenderOptions, renderChartPng } from './render-png.js';

/** Messages between render-pool.ts and this worker; ids match replies to requests. */
export interface RenderRequest {
  id: number;
  spec: TopLevelSpec;
  options: RenderOptions;
}

export type RenderReply =
  | { id: number; ok: true; png: Uint8Array }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string; code?: string } };

const port = parentPort;
if (port === null) throw new Error('render-worker.ts must be started as a worker thread by render-pool.ts');

port.on('message', async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    const png = await renderChartPng(request.spec, request.options);
    reply = { id: request.id, ok: true, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    reply = {
      id: request.id,
      ok: false,
      error: {
        name: error.name,
        message: error.message,
        ...(error.stack === undefined ? {} : { stack: error.stack }),
        ...(error instanceof ChartRenderError ? { code: error.code } : {}),
      },
    };
  }
  port.postMessage(reply);
});
