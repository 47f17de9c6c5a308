import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance, type DuckDBResult } from '@duckdb/node-api';
import { isRadarError } from '../../errors.js';
import {
  DuckdbLockedError,
  type DuckdbRead,
  DuckdbReadError,
  DuckdbTimeoutError,
  NotDuckdbError,
} from '../duckdb-errors.js';
import { WarehouseNotFoundError } from '../warehouse-errors.js';

/**
 * Read-only, and nothing but the file: no extension is downloaded or loaded (DuckDB would otherwise fetch one from
 * the network, e.g. to read a SQLite file), SQL cannot reach other files, and the settings cannot be changed back.
 */
const READ_ONLY_CONFIG: Record<string, string> = {
  access_mode: 'READ_ONLY',
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  enable_external_access: 'false',
  // A plain scan then returns rows in stored (rowid) order, which streamRows promises, without sorting.
  preserve_insertion_order: 'true',
  lock_configuration: 'true',
};

/**
 * The file checked before DuckDB sees it: DuckDB would create a missing file (not in read-only mode, but the message
 * is worse) and answers a non-DuckDB file with a generic I/O error. A DuckDB file has `DUCK` at byte 8.
 */
export function checkDuckdbFile(path: string): void {
  if (!existsSync(path)) throw new WarehouseNotFoundError(path);
  const header = Buffer.alloc(16);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new DuckdbReadError(path, describeFsError(error), { cause: error });
  }
  if (read >= 12 && header.toString('latin1', 8, 12) === 'DUCK') return;
  if (read === 0) throw new NotDuckdbError(path, 'the file is empty');
  if (header.toString('latin1', 0, 15) === 'SQLite format 3') {
    throw new NotDuckdbError(path, 'it is a SQLite file; name the file itself, Radar reads SQLite exports as they are');
  }
  throw new NotDuckdbError(path, 'it does not start with the DuckDB file header');
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return (error as Error).message;
}

/**
 * One DuckDB instance shared by the operations running at the same time and closed when the last one ends: while
 * Radar holds the file even read-only, a dbt run cannot open it for writing, so Radar holds it only while it reads.
 */
export class DuckdbInstanceHolder {
  private instance: Promise<DuckDBInstance> | undefined;
  private users = 0;

  constructor(readonly path: string) {}

  async connect(): Promise<DuckdbSession> {
    this.users++;
    try {
      this.instance ??= openInstance(this.path);
      const instance = await this.instance;
      const connection = await instance.connect();
      return new DuckdbSession(connection, () => this.release());
    } catch (error) {
      this.release();
      throw error;
    }
  }

  private release(): void {
    this.users--;
    if (this.users > 0 || this.instance === undefined) return;
    const closing = this.instance;
    this.instance = undefined;
    closing.then(
      (instance) => instance.closeSync(),
      () => undefined,
    );
  }
}

async function openInstance(path: string): Promise<DuckDBInstance> {
  try {
    return await DuckDBInstance.create(path, READ_ONLY_CONFIG);
  } catch (error) {
    throw openError(path, error);
  }
}

export function openError(path: string, error: unknown): Error {
  const message = firstLine(error);
  if (/Could not set lock on file/i.test(message)) {
    // "Conflicting lock is held in /usr/bin/python3 (PID 4242). See also …": the program and its process id.
    const holder = /Conflicting lock is held in (.+? \(PID \d+\))/.exec(message)?.[1];
    return new DuckdbLockedError(path, holder, { cause: error });
  }
  if (/not a valid DuckDB database file/i.test(message)) {
    return new NotDuckdbError(path, 'DuckDB does not recognise its content', { cause: error });
  }
  if (/database does not exist/i.test(message)) return new WarehouseNotFoundError(path);
  return new DuckdbReadError(path, message, { cause: error });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * A connection whose every round trip has a deadline. DuckDB has no statement_timeout; the connection is
 * interrupted instead, which makes the pending call fail with an INTERRUPT error, reported as a timeout.
 */
export class DuckdbSession {
  private closed = false;

  constructor(
    readonly connection: DuckDBConnection,
    private readonly onClose: () => void,
  ) {}

  async timed<T>(label: string, timeoutMs: number, what: DuckdbRead, call: () => Promise<T>): Promise<T> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.connection.interrupt();
    }, timeoutMs);
    try {
      return await call();
    } catch (error) {
      if (timedOut) throw new DuckdbTimeoutError(label, timeoutMs, what);
      if (isRadarError(error)) throw error;
      throw new DuckdbReadError(label, firstLine(error), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Ends a streaming result whether or not it was read to the end. An open stream keeps the database alive (and the
   * file locked against writers) until the garbage collector frees it; interrupting it and fetching until it reports
   * its end or the interruption releases it now, after at most the few chunks DuckDB had buffered.
   */
  async discard(result: DuckDBResult): Promise<void> {
    this.connection.interrupt();
    try {
      for (;;) {
        const chunk = await result.fetchChunk();
        if (chunk === null || chunk.rowCount === 0) return;
      }
    } catch {
      // The interruption itself, or the error that ended the read: either way the stream is closed.
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.onClose();
  }
}
