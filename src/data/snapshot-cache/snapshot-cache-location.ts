import { createHash } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { SNAPSHOT_CACHE_FORMAT, type SourceIdentity } from './snapshot-manifest.js';

const REPLICA_LINK = /[/\\]replicas[/\\][0-9a-f]+\.current\.sqlite$/;

/**
 * Where snapshot caches live unless RADAR_CACHE_DIR says otherwise: derived files (about a fifth of the export's
 * size) that can always be rebuilt, so the OS temp dir rather than next to Radar's state.
 */
export function snapshotCacheRoot(configured?: string): string {
  return configured ?? process.env.RADAR_CACHE_DIR?.trim() ?? join(tmpdir(), 'radar-snapshot-cache');
}

export function sourceIdentity(warehousePath: string): SourceIdentity {
  // A database source's replica link keeps its own path (one cache folder prefix per source, so a rebuild removes
  // the caches of older replicas); the stat is the replica it points at. Any other path is resolved.
  const path = REPLICA_LINK.test(warehousePath)
    ? join(realpathSync(dirname(warehousePath)), basename(warehousePath))
    : realpathSync(warehousePath);
  const stat = statSync(path);
  return { path, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
}

/** One version of one file as a string: equal strings, same file and version. */
export function sourceVersion(source: SourceIdentity): string {
  return `${source.path}:${source.size}:${source.mtimeMs}:${source.ino}`;
}

/** Whether two stats name the same version of the same file. */
export function sameSource(a: SourceIdentity, b: SourceIdentity): boolean {
  return sourceVersion(a) === sourceVersion(b);
}

/** `<hash of the path>-<hash of this version of the file>`: one folder per export, siblings per older export. */
export function snapshotCacheDirectory(root: string, source: SourceIdentity): string {
  return join(root, `${pathPrefix(source.path)}${versionHash(source)}`);
}

export function pathPrefix(path: string): string {
  return `${digest(path)}-`;
}

function versionHash(source: SourceIdentity): string {
  return digest(`${source.size}:${source.mtimeMs}:${source.ino}:${SNAPSHOT_CACHE_FORMAT}`);
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
