#!/usr/bin/env node
// `npm start`: run the compiled app, rebuilding dist/ first only when it is missing or older than src/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const freshness = join(repoRoot, 'dist', 'cli', 'build-freshness.js');
const stale = !existsSync(freshness) || (await import(freshness)).distIsStale(repoRoot);
if (stale) {
  process.stderr.write('radar: the sources changed since the last build; compiling them first (about a minute)…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(repoRoot, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('./radar.js');
