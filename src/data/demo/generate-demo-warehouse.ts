import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { TABLE_IDS, type TableId } from '../warehouse-schema.js';
import { buildActivityRows } from './activity-rows.js';
import { generateAddressRows } from './address-rows.js';
import { buildCustomerProfile } from './customer-profile.js';
import { buildCustomerRows, buildMappingRows } from './customer-rows.js';
import { buildFunnelRows } from './funnel-rows.js';
import { buildNetsuiteRows } from './netsuite-rows.js';
import { DEFAULT_CUSTOMERS, PopulationPlan } from './population-plan.js';
import { TableWriter } from './table-writer.js';
import { buildValueRows } from './value-rows.js';

export const DEMO_VARIANTS = ['full', 'empty-activity-funnel'] as const;
/**
 * `full` is the DB-054/055-like warehouse with every table populated; `empty-activity-funnel`
 * is the DB-056 profile, where the activity and funnel tables exist with their columns but no rows.
 */
export type DemoVariant = (typeof DEMO_VARIANTS)[number];

/** The data date as a number; any seed works, this one is what the bundled demo uses. */
export const DEFAULT_DEMO_SEED = 20_261_116;

export interface DemoWarehouseOptions {
  readonly seed?: number;
  /** Distinct customers (cleaned emails) in the value table; default 4,734 as in DB-055/056. */
  readonly customers?: number;
  readonly variant?: DemoVariant;
  /** Called after each batch of customers with the share written so far (0–1), for a progress line. */
  readonly onProgress?: (share: number) => void;
}

export interface DemoWarehouseSummary {
  readonly path: string;
  readonly rowCounts: Readonly<Record<TableId, number>>;
}

/** Customers per transaction: large enough to amortise commits, small enough to keep memory flat. */
const CUSTOMERS_PER_TRANSACTION = 1_000;

export type DemoWriters = { readonly [T in TableId]: TableWriter<T> };

/** Resolved options, validated once. */
export interface DemoBuild {
  readonly seed: number;
  readonly customers: number;
  readonly variant: DemoVariant;
}

export function resolveDemoBuild(options: DemoWarehouseOptions): DemoBuild {
  const variant = options.variant ?? 'full';
  if (!DEMO_VARIANTS.includes(variant)) throw new RangeError(`unknown demo variant '${String(variant)}'`);
  return { seed: options.seed ?? DEFAULT_DEMO_SEED, customers: options.customers ?? DEFAULT_CUSTOMERS, variant };
}

/**
 * Writes a fresh demo warehouse. The same seed and options always give a byte-identical
 * file: every value comes from seeded streams and fixed dates, and rows are inserted in a
 * fixed order. Work happens in a temporary file in the same directory that is renamed over
 * `path` at the end, so a crash never leaves half a warehouse where a reader would open it.
 */
export function generateDemoWarehouse(path: string, options: DemoWarehouseOptions = {}): DemoWarehouseSummary {
  const build = resolveDemoBuild(options);
  const plan = new PopulationPlan(build.customers, build.seed);
  return writeAtomically(path, (db) => {
    const writers = createDemoWriters(db);
    writeCustomerRange(db, writers, build, plan, 0, build.customers, options.onProgress);
    writeSharedTables(db, writers, build);
    return Object.fromEntries(TABLE_IDS.map((id) => [id, writers[id].rowCount])) as Record<TableId, number>;
  });
}

/** Runs `fill` on a private temporary SQLite file next to `path`, then renames it into place. */
export function writeAtomically(
  path: string,
  fill: (db: Database.Database) => Record<TableId, number>,
): DemoWarehouseSummary {
  mkdirSync(dirname(path), { recursive: true });
  rmSync(path, { force: true });
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  const db = openForBuilding(tempPath);
  try {
    const rowCounts = fill(db);
    db.close();
    renameSync(tempPath, path);
    return { path, rowCounts };
  } catch (error) {
    if (db.open) db.close();
    rmSync(tempPath, { force: true });
    throw error;
  }
}

/** No journal and no fsync: the file is private until the rename, so a crash costs only a retry. */
export function openForBuilding(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  return db;
}

/** Creates the seven tables (in a fixed order, so the schema pages are identical) and their writers. */
export function createDemoWriters(db: Database.Database): DemoWriters {
  return {
    activity: new TableWriter(db, 'activity'),
    funnel: new TableWriter(db, 'funnel'),
    value: new TableWriter(db, 'value'),
    customer: new TableWriter(db, 'customer'),
    mapping: new TableWriter(db, 'mapping'),
    address: new TableWriter(db, 'address'),
    netsuite: new TableWriter(db, 'netsuite'),
  };
}

/** The per-customer tables for customers [from, to), in index order, one transaction per batch. */
export function writeCustomerRange(
  db: Database.Database,
  writers: DemoWriters,
  build: DemoBuild,
  plan: PopulationPlan,
  from: number,
  to: number,
  onProgress?: (share: number) => void,
): void {
  const { seed, variant } = build;
  const writeBatch = db.transaction((start: number, end: number) => {
    for (let index = start; index < end; index++) {
      const profile = buildCustomerProfile(seed, plan, index);
      writers.value.insertAll(buildValueRows(seed, plan, profile));
      if (variant === 'full') {
        writers.activity.insertAll(buildActivityRows(seed, profile));
        writers.funnel.insertAll(buildFunnelRows(seed, profile));
      }
      writers.customer.insertAll(buildCustomerRows(seed, profile));
      writers.mapping.insertAll(buildMappingRows(seed, profile));
    }
  });
  for (let start = from; start < to; start += CUSTOMERS_PER_TRANSACTION) {
    writeBatch(start, Math.min(to, start + CUSTOMERS_PER_TRANSACTION));
    onProgress?.((Math.min(to, start + CUSTOMERS_PER_TRANSACTION) - from) / (to - from));
  }
}

/** The tables not keyed by customer index (the address mart and NetSuite), written after every customer. */
export function writeSharedTables(db: Database.Database, writers: DemoWriters, build: DemoBuild): void {
  db.transaction(() => {
    writers.address.insertAll(generateAddressRows(build.seed, build.customers));
    writers.netsuite.insertAll(buildNetsuiteRows(build.seed));
  })();
}
