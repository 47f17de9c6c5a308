import { describe, expect, it } from 'vitest';
import { compiledTwin } from '../../src/workers/worker-pool.js';

describe('compiledTwin', () => {
  it('maps a worker module of the sources to its place in dist/', () => {
    expect(compiledTwin(new URL('file:///repo/src/commands/command-worker.ts'))?.href).toBe(
      'file:///repo/dist/commands/command-worker.js',
    );
    // The repository's own src/ folder: the last one on the path.
    expect(compiledTwin(new URL('file:///home/src/radar/src/charts/render-worker.ts'))?.href).toBe(
      'file:///home/src/radar/dist/charts/render-worker.js',
    );
  });

  it('leaves compiled modules and modules outside src/ alone', () => {
    expect(compiledTwin(new URL('file:///repo/dist/commands/command-worker.js'))).toBeUndefined();
    expect(compiledTwin(new URL('file:///repo/test/helpers/worker.ts'))).toBeUndefined();
  });
});
