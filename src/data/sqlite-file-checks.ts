import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import {
  CorruptWarehouseError,
  NotSqliteError,
  WarehouseLockedError,
  WarehouseNotFoundError,
} from './warehouse-errors.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * The common broken exports (missing, a directory, empty, not SQLite, truncated), told apart before SQLite opens
 * the file, so that each gets a message a person can act on rather than SQLite's generic refusal.
 */
export function checkSqliteFile(path: string): void {
  if (!existsSync(path)) throw new WarehouseNotFoundError(path);
  const stat = statSync(path);
  if (!stat.isFile()) throw new NotSqliteError(path, 'it is a directory, not a file');
  if (stat.size === 0) throw new NotSqliteError(path, 'the file is empty');
  const header = readHeader(path);
  if (!header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new NotSqliteError(path, 'its first bytes are not the SQLite header');
  }
  const pageSize = decodePageSize(header);
  const declaredPages = header.readUInt32BE(28);
  if (pageSize > 0 && declaredPages > 0 && stat.size < pageSize * declaredPages) {
    throw new CorruptWarehouseError(
      path,
      `the file is ${stat.size} bytes but its header declares ${declaredPages} pages of ${pageSize} bytes: it is truncated`,
    );
  }
}

function readHeader(path: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function decodePageSize(header: Buffer): number {
  const raw = header.readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** SQLite's error codes as the warehouse errors users are shown; other errors pass through. */
export function translateSqliteError(path: string, error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return new NotSqliteError(path, 'SQLite refused to read it');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_INDEX' || code === 'SQLITE_CORRUPT_VTAB') {
    return new CorruptWarehouseError(path, 'SQLite reports a malformed database image', { cause: error });
  }
  if (code === 'SQLITE_CANTOPEN') return new WarehouseNotFoundError(path);
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code))
    return new WarehouseLockedError(path, { cause: error });
  return error;
}
