import type { TopLevelSpec } from 'vega-lite';
import { type SerializedError, siblingModule, WorkerPool } from '../workers/worker-pool.js';
import { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';
import { chartWorkerCount, currentMachine } from './chart-worker-count.js';
import type { RenderOptions } from './render-png.js';
import type { RenderRequest } from './render-worker.js';
import { loadSharp } from './sharp-library.js';
import { warmUpChart } from './warm-up-chart.js';

export { defaultPoolSize } from '../workers/worker-pool.js';
export { chartWorkerCount, currentMachine } from './chart-worker-count.js';

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

/** Timers, injectable so tests can release idle workers without waiting. */
export interface IdleTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: IdleTimers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Workers idle this long are stopped; the next render starts them again. A worker that has rendered for a while
 * holds ≈ 180–240 MB (see chart-worker-count.ts), ≈ 140 MB of which closing gives back, and starting one again
 * costs ≈ 0.5 s of CPU plus ≈ 1.5× the CPU on its first renders: once per 10 minutes of silence at most.
 */
export const IDLE_RELEASE_MS = 10 * 60_000;

/**
 * V8's young generation of a chart worker (its `maxYoungGenerationSizeMb`): 6 MB (2 MB semi-spaces) instead of V8's
 * 48 MB. A render's garbage is short-lived and small, so the default only grows the worker's resident memory: at the
 * demo's 23 charts × 4 renders in one worker, 2026-12-07 at load 10–15, the process's peak RSS went 346–354 →
 * 323–336 MB and CPU per render 71–82 → 64–67 ms (no cost; fewer pages to scavenge).
 */
export const CHART_WORKER_YOUNG_GENERATION_MB = 6;

export interface RenderPoolOptions {
  /** Number of workers; chartWorkerCount(currentMachine()) unless set. */
  size?: number;
  /** Stop the workers after this long without a render; IDLE_RELEASE_MS unless set, Infinity never. */
  idleReleaseMs?: number;
  timers?: IdleTimers;
}

/** renderChartPng in worker threads, so a dense chart never delays another request's ack. */
export class RenderPool implements ChartRenderer {
  readonly size: number;
  readonly #idleReleaseMs: number;
  readonly #timers: IdleTimers;
  #pool: WorkerPool<RenderRequest, Uint8Array> | undefined;
  #running = 0;
  #idleTimer: unknown;
  #closed = false;
  #sharpLoaded: Promise<unknown> | undefined;
  #warmed: Promise<void> | undefined;

  constructor(options: RenderPoolOptions | number = {}) {
    const {
      size,
      idleReleaseMs = IDLE_RELEASE_MS,
      timers = realTimers,
    } = typeof options === 'number' ? { size: options } : options;
    this.size = size ?? chartWorkerCount(currentMachine());
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new RangeError(`pool size must be a positive integer, got ${this.size}`);
    }
    if (!(idleReleaseMs > 0)) throw new RangeError(`idleReleaseMs must be positive, got ${idleReleaseMs}`);
    this.#idleReleaseMs = idleReleaseMs;
    this.#timers = timers;
  }

  /** Whether worker threads are running (false before the first render and after an idle release). */
  get started(): boolean {
    return this.#pool !== undefined;
  }

  async render(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
    if (this.#closed) throw this.#failure('The worker pool is closed');
    this.#running++;
    this.#cancelRelease();
    try {
      // Sets FONTCONFIG_FILE in the real environment and keeps sharp's libraries loaded (see loadSharp).
      this.#sharpLoaded ??= loadSharp();
      await this.#sharpLoaded;
      if (this.#closed) throw this.#failure('The worker pool was closed');
      const png = await this.#workers().run({ spec, options });
      return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    } finally {
      this.#running--;
      if (this.#running === 0) this.#scheduleRelease();
    }
  }

  warm(): Promise<void> {
    // One render per worker: each idle slot takes one, so every worker starts.
    this.#warmed ??= Promise.all(Array.from({ length: this.size }, () => this.render(warmUpChart()))).then(
      () => undefined,
    );
    return this.#warmed;
  }

  close(): Promise<void> {
    this.#closed = true;
    this.#cancelRelease();
    const pool = this.#pool;
    this.#pool = undefined;
    return pool?.close() ?? Promise.resolve();
  }

  #workers(): WorkerPool<RenderRequest, Uint8Array> {
    this.#pool ??= new WorkerPool({
      entry: siblingModule(import.meta.url, 'render-worker'),
      size: this.size,
      resourceLimits: { maxYoungGenerationSizeMb: CHART_WORKER_YOUNG_GENERATION_MB },
      reviveError: reviveChartError,
      failure: (message, cause) => this.#failure(message, cause),
    });
    return this.#pool;
  }

  #failure(message: string, cause?: unknown): ChartRenderError {
    return new ChartRenderError(ChartRenderErrorCode.workerFailed, `Chart rendering failed: ${message}`, { cause });
  }

  #scheduleRelease(): void {
    // setTimeout fires at once for delays past 2^31 − 1 ms (≈ 25 days): those mean never.
    if (this.#closed || this.#pool === undefined || this.#idleReleaseMs > 2 ** 31 - 1) return;
    this.#idleTimer = this.#timers.set(() => this.#releaseIdle(), this.#idleReleaseMs);
  }

  #cancelRelease(): void {
    if (this.#idleTimer === undefined) return;
    this.#timers.clear(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  #releaseIdle(): void {
    this.#idleTimer = undefined;
    if (this.#running > 0 || this.#pool === undefined) return;
    const pool = this.#pool;
    this.#pool = undefined;
    // A later warm() starts the new workers again.
    this.#warmed = undefined;
    void pool.close();
  }
}

/**
 * Renders on the calling thread: simplest for the CLI and for tests that compare bytes. vega and vega-lite are loaded
 * on the first render, so a process that renders through the pool never loads them on its main thread.
 */
class InProcessRenderer implements ChartRenderer {
  #closed = false;

  async render(spec: TopLevelSpec, options?: RenderOptions): Promise<Buffer> {
    if (this.#closed) {
      throw new ChartRenderError(ChartRenderErrorCode.workerFailed, 'The chart renderer is closed');
    }
    const { renderChartPng } = await import('./render-png.js');
    return renderChartPng(spec, options);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }
}

export interface ChartRendererOptions {
  /** Render on the calling thread instead of in worker threads (CLI, tests). */
  inProcess?: boolean;
  /** Number of workers; chartWorkerCount(currentMachine()) unless set. */
  poolSize?: number;
  /** Stop idle workers after this long; IDLE_RELEASE_MS unless set. */
  idleReleaseMs?: number;
}

/**
 * The renderer commands receive. The Slack app uses the pool: a dense chart can take a few
 * hundred ms, which in-process would delay every other request's ack by as much.
 */
export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  if (options.inProcess === true) return new InProcessRenderer();
  return new RenderPool({
    ...(options.poolSize === undefined ? {} : { size: options.poolSize }),
    ...(options.idleReleaseMs === undefined ? {} : { idleReleaseMs: options.idleReleaseMs }),
  });
}
