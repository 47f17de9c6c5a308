import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DEMO_GENERATOR_VERSION,
  defaultDemoDirectory,
  demoWarehouseFileName,
  ensureDemoWarehouse,
} from '../../../src/data/demo/demo-warehouse-path.js';
import { tempDir } from '../../helpers/temp-dir.js';

const run = promisify(execFile);
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');

describe('data/demo/demo-warehouse-path', () => {
  it('puts the cache under <repo root>/.radar/demo with the generator version in the name', () => {
    expect(defaultDemoDirectory()).toBe(join(repoRoot, '.radar', 'demo'));
    expect(demoWarehouseFileName('full')).toBe(`demo-v${DEMO_GENERATOR_VERSION}-full.sqlite`);
    expect(demoWarehouseFileName('empty-activity-funnel')).toBe(
      `demo-v${DEMO_GENERATOR_VERSION}-empty-activity-funnel.sqlite`,
    );
  });

  it('generates on first use and reuses the file afterwards', () => {
    const dir = tempDir();
    const path = ensureDemoWarehouse('empty-activity-funnel', dir);
    expect(path).toBe(join(dir, demoWarehouseFileName('empty-activity-funnel')));
    const firstWrite = statSync(path).mtimeMs;
    expect(ensureDemoWarehouse('empty-activity-funnel', dir)).toBe(path);
    expect(statSync(path).mtimeMs).toBe(firstWrite);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) FROM customer360__customer_value_analysis').pluck().get()).toBe(5_001);
      expect(db.prepare('SELECT COUNT(*) FROM customer360__customer_activity_metrics').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('survives two processes building the same file at once', async () => {
    const dir = tempDir();
    const script = join(dir, 'build.mts');
    const modulePath = join(repoRoot, 'src/data/demo/demo-warehouse-path.ts');
    writeFileSync(
      script,
      `import { ensureDemoWarehouse } from ${JSON.stringify(modulePath)};\nconsole.log(ensureDemoWarehouse('full', ${JSON.stringify(dir)}));\n`,
    );
    const build = () => run(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot });
    const [a, b] = await Promise.all([build(), build()]);
    const expected = join(dir, demoWarehouseFileName('full'));
    expect(a.stdout.trim()).toBe(expected);
    expect(b.stdout.trim()).toBe(expected);
    expect(existsSync(expected)).toBe(true);
    // Only the finished warehouse and the script remain: no half-written or temporary files.
    expect(readdirSync(dir).sort()).toEqual(['build.mts', demoWarehouseFileName('full')].sort());
    const db = new Database(expected, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT COUNT(*) FROM netsuite2_customer_analytics').pluck().get()).toBe(149);
    } finally {
      db.close();
    }
  });
});
