import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { chartWorkerCount, currentMachine } from '../../src/charts/chart-worker-count.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import { createChartRenderer, IDLE_RELEASE_MS, type IdleTimers, RenderPool } from '../../src/charts/render-pool.js';
import { CJK_LABEL, labelBarSpec, lineSpec } from './helpers.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('charts/render-pool', () => {
  const pool = createChartRenderer({ poolSize: 2 });
  afterAll(() => pool.close());

  it('returns the same bytes as rendering in-process', async () => {
    const specs = [labelBarSpec(CJK_LABEL), lineSpec()];
    const pooled = await Promise.all(specs.map((spec) => pool.render(spec)));
    const direct = await Promise.all(specs.map((spec) => renderChartPng(spec)));
    pooled.forEach((png, index) => {
      expect(png.equals(direct[index] ?? Buffer.alloc(0))).toBe(true);
    });
  });

  it('keeps the results of concurrent renders apart', async () => {
    const labels = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'];
    const pooled = await Promise.all(labels.map((label) => pool.render(labelBarSpec(label))));
    const direct = await Promise.all(labels.map((label) => renderChartPng(labelBarSpec(label))));
    pooled.forEach((png, index) => {
      expect(png.equals(direct[index] ?? Buffer.alloc(0)), labels[index]).toBe(true);
    });
  });

  it('passes render errors back with their code', async () => {
    const spec = { ...labelBarSpec('x'), data: { url: 'https://example.com/data.json' } };
    await expect(pool.render(spec)).rejects.toMatchObject({ name: 'ChartRenderError', code: 'network-refused' });
  });

  it('rejects renders after close', async () => {
    const closing = new RenderPool(1);
    await closing.render(lineSpec());
    await closing.close();
    await expect(closing.render(lineSpec())).rejects.toMatchObject({ code: 'worker-failed' });
    await closing.close();
  });

  it('warms up once, then renders as before; a closed pool cannot warm', async () => {
    const warming = new RenderPool(2);
    const warmed = warming.warm();
    expect(warming.warm()).toBe(warmed);
    await expect(warmed).resolves.toBeUndefined();
    expect((await warming.render(lineSpec())).equals(await renderChartPng(lineSpec()))).toBe(true);
    await warming.close();
    const closed = new RenderPool(1);
    await closed.close();
    await expect(closed.warm()).rejects.toMatchObject({ code: 'worker-failed' });
  });

  it('sizes itself to the machine unless told, and refuses a size or idle time that makes no sense', async () => {
    const sized = new RenderPool();
    expect(sized.size).toBe(chartWorkerCount(currentMachine()));
    expect(new RenderPool({ size: 3 }).size).toBe(3);
    expect(() => new RenderPool({ size: 0 })).toThrow(RangeError);
    expect(() => new RenderPool({ size: 1.5 })).toThrow(RangeError);
    expect(() => new RenderPool({ size: 1, idleReleaseMs: 0 })).toThrow(RangeError);
    expect(IDLE_RELEASE_MS).toBe(600_000);
    // Nothing starts before the first render, so these need no close().
    expect(sized.started).toBe(false);
  });

  it('stops its workers after the idle time and starts them again for the next render', async () => {
    const timers = manualTimers();
    const idle = new RenderPool({ size: 1, idleReleaseMs: 5_000, timers });
    const first = await idle.render(lineSpec());
    expect(idle.started).toBe(true);
    expect(timers.pending()).toEqual([5_000]);
    timers.fire();
    expect(idle.started).toBe(false);
    // A new worker draws the same bytes.
    expect((await idle.render(lineSpec())).equals(first)).toBe(true);
    expect(idle.started).toBe(true);
    await idle.close();
    expect(timers.pending()).toEqual([]);
  });

  it('does not release workers while a render is running, and re-arms the timer after the last one', async () => {
    const timers = manualTimers();
    const busy = new RenderPool({ size: 1, idleReleaseMs: 5_000, timers });
    await busy.render(lineSpec());
    const [a, b] = [busy.render(labelBarSpec('Alpha')), busy.render(labelBarSpec('Beta'))];
    // A render cancels the pending release; none is armed while two renders run.
    expect(timers.pending()).toEqual([]);
    await a;
    expect(timers.pending()).toEqual([]);
    await b;
    expect(timers.pending()).toEqual([5_000]);
    await busy.close();
    expect(timers.pending()).toEqual([]);
    await expect(busy.render(lineSpec())).rejects.toMatchObject({ code: 'worker-failed' });
  });

  it('renders in-process when asked to', async () => {
    const inProcess = createChartRenderer({ inProcess: true });
    const png = await inProcess.render(lineSpec());
    expect(png.equals(await renderChartPng(lineSpec()))).toBe(true);
    await inProcess.close();
    await expect(inProcess.render(lineSpec())).rejects.toMatchObject({ code: 'worker-failed' });
  });

  it('runs from compiled JavaScript, and its idle workers do not keep the process alive', async () => {
    // Compile just the chart modules (as `npm run build` would) into an ignored folder in the repo.
    const outDir = `${repo}.radar/test-dist`;
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    await run(process.execPath, [
      tsc,
      `${repo}src/charts/render-pool.ts`,
      `${repo}src/charts/render-worker.ts`,
      ...['--outDir', outDir, '--rootDir', `${repo}src`, '--module', 'nodenext', '--moduleResolution', 'nodenext'],
      ...['--target', 'es2023', '--strict', '--skipLibCheck', '--esModuleInterop', '--verbatimModuleSyntax'],
    ]);
    mkdirSync(outDir, { recursive: true });
    const script = `${outDir}/render-with-pool.mjs`;
    // No close(): the child must still exit once the render is done.
    writeFileSync(
      script,
      [
        "import { createChartRenderer } from './charts/render-pool.js';",
        'const spec = JSON.parse(process.env.SPEC);',
        'const png = await createChartRenderer().render(spec);',
        "process.stdout.write(png.toString('base64'));",
      ].join('\n'),
    );
    const spec = labelBarSpec(CJK_LABEL);
    const { stdout } = await run(process.execPath, [script], {
      env: { ...process.env, SPEC: JSON.stringify(spec) },
      timeout: 30_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(Buffer.from(stdout, 'base64').equals(await renderChartPng(spec))).toBe(true);
  });
});

/** Timers a test fires by hand: `pending()` lists the delays armed and not cleared. */
function manualTimers(): IdleTimers & { pending(): number[]; fire(): void } {
  const armed = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  return {
    set(callback, ms) {
      armed.set(next, { callback, ms });
      return next++;
    },
    clear(handle) {
      armed.delete(handle as number);
    },
    pending: () => [...armed.values()].map((timer) => timer.ms),
    fire() {
      const timers = [...armed.values()];
      armed.clear();
      for (const timer of timers) timer.callback();
    },
  };
}
