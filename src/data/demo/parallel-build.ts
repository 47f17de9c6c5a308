import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { quoteIdentifier } from '../inspect-schema.js';
import { TABLE_IDS, type TableId, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import type { DemoShardTask } from './demo-shard-worker.js';
import {
  createDemoWriters,
  type DemoWarehouseOptions,
  type DemoWarehouseSummary,
  resolveDemoBuild,
  writeAtomically,
  writeSharedTables,
} from './generate-demo-warehouse.js';

/** Tables written per customer, so each shard holds a contiguous slice of them. */
const PER_CUSTOMER_TABLES: readonly TableId[] = ['activity', 'funnel', 'value', 'customer', 'mapping'];

/**
 * The same warehouse as `generateDemoWarehouse` (same rows, same rowids in every table), built
 * on several cores for 100k–1M customers: workers each write a contiguous range of customers
 * into a shard file, and the shards are appended in index order. Only the page layout differs
 * from a sequential build, because tables are no longer interleaved on disk; the default demo
 * is never built this way, so it stays byte-identical.
 */
export async function generateDemoWarehouseInParallel(
  path: string,
  options: DemoWarehouseOptions = {},
  workers = Math.max(1, availableParallelism()),
): Promise<DemoWarehouseSummary> {
  const build = resolveDemoBuild(options);
  const shards = Math.max(1, Math.min(workers, Math.ceil(build.customers / 1_000)));
  const tasks: DemoShardTask[] = Array.from({ length: shards }, (_, i) => ({
    path: `${path}.shard-${i}.${process.pid}.tmp`,
    build,
    from: Math.floor((build.customers * i) / shards),
    to: Math.floor((build.customers * (i + 1)) / shards),
  }));
  try {
    await Promise.all(tasks.map(runShard));
    return writeAtomically(path, (db) => {
      const writers = createDemoWriters(db, build.variant);
      for (const task of tasks) appendShard(db, task.path);
      writeSharedTables(db, writers, build);
      return Object.fromEntries(TABLE_IDS.map((id) => [id, countRows(db, id)])) as Record<TableId, number>;
    });
  } finally {
    for (const task of tasks) rmSync(task.path, { force: true });
  }
}

function runShard(task: DemoShardTask): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = startShardWorker(task);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`demo shard worker exited with ${code}`)),
    );
  });
}

/**
 * From dist the worker is plain JS. From src (vitest, tsx) it is TypeScript: a bootstrap
 * registers tsx inside the worker first, as the chart pool does, because tsx's automatic
 * registration skips worker threads on Node 20.
 */
function startShardWorker(task: DemoShardTask): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./demo-shard-worker.js', import.meta.url), { workerData: task, execArgv: [] });
  }
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./demo-shard-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: task, execArgv: [] });
}

function appendShard(db: Database.Database, shardPath: string): void {
  db.prepare('ATTACH DATABASE ? AS shard').run(shardPath);
  try {
    db.transaction(() => {
      for (const id of PER_CUSTOMER_TABLES) {
        const table = quoteIdentifier(WAREHOUSE_TABLES[id].name);
        db.exec(`INSERT INTO main.${table} SELECT * FROM shard.${table} ORDER BY rowid`);
      }
    })();
  } finally {
    db.exec('DETACH DATABASE shard');
  }
}

function countRows(db: Database.Database, id: TableId): number {
  return db
    .prepare(`SELECT COUNT(*) FROM ${quoteIdentifier(WAREHOUSE_TABLES[id].name)}`)
    .pluck()
    .get() as number;
}
