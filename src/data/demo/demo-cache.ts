import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoVariant, DemoWarehouseSummary } from './generate-demo-warehouse.js';
import { generateDemoWarehouseInParallel } from './parallel-build.js';

/** Where large demo warehouses live: gigabytes at 1M customers, so outside the repository. */
export function scaledDemoDirectory(): string {
  return join(tmpdir(), 'radar-demo-cache');
}

/**
 * A digest of the generator's own source (this folder plus the warehouse schema), as loaded:
 * any edit to a row builder changes it, so a cached warehouse is rebuilt without anyone
 * remembering to bump DEMO_GENERATOR_VERSION.
 */
export function demoGeneratorHash(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // From dist/, hash the TypeScript sources when the checkout has them, so tsx and compiled runs share the cache.
  const sources = join(here, '..', '..', '..', 'src', 'data', 'demo');
  const fromSources = import.meta.url.endsWith('.ts') || existsSync(join(sources, 'demo-cache.ts'));
  const dir = import.meta.url.endsWith('.ts') ? here : fromSources ? sources : here;
  const extension = fromSources ? '.ts' : '.js';
  const files = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith(extension) && !name.endsWith(`.d${extension}`))
      .sort()
      .map((name) => join(dir, name)),
    join(dir, '..', `warehouse-schema${extension}`),
  ];
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export interface ScaledDemo {
  readonly path: string;
  /** False when the cached file was reused. */
  readonly built: boolean;
  readonly buildMs: number;
  readonly summary?: DemoWarehouseSummary;
}

/**
 * The demo warehouse at `customers`, built in parallel on first use and cached under the OS
 * temp dir, keyed on the generator hash; older builds for the same size are deleted.
 */
export async function ensureScaledDemoWarehouse(
  customers: number,
  variant: DemoVariant = 'full',
  directory = scaledDemoDirectory(),
): Promise<ScaledDemo> {
  const suffix = `-${customers}-${variant}.sqlite`;
  const path = join(directory, `demo-${demoGeneratorHash()}${suffix}`);
  if (existsSync(path)) return { path, built: false, buildMs: 0 };
  mkdirSync(directory, { recursive: true });
  for (const name of readdirSync(directory)) {
    if (name.startsWith('demo-') && name.endsWith(suffix)) rmSync(join(directory, name), { force: true });
  }
  const started = performance.now();
  const summary = await generateDemoWarehouseInParallel(path, { customers, variant });
  return { path, built: true, buildMs: performance.now() - started, summary };
}
