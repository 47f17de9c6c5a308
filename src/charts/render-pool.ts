import type { TopLevelSpec } from 'vega-lite';
import { defaultPoolSize, type SerializedError, siblingModule, WorkerPool } from '../workers/worker-pool.js';
import { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';
import { loadSharp, type RenderOptions, renderChartPng } from './render-png.js';
import type { RenderRequest } from './render-worker.js';
import { warmUpChart } from './warm-up-chart.js';

export { defaultPoolSize } from '../workers/worker-pool.js';

/** What commands use to turn specs into PNGs; in-process or pooled, chosen once at startup. */
export interface ChartRenderer {
  render(spec: TopLevelSpec, options?: RenderOptions): Promise<Buffer>;
  /** Starts the workers and has each draw one small chart, so the first answer does not pay their start-up. */
  warm?(): Promise<void>;
  /** Stops the workers; pending and later renders reject. Safe to call twice. */
  close(): Promise<void>;
}

function reviveChartError(error: SerializedError): Error {
  const codes: readonly string[] = Object.values(ChartRenderErrorCode);
  const code = error.details?.code;
  const rebuilt =
    typeof code === 'string' && codes.includes(code)
      ? new ChartRenderError(code as ChartRenderErrorCode, error.message)
      : Object.assign(new Error(error.message), { name: error.name });
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

/** renderChartPng in worker threads, so a dense chart never delays another request's ack. */
export class RenderPool implements ChartRenderer {
  readonly #pool: WorkerPool<RenderRequest, Uint8Array>;
  #sharpLoaded: Promise<unknown> | undefined;
  #warmed: Promise<void> | undefined;

  constructor(size = defaultPoolSize()) {
    this.#pool = new WorkerPool({
      entry: siblingModule(import.meta.url, 'render-worker'),
      size,
      reviveError: reviveChartError,
      failure: (message, cause) =>
        new ChartRenderError(ChartRenderErrorCode.workerFailed, `Chart rendering failed: ${message}`, { cause }),
    });
  }

  get size(): number {
    return this.#pool.size;
  }

  async render(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
    // Sets FONTCONFIG_FILE in the real environment and keeps sharp's libraries loaded (see loadSharp).
    this.#sharpLoaded ??= loadSharp();
    await this.#sharpLoaded;
    const png = await this.#pool.run({ spec, options });
    return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  }

  warm(): Promise<void> {
    // One render per worker: each idle slot takes one, so every worker starts.
    this.#warmed ??= Promise.all(Array.from({ length: this.size }, () => this.render(warmUpChart()))).then(
      () => undefined,
    );
    return this.#warmed;
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}

/** Renders on the calling thread: simplest for the CLI and for tests that compare bytes. */
class InProcessRenderer implements ChartRenderer {
  #closed = false;

  render(spec: TopLevelSpec, options?: RenderOptions): Promise<Buffer> {
    if (this.#closed) {
      return Promise.reject(new ChartRenderError(ChartRenderErrorCode.workerFailed, 'The chart renderer is closed'));
    }
    return renderChartPng(spec, options);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

export interface ChartRendererOptions {
  /** Render on the calling thread instead of in worker threads (CLI, tests). */
  inProcess?: boolean;
  /** Number of workers; defaultPoolSize() unless set. */
  poolSize?: number;
}

/**
 * The renderer commands receive. The Slack app uses the pool: a dense chart can take a few
 * hundred ms, which in-process would delay every other request's ack by as much.
 */
export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  return options.inProcess === true ? new InProcessRenderer() : new RenderPool(options.poolSize);
}
