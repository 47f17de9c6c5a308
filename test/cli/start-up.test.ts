import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { distIsStale } from '../../src/cli/build-freshness.js';
import { demoBuildProgress } from '../../src/cli/cli-context.js';
import { generateDemoWarehouse } from '../../src/data/demo/generate-demo-warehouse.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOUR_S = 3600;

function fileAt(path: string, secondsSinceEpoch: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, secondsSinceEpoch, secondsSinceEpoch);
}

function collector(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
  let text = '';
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => text };
}

describe('start-up: npm start and the first demo build', () => {
  it('rebuilds only when dist/ is missing or older than a source', () => {
    const repo = tempDir();
    const t = 1_800_000_000;
    fileAt(join(repo, 'tsconfig.json'), t);
    fileAt(join(repo, 'src', 'cli', 'main.ts'), t);
    expect(distIsStale(repo)).toBe(true);
    fileAt(join(repo, 'dist', 'cli', 'main.js'), t + HOUR_S);
    expect(distIsStale(repo)).toBe(false);
    fileAt(join(repo, 'src', 'data', 'deep', 'edited.ts'), t + 2 * HOUR_S);
    expect(distIsStale(repo)).toBe(true);
  });

  it('reports the demo build progress per batch of customers', () => {
    const shares: number[] = [];
    generateDemoWarehouse(join(tempDir(), 'demo.sqlite'), { customers: 1_500, onProgress: (s) => shares.push(s) });
    expect(shares).toEqual([1_000 / 1_500, 1]);
  });

  it('prints "Building the demo warehouse (one time)… N%" on stderr, one line per step off a terminal', () => {
    const piped = collector(false);
    const report = demoBuildProgress(piped.stream);
    for (const share of [0.4, 0.4, 0.8, 1]) report(share);
    expect(piped.text()).toBe([40, 80, 100].map((p) => `Building the demo warehouse (one time)… ${p}%\n`).join(''));
    const tty = collector(true);
    const onTerminal = demoBuildProgress(tty.stream);
    onTerminal(0.5);
    onTerminal(1);
    expect(tty.text()).toBe(
      '\rBuilding the demo warehouse (one time)… 50%\rBuilding the demo warehouse (one time)… 100%\n',
    );
  });
});
