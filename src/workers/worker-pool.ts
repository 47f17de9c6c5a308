import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ResourceLimits, Worker } from 'node:worker_threads';

/** A failure inside a worker, as it crosses the thread boundary (Error objects lose their class). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Extra fields the owner of the pool needs to rebuild its own error types. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export type WorkerReply<R> =
  | { readonly id: number; readonly ok: true; readonly result: R }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

export interface WorkerMessage<Q> {
  readonly id: number;
  readonly request: Q;
}

/** One worker per core but one, so the main thread keeps a core for Slack acks. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Starts `entry` (a module URL ending in .js, or .ts when tests run the sources) as a worker.
 * For sources, a bootstrap registers tsx in the worker first: `execArgv: ['--import', 'tsx']`
 * does not work, because tsx's auto-registration skips worker threads on Node 20.
 */
export function startWorker(entry: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const limits = resourceLimits === undefined ? {} : { resourceLimits };
  const compiled = process.env[COMPILED_WORKERS_ENV] === '1' ? compiledTwin(entry) : undefined;
  if (compiled) return new Worker(compiled, { execArgv: [], workerData, ...limits });
  if (!entry.href.endsWith('.ts')) return new Worker(entry, { execArgv: [], workerData, ...limits });
  // The ESM build of `tsx/esm/api` (require.resolve would pick its CommonJS build).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [], workerData, ...limits });
}

/**
 * Set to `1` by the bench (after `npm run bench` built dist/) so that pools created from the sources start the
 * compiled workers, as `radar serve` does: a worker that registers tsx transpiles and keeps the module graph's
 * sources again, ≈ 50 MB of resident memory per worker (a command worker at 5k: +100 MB from sources, +50 MB
 * compiled) that no deployment pays.
 */
export const COMPILED_WORKERS_ENV = 'RADAR_COMPILED_WORKERS';

/** `…/src/<path>.ts` → `…/dist/<path>.js` (the build's layout, tsconfig.build.json); undefined for anything else. */
export function compiledTwin(entry: URL): URL | undefined {
  const match = /^(.*)\/src\/(.*)\.ts$/.exec(entry.href);
  return match ? new URL(`${match[1]}/dist/${match[2]}.js`) : undefined;
}

/** The worker module next to the caller: `.js` in dist/, `.ts` when running the sources. */
export function siblingModule(callerUrl: string, baseName: string): URL {
  return new URL(`./${baseName}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

interface Job<Q, R> {
  readonly message: WorkerMessage<Q>;
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
}

interface Slot<Q, R> {
  readonly worker: Worker;
  job: Job<Q, R> | undefined;
  failure: Error | undefined;
}

export interface WorkerPoolOptions {
  readonly entry: URL;
  readonly size?: number;
  readonly workerData?: unknown;
  /** V8 heap limits of each worker (e.g. a smaller young generation for workers that hold little). */
  readonly resourceLimits?: ResourceLimits;
  /** Rebuilds an error thrown in a worker as the owner's error type. */
  readonly reviveError?: (error: SerializedError) => Error;
  /** The error for a worker that crashed or a pool that closed. */
  readonly failure: (message: string, cause?: unknown) => Error;
}

/**
 * A small worker_threads pool. Workers start on first use, are `unref`'d while idle so they
 * never keep the process alive (and `ref`'d while busy so a pending job is not abandoned), and
 * a worker that dies is replaced; its job fails with the owner's error.
 */
export class WorkerPool<Q, R> {
  readonly size: number;
  readonly #slots: Slot<Q, R>[] = [];
  readonly #queue: Job<Q, R>[] = [];
  #nextId = 1;
  #closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    const size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive integer, got ${size}`);
    this.size = size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  run(request: Q): Promise<R> {
    if (this.#closed) return Promise.reject(this.options.failure('The worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ message: { id: this.#nextId++, request }, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const closedError = this.options.failure('The worker pool was closed');
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
      slot.worker.postMessage(job.message);
    }
  }

  #spawn(): Slot<Q, R> | undefined {
    if (this.#slots.length >= this.size) return undefined;
    const slot: Slot<Q, R> = {
      worker: startWorker(this.options.entry, this.options.workerData, this.options.resourceLimits),
      job: undefined,
      failure: undefined,
    };
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply<R>) => {
      const job = slot.job;
      if (job === undefined || job.message.id !== reply.id) return;
      slot.job = undefined;
      slot.worker.unref();
      if (reply.ok) job.resolve(reply.result);
      else job.reject(this.#revive(reply.error));
      this.#dispatch();
    });
    slot.worker.on('error', (error) => {
      slot.failure = this.options.failure('A worker thread crashed', error);
    });
    slot.worker.on('exit', (exitCode) => {
      const index = this.#slots.indexOf(slot);
      if (index !== -1) this.#slots.splice(index, 1);
      slot.job?.reject(slot.failure ?? this.options.failure(`A worker thread exited with code ${exitCode}`));
      slot.job = undefined;
      this.#dispatch();
    });
    this.#slots.push(slot);
    return slot;
  }

  #revive(error: SerializedError): Error {
    if (this.options.reviveError) return this.options.reviveError(error);
    const rebuilt = Object.assign(new Error(error.message), { name: error.name });
    if (error.stack !== undefined) rebuilt.stack = error.stack;
    return rebuilt;
  }
}
