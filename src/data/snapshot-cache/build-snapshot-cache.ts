import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { taskResultOf } from '../../workers/one-task-reply.js';
import { siblingModule, startWorker } from '../../workers/worker-pool.js';
import type { Warehouse } from '../open-warehouse.js';
import { processAlive } from '../process-alive.js';
import { type CacheTask, type CacheTaskResults, cacheTasks, runCacheTasks } from './cache-table.js';
import type { CacheTableWorkerData } from './cache-table-worker.js';
import { DEFAULT_BATCH_ROWS } from './column-writer.js';
import { writeKeySpaces } from './key-spaces.js';
import { writeKeySpacesInParallel } from './key-spaces-in-parallel.js';
import { MANIFEST_FILE, openSnapshotCache, type SnapshotCache } from './snapshot-cache.js';
import { pathPrefix, snapshotCacheDirectory } from './snapshot-cache-location.js';
import { SNAPSHOT_CACHE_FORMAT, type SnapshotManifest } from './snapshot-manifest.js';
import { writeCohortGeography } from './write-cohort-geography.js';
import { writeInvestmentSales } from './write-investment-sales.js';

export interface SnapshotCacheBuild {
  readonly cache: SnapshotCache;
  /** False when a complete cache of this export was already there. */
  readonly built: boolean;
}

/**
 * Ranks every table of the export — cleaned exactly as readTable cleans, one pass per table (cache-table.ts) — and
 * writes the latest two rows per key column by column, on this thread. Written to a scratch folder and renamed into place, so a crash
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
 * The same cache built by `threads` connections at once (default: one per core): this thread and worker threads
 * take the tasks one at a time, longest first by their cost estimate (cache-table.ts), each the next one left when
 * it finishes the last, so an added kind of task needs no change here. Every column streams to disk batch by batch,
 * so a thread holds a batch per column, not its tables (bench/README.md).
 */
export async function buildSnapshotCacheInParallel(
  warehouse: Warehouse,
  root: string,
  options: { readonly threads?: number; readonly now?: () => Date; readonly batchRows?: number } = {},
): Promise<SnapshotCacheBuild> {
  const existing = existingBuild(warehouse, root);
  if (existing) return existing;
  const tasks = longestFirst(cacheTasks(warehouse));
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), tasks.length));
  const claim = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const started = new Map<Worker, Promise<CacheTaskResults>>();
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  return finishBuildAsync(warehouse, root, options.now ?? (() => new Date()), async (scratch) => {
    let results: CacheTaskResults[];
    for (let t = 1; t < threads; t++) {
      const data: CacheTableWorkerData = {
        warehousePath: warehouse.path,
        identity: warehouse.identity,
        directory: scratch,
        tasks,
        batchRows,
        claim,
      };
      const worker = startWorker(siblingModule(import.meta.url, 'cache-table-worker'), data);
      const result = taskResultOf<CacheTaskResults>(worker, 'a cache build thread');
      // Awaited below; until then (this thread's own tasks may throw first) a failure must not go unhandled.
      result.catch(() => {});
      started.set(worker, result);
    }
    try {
      const own = runCacheTasks(warehouse, scratch, tasks, batchRows, claim);
      results = [own, ...(await Promise.all(started.values()))];
    } catch (error) {
      // Stop the other threads taking more tasks: the build is lost.
      Atomics.store(claim, 0, tasks.length);
      throw error;
    } finally {
      await Promise.allSettled([...started.keys()].map((worker) => worker.terminate()));
    }
    // Each thread's tables, and whatever else its tasks wrote into the manifest (one field per kind of task).
    return { ...Object.assign({}, ...results), tables: Object.assign({}, ...results.map((r) => r.tables)) };
  });
}

/** The tasks by estimated cost, longest first: the threads take them in this order. */
export function longestFirst(tasks: readonly { task: CacheTask; cost: number }[]): CacheTask[] {
  return [...tasks].sort((a, b) => b.cost - a.cost).map((t) => t.task);
}

function allTasks(warehouse: Warehouse): CacheTask[] {
  return cacheTasks(warehouse).map((t) => t.task);
}

function existingBuild(warehouse: Warehouse, root: string): SnapshotCacheBuild | undefined {
  const source = warehouse.identity;
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
    publish(warehouse, scratch, directory, manifestOf(source, now, started, results));
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
    await writeKeySpacesInParallel(scratch, results.tables);
    publish(warehouse, scratch, directory, manifestOf(source, now, started, results));
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return readBack(directory, source);
}

function startBuild(warehouse: Warehouse, root: string) {
  // The file this connection reads, not a fresh stat of the path: a new export renamed into place meanwhile gets
  // its own cache, and this one stays filed under the export its rows came from.
  const source = warehouse.identity;
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
    ...results,
  };
}

function publish(warehouse: Warehouse, scratch: string, directory: string, manifest: SnapshotManifest): void {
  writeInvestmentSales(warehouse, scratch, manifest);
  writeCohortGeography(warehouse, scratch, manifest);
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
