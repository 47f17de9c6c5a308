import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCommandHelp } from '../src/commands/command-help.js';
import { COMMANDS } from '../src/commands/index.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** Every file under `dir` (relative to the repo), skipping vendored copies of third-party files. */
function filesUnder(dir: string): string[] {
  const root = join(repoRoot, dir);
  if (!existsSync(root)) return [];
  if (statSync(root).isFile()) return [dir];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(join(repoRoot, path)).isFile() && !path.includes('vendor'));
}

describe('the repository is self-contained', () => {
  it('no source, test or document refers to the shared folder beside the clone (a fresh clone has none)', () => {
    const offenders = ['src', 'test', 'docs', 'bench', 'README.md']
      .flatMap(filesUnder)
      .filter((path) => !path.endsWith('.png') && !path.endsWith('.sqlite'))
      .filter((path) => readFileSync(join(repoRoot, path), 'utf8').includes(['..', 'shared'].join('/')));
    expect(offenders).toEqual([]);
  });

  it('documents the methods in the repo, one section per command, and the README links there', () => {
    const methods = readFileSync(join(repoRoot, 'docs/methods.md'), 'utf8');
    for (const command of [
      'priority',
      'customer',
      'segment-anomalies',
      'investment-mismatch',
      'value-segments',
      'conversion-cohort',
      'radar',
    ]) {
      expect(methods).toContain(`\n## /${command}\n`);
    }
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('(docs/methods.md)');
  });

  it("links each command's help to its section of docs/methods.md", () => {
    const headings = readFileSync(join(repoRoot, 'docs/methods.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## /'))
      .map((line) => line.slice('## /'.length));
    for (const command of COMMANDS) {
      const anchor = /docs\/methods\.md#([\w-]+)/.exec(formatCommandHelp(command))?.[1];
      expect(headings).toContain(anchor);
    }
  });
});
