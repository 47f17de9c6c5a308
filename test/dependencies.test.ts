import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages the shipped code (src/) imports or resolves, by package name. */
function packagesUsedBySrc(): Set<string> {
  const used = new Set<string>();
  const files = readdirSync(join(repoRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of files) {
    const text = readFileSync(join(repoRoot, 'src', file), 'utf8');
    // Imports, plus packages named by `packageName:` (font files resolved at run time).
    for (const match of text.matchAll(/(?:from |import\(|resolve\(|packageName: )\s*'([^'.][^']*)'/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith('node:')) continue;
      const parts = specifier.split('/');
      used.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
    }
  }
  return used;
}

describe('dependencies', () => {
  it('declares as runtime dependencies exactly the packages src/ uses (test-only libraries are devDependencies)', () => {
    const used = packagesUsedBySrc();
    const runtime = Object.keys(pkg.dependencies);
    expect(runtime.filter((name) => !used.has(name))).toEqual([]);
    // tsx is resolved only when Radar runs from its TypeScript sources (tests, the bench), never from dist/.
    expect([...used].filter((name) => !runtime.includes(name)).sort()).toEqual(['tsx']);
    for (const testOnly of ['simple-statistics', 'yaml']) expect(Object.keys(pkg.devDependencies)).toContain(testOnly);
  });
});
