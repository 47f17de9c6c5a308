import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { siblingModule, startWorker } from '../../workers/worker-pool.js';
import type { Warehouse } from '../open-warehouse.js';
import { processAlive } from '../process-alive.js';
import { type CacheTask, type CacheTaskResults, cacheTasks, runCacheTasks } from './cache-table.js';
import type { CacheTableWorkerData, CacheTableWorkerReply } from './cache-table-worker.js';
import { DEFAULT_BATCH_ROWS } from './column-writer.js';
import { writeKeySpaces } from './key-spaces.js';
import { MANIFEST_FILE, openSnapshotCache, type SnapshotCache } from './snapshot-cache.js';
import { pathPrefix, snapshotCacheDirectory, sourceIdentity } from './snapshot-cache-location.js';
import { SNAPSHOT_CACHE_FORMAT, type SnapshotManifest } from './snapshot-manifest.js';

export interface SnapshotCacheBuild {
  readonly cache: SnapshotCache;
  /** False when a complete cache of this export was already there. */
  readonly built: boolean;
}

/**
 * Reads every table of the export once — window-ranked, cleaned exactly as readTable cleans — and writes the latest
 * two rows per key column by column, on this thread. Written to a scratch folder and renamed into place, so a crash
 * mid-build leaves no half cache; caches of older exports of the same file are removed after.
 */
export function buildSnapshotCache(
  warehouse: Warehouse,
  root: string,
  now: () => Date = () => new Date(),
  /** Rows per Arrow record batch (column-writer.ts); tests make it tiny to write many batches. */
  batchRows: number = DEFAULT_BATCH_ROWS,
): SnapshotCacheBuild {
  return (
    existingBuild(warehouse, root) ??
    finishBuild(warehouse, root, now, (scratch) => runCacheTasks(warehouse, scratch, allTasks(warehouse), batchRows))
  );
}

/**
 * The same cache built by `threads` connections at once (default: one per core): the tasks are shared out by their
 * measured cost (cache-table.ts), this thread takes the first share and worker threads the others. Every column
 * streams to disk batch by batch, so a thread holds a batch per column, not its tables: at a million customers the
 * two-thread build peaked at 1.4 GB (format 4, which built columns whole: 4.6 GB) — bench/README.md.
 */
export async function buildSnapshotCacheInParallel(
  warehouse: Warehouse,
  root: string,
  options: { readonly threads?: number; readonly now?: () => Date; readonly batchRows?: number } = {},
): Promise<SnapshotCacheBuild> {
  const existing = existingBuild(warehouse, root);
  if (existing) return existing;
  const shares = shareOut(cacheTasks(warehouse), options.threads ?? availableParallelism());
  const started = new Map<Worker, Promise<CacheTaskResults>>();
  let results: CacheTaskResults[] = [];
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const build = finishBuildAsync(warehouse, root, options.now ?? (() => new Date()), async (scratch) => {
    for (const share of shares.slice(1)) {
      const data: CacheTableWorkerData = { warehousePath: warehouse.path, directory: scratch, tasks: share, batchRows };
      const worker = startWorker(siblingModule(import.meta.url, 'cache-table-worker'), data);
      const result = workerResult(worker);
      // Awaited below; until then (this thread's own share may throw first) a failure must not go unhandled.
      result.catch(() => {});
      started.set(worker, result);
    }
    try {
      const own = runCacheTasks(warehouse, scratch, shares[0] ?? [], batchRows);
      results = [own, ...(await Promise.all(started.values()))];
    } finally {
      await Promise.allSettled([...started.keys()].map((worker) => worker.terminate()));
    }
    return {
      tables: Object.assign({}, ...results.map((r) => r.tables)),
      ...Object.assign({}, ...results.map((r) => (r.salesByEmail ? { salesByEmail: r.salesByEmail } : {}))),
      ...Object.assign({}, ...results.map((r) => (r.customerLookup ? { customerLookup: r.customerLookup } : {}))),
    };
  });
  return build;
}

function workerResult(worker: Worker): Promise<CacheTaskResults> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: CacheTableWorkerReply) =>
      reply.ok ? resolve(reply.results) : reject(new Error(reply.message)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a cache build thread stopped (exit code ${code})`)));
  });
}

/** Longest first, each to the least loaded share: within a table of the best split for a handful of tables. */
export function shareOut(tasks: readonly { task: CacheTask; cost: number }[], threads: number): CacheTask[][] {
  const count = Math.max(1, Math.min(threads, tasks.length));
  const shares = Array.from({ length: count }, () => ({ cost: 0, tasks: [] as CacheTask[] }));
  for (const { task, cost } of [...tasks].sort((a, b) => b.cost - a.cost)) {
    const least = shares.reduce((a, b) => (b.cost < a.cost ? b : a));
    least.tasks.push(task);
    least.cost += cost;
  }
  return shares.map((s) => s.tasks);
}

function allTasks(warehouse: Warehouse): CacheTask[] {
  return cacheTasks(warehouse).map((t) => t.task);
}

function existingBuild(warehouse: Warehouse, root: string): SnapshotCacheBuild | undefined {
  const source = sourceIdentity(warehouse.path);
  const existing = openSnapshotCache(snapshotCacheDirectory(root, source), source);
  return existing ? { cache: existing, built: false } : undefined;
}

function finishBuild(
  warehouse: Warehouse,
  root: string,
  now: () => Date,
  write: (scratch: string) => CacheTaskResults,
): SnapshotCacheBuild {
  const { scratch, started, directory, source } = startBuild(warehouse, root);
  try {
    const results = write(scratch);
    writeKeySpaces(scratch, results.tables);
    publish(scratch, directory, manifestOf(source, now, started, results));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return readBack(directory, source);
}

async function finishBuildAsync(
  warehouse: Warehouse,
  root: string,
  now: () => Date,
  write: (scratch: string) => Promise<CacheTaskResults>,
): Promise<SnapshotCacheBuild> {
  const { scratch, started, directory, source } = startBuild(warehouse, root);
  try {
    const results = await write(scratch);
    writeKeySpaces(scratch, results.tables);
    publish(scratch, directory, manifestOf(source, now, started, results));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return readBack(directory, source);
}

function startBuild(warehouse: Warehouse, root: string) {
  const source = sourceIdentity(warehouse.path);
  const directory = snapshotCacheDirectory(root, source);
  const scratch = `${directory}.building-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(scratch, { recursive: true });
  return { scratch, started: performance.now(), directory, source };
}

function manifestOf(
  source: SnapshotManifest['source'],
  now: () => Date,
  started: number,
  results: CacheTaskResults,
): SnapshotManifest {
  return {
    format: SNAPSHOT_CACHE_FORMAT,
    source,
    builtAt: now().toISOString(),
    buildMs: Math.round(performance.now() - started),
    tables: results.tables,
    ...(results.salesByEmail ? { salesByEmail: results.salesByEmail } : {}),
    ...(results.customerLookup ? { customerLookup: results.customerLookup } : {}),
  };
}

function publish(scratch: string, directory: string, manifest: SnapshotManifest): void {
  writeFileSync(join(scratch, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  try {
    renameSync(scratch, directory);
  } catch {
    // Another process finished the same cache first; theirs is as good as ours.
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readBack(directory: string, source: SnapshotManifest['source']): SnapshotCacheBuild {
  removeOlderCaches(directory, pathPrefix(source.path));
  const cache = openSnapshotCache(directory, source);
  if (!cache) throw new Error(`The snapshot cache at ${directory} could not be read back after building it`);
  return { cache, built: true };
}

/** Older exports' caches, and scratch folders of builds whose process is gone (killed or crashed mid-build). */
function removeOlderCaches(current: string, prefix: string): void {
  const root = dirname(current);
  for (const name of readdirSync(root)) {
    if (!name.startsWith(prefix) || join(root, name) === current) continue;
    const builder = /\.building-(\d+)-/.exec(name)?.[1];
    if (builder !== undefined && processAlive(Number(builder))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}
