import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether `dist/` is older than a source it is compiled from. `npm start` asks this instead of running `tsc` on
 * every start (50–60 s on a 2-core machine): `npm ci` already built dist/, so a clone starts at once, and only an
 * edited checkout pays for a rebuild.
 */
export function distIsStale(repoRoot: string): boolean {
  const built = newestChange(join(repoRoot, 'dist'));
  if (built === null) return true;
  const sources = [join(repoRoot, 'src'), join(repoRoot, 'tsconfig.json'), join(repoRoot, 'tsconfig.build.json')];
  return sources.some((path) => (newestChange(path) ?? 0) > built);
}

/** The latest modification time (ms) of a file or of any file under a directory; null when nothing is there. */
export function newestChange(path: string): number | null {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return null;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest: number | null = null;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const changed = newestChange(join(path, entry.name));
    if (changed !== null && (newest === null || changed > newest)) newest = changed;
  }
  return newest;
}
