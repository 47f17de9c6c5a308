import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { UnsupportedSourceError } from '../warehouse-source-errors.js';
import type { EngineKind } from './warehouse-engine.js';

export type SourceKind = 'sqlite' | EngineKind;

export interface SourceLocation {
  readonly kind: SourceKind;
  /** The file path, or the URL as given (with its password: only the engine sees it). */
  readonly location: string;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
const DUCKDB_MAGIC = Buffer.from('DUCK', 'latin1');

/**
 * What RADAR_WAREHOUSE / --warehouse names, from the URL scheme or the file's first bytes (never the extension
 * alone: a renamed file is judged by what it holds). A missing, empty or foreign file is left to the SQLite opener,
 * whose messages for those cases already exist; only a `.duckdb` name on a non-DuckDB file is refused here.
 */
export function recogniseSource(value: string): SourceLocation {
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', location: value };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme !== null) {
    throw new UnsupportedSourceError(`${scheme[1]}://…`, `Radar has no ${scheme[1]} engine`);
  }
  if (!existsSync(value) || !statSync(value).isFile()) return { kind: 'sqlite', location: value };
  const header = readStart(value, 16);
  if (header.length >= 16 && header.subarray(0, 16).equals(SQLITE_MAGIC)) return { kind: 'sqlite', location: value };
  if (header.length >= 12 && header.subarray(8, 12).equals(DUCKDB_MAGIC)) return { kind: 'duckdb', location: value };
  if (extname(value).toLowerCase() === '.duckdb') {
    throw new UnsupportedSourceError(value, 'the file is named .duckdb but its header is not a DuckDB database header');
  }
  // Anything else goes to the SQLite opener, whose "is not a SQLite database" message lists what Radar reads.
  return { kind: 'sqlite', location: value };
}

function readStart(path: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}
