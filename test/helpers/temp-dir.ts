import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

export interface TempDir {
  readonly path: string;
  cleanup(): void;
}

/** A fresh directory under the OS temp dir; call `cleanup` yourself (for beforeAll/afterAll). */
export function createTempDir(prefix = 'radar-test-'): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A fresh directory removed when the current test finishes; call it inside a test. */
export function tempDir(prefix = 'radar-test-'): string {
  const dir = createTempDir(prefix);
  onTestFinished(dir.cleanup);
  return dir.path;
}
