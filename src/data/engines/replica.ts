import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { quoteIdentifier } from '../inspect-schema.js';
import { processAlive } from '../process-alive.js';
import { TABLE_IDS, WAREHOUSE_TABLES } from '../warehouse-schema.js';
import { REPLICA_TABLE_PREFIX, writeReplicaMetadata } from './replica-metadata.js';
import type { EngineColumn, FingerprintTarget, WarehouseEngine } from './warehouse-engine.js';

/** Bump when the replica's layout changes: older replicas are then rebuilt rather than misread. */
const REPLICA_FORMAT = 1;
const DEFAULT_BATCH_ROWS = 5_000;

export interface ReplicaPlanTable {
  readonly name: string;
  readonly columns: readonly EngineColumn[];
}

/** What a replica of the source holds now: the tables and columns Radar reads, and the source's fingerprint. */
export interface ReplicaPlan {
  readonly tables: readonly ReplicaPlanTable[];
  readonly otherTables: readonly string[];
  readonly fingerprint: string;
  readonly fingerprintAt: string;
  /** Changes exactly when the replica would differ: the fingerprint, the tables/columns copied, the format. */
  readonly version: string;
}

export interface Replica {
  /** The current replica, a stable path (a link to the versioned file): open this; it follows rebuilds. */
  readonly currentPath: string;
  /** The versioned file the link points at. */
  readonly path: string;
  readonly version: string;
  /** False when a replica of this version already existed. */
  readonly built: boolean;
}

export interface ReplicaOptions {
  /** RADAR_CACHE_DIR (or the OS temp dir): replicas live in its `replicas` folder, private to this user. */
  readonly cacheRoot: string;
  readonly now?: () => Date;
  readonly batchRows?: number;
}

export function replicaDirectory(cacheRoot: string): string {
  return join(cacheRoot, 'replicas');
}

/** The stable path of a source's current replica (it exists once a first replica was built). */
export function currentReplicaPath(cacheRoot: string, label: string): string {
  return join(replicaDirectory(cacheRoot), `${digest(label)}.current.sqlite`);
}

/**
 * Lists the source and reads its fingerprint (two cheap queries): enough to know whether the current replica is
 * still the source's data. Only tables and columns of the warehouse schema are planned; a table or column the source
 * lacks is simply absent from the replica, so it is reported exactly as a SQLite export lacking it.
 */
export async function planReplica(engine: WarehouseEngine, now: () => Date = () => new Date()): Promise<ReplicaPlan> {
  const listed = await engine.listTables();
  const byLowerName = new Map(listed.map((t) => [t.name.toLowerCase(), t]));
  const known = new Set<string>();
  const tables: ReplicaPlanTable[] = [];
  const targets: FingerprintTarget[] = [];
  for (const id of TABLE_IDS) {
    const definition = WAREHOUSE_TABLES[id];
    known.add(definition.name.toLowerCase());
    const table = byLowerName.get(definition.name.toLowerCase());
    if (table === undefined) continue;
    const wanted = new Set(Object.keys(definition.columns));
    const columns = table.columns.filter((c) => wanted.has(c.name.toLowerCase()));
    tables.push({ name: table.name, columns });
    const snapshot = 'snapshot' in definition ? definition.snapshot : undefined;
    const snapshotColumn = snapshot && columns.find((c) => c.name.toLowerCase() === snapshot.timestamp)?.name;
    targets.push(snapshotColumn === undefined ? { table: table.name } : { table: table.name, snapshotColumn });
  }
  const fingerprintAt = now().toISOString();
  const fingerprint = await engine.fingerprint(targets);
  const otherTables = listed
    .map((t) => t.name)
    .filter((name) => !known.has(name.toLowerCase()))
    .sort();
  const version = digest(JSON.stringify([REPLICA_FORMAT, engine.kind, fingerprint, tables, otherTables]));
  return { tables, otherTables, fingerprint, fingerprintAt, version };
}

/**
 * Makes the current replica of the source match it: reuses the replica of this version when one exists, otherwise
 * copies the planned columns in stored order into a private SQLite file (0600 in a 0700 folder) inside one
 * transaction, renames it into place, repoints the stable link, and removes the source's older replicas (a process
 * still reading one keeps its open file until it moves on).
 */
export async function refreshReplica(
  engine: WarehouseEngine,
  options: ReplicaOptions,
  plan?: ReplicaPlan,
): Promise<Replica> {
  const now = options.now ?? (() => new Date());
  const current = plan ?? (await planReplica(engine, now));
  const directory = replicaDirectory(options.cacheRoot);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  chmodSync(directory, 0o700);
  const prefix = `${digest(engine.label)}-`;
  removeAbandonedCopies(directory, digest(engine.label));
  const path = join(directory, `${prefix}${current.version}.sqlite`);
  let built = false;
  if (!existsSync(path)) {
    await writeReplica(engine, current, path, now, options.batchRows ?? DEFAULT_BATCH_ROWS);
    built = true;
  }
  const currentPath = currentReplicaPath(options.cacheRoot, engine.label);
  pointAt(currentPath, basename(path));
  for (const name of readdirSync(directory)) {
    if (name.startsWith(prefix) && name.endsWith('.sqlite') && name !== basename(path)) {
      rmSync(join(directory, name), { force: true });
    }
  }
  return { currentPath, path, version: current.version, built };
}

/**
 * Temp files of this source whose writer is gone: a copy (`.<source>-<version>.sqlite.<pid>.<uuid>.building`, as big
 * as the replica) or a link being repointed (`<source>.current.sqlite.<pid>.<uuid>`) that a killed or crashed
 * process left behind. Another live process's temp files are its work in progress and stay.
 */
function removeAbandonedCopies(directory: string, source: string): void {
  for (const name of readdirSync(directory)) {
    const writer =
      name.startsWith(`.${source}-`) && name.endsWith('.building')
        ? /\.(\d+)\.[0-9a-f-]{36}\.building$/.exec(name)?.[1]
        : name.startsWith(`${source}.current.sqlite.`)
          ? /\.(\d+)\.[0-9a-f-]{36}$/.exec(name)?.[1]
          : undefined;
    if (writer === undefined || Number(writer) === process.pid || processAlive(Number(writer))) continue;
    rmSync(join(directory, name), { force: true });
  }
}

/** The version the stable link points at now, or undefined before the first replica. */
export function currentReplicaVersion(cacheRoot: string, label: string): string | undefined {
  try {
    const target = readlinkSync(currentReplicaPath(cacheRoot, label));
    return /-([0-9a-f]+)\.sqlite$/.exec(target)?.[1];
  } catch {
    return undefined;
  }
}

async function writeReplica(
  engine: WarehouseEngine,
  plan: ReplicaPlan,
  path: string,
  now: () => Date,
  batchRows: number,
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomUUID()}.building`);
  // Created 0600 before SQLite opens it, so the copy is never readable by others, not even for a moment.
  closeSync(openSync(temp, 'wx', 0o600));
  const db = new Database(temp);
  try {
    // A temp file that a crash leaves behind is simply rebuilt: no journal needed.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('BEGIN');
    const columnTypes = new Map<string, Map<string, string>>();
    for (const table of plan.tables) {
      columnTypes.set(table.name, new Map(table.columns.map((c) => [c.name, c.type])));
      await copyTable(db, engine, table, batchRows);
    }
    writeReplicaMetadata(db, {
      kind: engine.kind,
      label: engine.label,
      fingerprint: plan.fingerprint,
      fingerprintAt: plan.fingerprintAt,
      builtAt: now().toISOString(),
      session: (await engine.describeSession?.()) ?? '',
      otherTables: plan.otherTables,
      columnTypes,
    });
    db.exec('COMMIT');
    db.close();
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    if (db.open) db.close();
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * Columns are declared without a type, so SQLite applies no affinity: a text value stays text, a number a number,
 * exactly as the source holds them (the cleaning rules then see what they would see in an export).
 */
async function copyTable(
  db: Database.Database,
  engine: WarehouseEngine,
  table: ReplicaPlanTable,
  batchRows: number,
): Promise<void> {
  const names = table.columns.map((c) => c.name);
  // SQLite needs one column; a table holding none Radar reads still keeps its row count.
  const declared = names.length === 0 ? [`${REPLICA_TABLE_PREFIX}row`] : names;
  db.exec(`CREATE TABLE ${quoteIdentifier(table.name)} (${declared.map(quoteIdentifier).join(', ')})`);
  const insert = db.prepare(
    `INSERT INTO ${quoteIdentifier(table.name)} (${declared.map(quoteIdentifier).join(', ')}) VALUES (${declared.map(() => '?').join(', ')})`,
  );
  // better-sqlite3 binds every JS number as REAL; an integer column's values must stay INTEGER, as in an export.
  const integer = table.columns.map((c) => INTEGER_TYPE.test(c.type));
  for await (const batch of engine.streamRows(table.name, names, batchRows)) {
    for (const row of batch) {
      insert.run(names.length === 0 ? [null] : row.map((value, i) => toSqliteValue(value, integer[i] === true)));
    }
  }
}

const INTEGER_TYPE = /int|serial/i;

function toSqliteValue(value: unknown, integerColumn: boolean): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'number':
      return integerColumn && Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'string':
    case 'bigint':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    default:
      if (value instanceof Date) return value.toISOString();
      if (Buffer.isBuffer(value)) return value;
      return String(value);
  }
}

/** Repoints the link in one rename, so a reader opens either the old replica or the new one, never neither. */
function pointAt(link: string, target: string): void {
  try {
    if (readlinkSync(link) === target) return;
  } catch {
    // No link yet.
  }
  const temp = `${link}.${process.pid}.${randomUUID()}`;
  symlinkSync(target, temp);
  renameSync(temp, link);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
