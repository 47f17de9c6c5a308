import type { Logger } from '../../logging.js';
import { siblingModule, WorkerPool } from '../../workers/worker-pool.js';
import { snapshotCacheRoot, sourceIdentity, sourceVersion } from './snapshot-cache-location.js';
import type { SourceIdentity } from './snapshot-manifest.js';

export interface SnapshotCacheWorkerData {
  readonly warehousePath: string;
  readonly cacheRoot: string;
}

export interface SnapshotCacheBuildSummary {
  readonly directory: string;
  readonly built: boolean;
  readonly buildMs: number;
  readonly tables: readonly string[];
  /** The export the cache was built from: the file the worker opened, which may be newer than the one asked for. */
  readonly source: SourceIdentity;
}

/** What the keeper last saw, for `radar status` and the self-health check. */
export type SnapshotCacheState =
  | { readonly kind: 'not-started' | 'building' }
  | { readonly kind: 'ready'; readonly at: number }
  | { readonly kind: 'failed'; readonly at: number; readonly error: string };

export interface SnapshotCacheKeeper {
  /** Builds the cache of the current export unless it is there; resolves when done (null if the build failed). */
  refresh(): Promise<SnapshotCacheBuildSummary | null>;
  state(): SnapshotCacheState;
  close(): Promise<void>;
}

export interface SnapshotCacheKeeperOptions {
  readonly warehousePath: string;
  readonly cacheRoot?: string;
  readonly logger: Logger;
  /** How often to look for a replaced export; 0 turns the periodic look off (tests call refresh). */
  readonly checkEveryMs?: number;
  /** Waited for before the first build, so the first slash commands are answered first (serve.ts). */
  readonly startAfter?: Promise<void>;
}

/**
 * Keeps a snapshot cache of the current export, built in a worker thread: at a million customers a build takes
 * minutes of SQLite sorting, which must hold neither acks nor answers. It is `radar prepare`'s streaming build on
 * one thread (snapshot-cache-worker.ts): a second build thread would take the core the command workers answer on. Until it is ready, commands read SQLite (slower,
 * same numbers); command workers attach the cache by themselves once its manifest appears.
 */
export function keepSnapshotCacheFresh(options: SnapshotCacheKeeperOptions): SnapshotCacheKeeper {
  const cacheRoot = snapshotCacheRoot(options.cacheRoot);
  const pool = new WorkerPool<null, SnapshotCacheBuildSummary>({
    entry: siblingModule(import.meta.url, 'snapshot-cache-worker'),
    size: 1,
    workerData: { warehousePath: options.warehousePath, cacheRoot } satisfies SnapshotCacheWorkerData,
    failure: (message, cause) => new Error(`The snapshot cache build failed: ${message}`, { cause }),
  });
  let running: Promise<SnapshotCacheBuildSummary | null> | undefined;
  let readyFor: string | undefined;
  let state: SnapshotCacheState = { kind: 'not-started' };

  const currentVersion = (): string | undefined => {
    try {
      return sourceVersion(sourceIdentity(options.warehousePath));
    } catch {
      return undefined;
    }
  };

  const refresh = (): Promise<SnapshotCacheBuildSummary | null> => {
    if (running) return running;
    const version = currentVersion();
    if (version === undefined || version === readyFor) return Promise.resolve(null);
    const started = performance.now();
    state = { kind: 'building' };
    options.logger.info({ warehouse: options.warehousePath, cacheRoot }, 'preparing the snapshot cache');
    running = pool
      .run(null)
      .then((summary) => {
        readyFor = sourceVersion(summary.source);
        state = { kind: 'ready', at: Date.now() };
        options.logger.info(
          { ...summary, ms: Math.round(performance.now() - started) },
          summary.built ? 'snapshot cache built' : 'snapshot cache already there',
        );
        return summary;
      })
      .catch((error: unknown) => {
        if (pool.closed) return null;
        options.logger.warn(
          { err: error },
          'could not build the snapshot cache; commands keep reading the warehouse directly (slower, same numbers)',
        );
        readyFor = version;
        state = { kind: 'failed', at: Date.now(), error: error instanceof Error ? error.message : String(error) };
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const checkEveryMs = options.checkEveryMs ?? 60_000;
  const timer = checkEveryMs > 0 ? setInterval(() => void refresh(), checkEveryMs) : undefined;
  timer?.unref();
  void (options.startAfter ?? Promise.resolve()).then(() => (pool.closed ? null : refresh()));
  return {
    refresh,
    state: () => state,
    async close() {
      if (timer) clearInterval(timer);
      await pool.close();
    },
  };
}
