import { sameSource, sourceIdentity } from './snapshot-cache/snapshot-cache-location.js';
import type { SourceIdentity } from './snapshot-cache/snapshot-manifest.js';
import { WarehouseChangingError, WarehouseNotFoundError } from './warehouse-errors.js';

/** How many times an export replaced while it was being opened is opened again before giving up. */
const OPEN_ATTEMPTS = 5;

/** Stats a path as the snapshot cache names files (sourceIdentity); tests inject one that swaps the file mid-open. */
export type StatSource = (path: string) => SourceIdentity;

/**
 * Opens `path` with `open` and returns it with the identity of the file it holds. The path is stat'ed before the
 * open and again after it: when both name the same file, that is the file opened (an export job renames a new file
 * into place; an open descriptor keeps reading the old one). When they differ the file was swapped mid-open, so it
 * is opened again, a few times at most.
 */
export function openSettledFile<T extends { close(): void }>(
  path: string,
  open: (identity: SourceIdentity) => T,
  statSource: StatSource = sourceIdentity,
): T {
  for (let attempt = 1; ; attempt++) {
    const before = statOrExplain(path, statSource);
    const opened = open(before);
    const after = statOrExplain(path, statSource, () => opened.close());
    if (sameSource(before, after)) return opened;
    opened.close();
    if (attempt === OPEN_ATTEMPTS) throw new WarehouseChangingError(path);
  }
}

/** The file's identity; gone between two steps of an open (an export job mid-swap) reads as not found. */
function statOrExplain(path: string, statSource: StatSource, cleanup?: () => void): SourceIdentity {
  try {
    return statSource(path);
  } catch (error) {
    cleanup?.();
    if ((error as { code?: unknown } | null)?.code === 'ENOENT') throw new WarehouseNotFoundError(path);
    throw error;
  }
}
