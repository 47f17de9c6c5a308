import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';
import { loadSharp, type RenderOptions, renderChartPng } from './render-png.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

/** What commands use to turn specs into PNGs; in-process or pooled, chosen once at startup. */
export interface ChartRenderer {
  render(spec: TopLevelSpec, options?: RenderOptions): Promise<Buffer>;
  /** Stops the workers; pending and later renders reject. Safe to call twice. */
  close(): Promise<void>;
}

/** One worker per core but one, so the main thread keeps a core for Slack acks. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * How to start a worker: the compiled `render-worker.js` next to this module in dist/, or, when
 * tests run the TypeScript sources, a bootstrap that registers tsx in the worker and then
 * imports `render-worker.ts`. (`execArgv: ['--import', 'tsx']` does not work: tsx's auto
 * registration skips worker threads on Node 20, so the entry fails with "Unknown file extension".)
 * tsx is located from this package, so neither case depends on the current directory.
 */
function startWorker(): Worker {
  const runningSources = import.meta.url.endsWith('.ts');
  if (!runningSources) return new Worker(new URL('./render-worker.js', import.meta.url), { execArgv: [] });
  // The ESM build of `tsx/esm/api` (require.resolve would pick its CommonJS build).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

interface Job {
  request: RenderRequest;
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  failure: Error | undefined;
}

function errorFromReply(error: Extract<RenderReply, { ok: false }>['error']): Error {
  const codes: readonly string[] = Object.values(ChartRenderErrorCode);
  const rebuilt =
    error.code !== undefined && codes.includes(error.code)
      ? new ChartRenderError(error.code as ChartRenderErrorCode, error.message)
      : Object.assign(new Error(error.message), { name: error.name });
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * A small worker_threads pool for renderChartPng. Workers start on the first render, are
 * `unref`'d while idle so they never keep the process alive (and `ref`'d while rendering so a
 * pending render is not abandoned), and are replaced if one dies.
 */
export class RenderPool implements ChartRenderer {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #sharpLoaded: Promise<unknown> | undefined;

  constructor(size = defaultPoolSize()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.size = size;
  }

  async render(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
    // Sets FONTCONFIG_FILE in the real environment and keeps sharp's libraries loaded (see loadSharp).
    this.#sharpLoaded ??= loadSharp();
    await this.#sharpLoaded;
    if (this.#closed) throw new ChartRenderError(ChartRenderErrorCode.workerFailed, 'The chart renderer is closed');
    return new Promise<Buffer>((resolve, reject) => {
      this.#queue.push({ request: { id: this.#nextId++, spec, options }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const closedError = new ChartRenderError(ChartRenderErrorCode.workerFailed, 'The chart renderer was closed');
    for (const job of this.#queue.splice(0)) job.reject(closedError);
    const slots = this.#slots.splice(0);
    for (const slot of slots) slot.failure = closedError;
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0 && !this.#closed) {
      const slot = this.#slots.find((candidate) => candidate.job === undefined) ?? this.#spawn();
      if (slot === undefined) return;
      const job = this.#queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  #spawn(): Slot | undefined {
    if (this.#slots.length >= this.size) return undefined;
    const slot: Slot = { worker: startWorker(), job: undefined, failure: undefined };
    slot.worker.unref();
    slot.worker.on('message', (reply: RenderReply) => {
      const job = slot.job;
      if (job === undefined || job.request.id !== reply.id) return;
      slot.job = undefined;
      slot.worker.unref();
      if (reply.ok) job.resolve(Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength));
      else job.reject(errorFromReply(reply.error));
      this.#dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.failure = new ChartRenderError(ChartRenderErrorCode.workerFailed, 'A chart render worker crashed', {
        cause: error,
      });
    });
    slot.worker.on('exit', (exitCode) => {
      const index = this.#slots.indexOf(slot);
      if (index !== -1) this.#slots.splice(index, 1);
      slot.job?.reject(
        slot.failure ??
          new ChartRenderError(ChartRenderErrorCode.workerFailed, `A chart render worker exited with code ${exitCode}`),
      );
      slot.job = undefined;
      this.#dispatch();
    });
    this.#slots.push(slot);
    return slot;
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
