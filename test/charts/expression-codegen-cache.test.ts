import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { cachingExpressionCodegen } from '../../src/charts/expression-codegen-cache.js';
import { createOfflineLoader } from '../../src/charts/offline-loader.js';
import { CHART_CONFIG } from '../../src/charts/theme.js';
import { CJK_LABEL, labelBarSpec, lineSpec } from './helpers.js';

/** SVG of a spec with the given expression codegen (undefined: vega's own). */
async function svgWith(spec: TopLevelSpec, expr: unknown): Promise<string> {
  const vegaSpec = compile(spec, { config: CHART_CONFIG }).spec;
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: 'none',
    loader: createOfflineLoader(),
    expr,
  } as vega.ViewOptions);
  try {
    return await view.toSVG(2);
  } finally {
    view.finalize();
  }
}

describe('charts/expression-codegen-cache', () => {
  it('draws every chart exactly as vega’s own codegen, on first use and from the cache', async () => {
    const codegen = cachingExpressionCodegen();
    const specs = [labelBarSpec(CJK_LABEL), labelBarSpec('EMEA North'), lineSpec()];
    for (const round of ['compiled', 'cached']) {
      for (const spec of specs) {
        expect(await svgWith(spec, codegen), round).toBe(await svgWith(spec, undefined));
      }
    }
  });

  it('compiles one function per expression text and binds it to each view’s functions', () => {
    const codegen = cachingExpressionCodegen();
    const sum = { code: '_.a + _.b' };
    const first = codegen.operator(null, sum);
    expect(codegen.operator(null, { code: '_.a + _.b' })).toBe(first);
    expect(codegen.parameter(null, sum)).not.toBe(first);
    expect((first as (input: { a: number; b: number }) => number)({ a: 2, b: 3 })).toBe(5);

    const twice = { code: 'this.twice(_.a)' };
    const boundA = codegen.operator({ functions: { twice: (x: number) => 2 * x } }, twice);
    const boundB = codegen.operator({ functions: { twice: (x: number) => 3 * x } }, twice);
    expect((boundA as (input: { a: number }) => number)({ a: 7 })).toBe(14);
    expect((boundB as (input: { a: number }) => number)({ a: 7 })).toBe(21);
  });

  it('keys encoders by mark type and channels: a rect swaps y and y2 before taking the height, a symbol does not', () => {
    const codegen = cachingExpressionCodegen();
    const channels = { y: { code: '30' }, y2: { code: '10' } };
    const rect = codegen.encode(null, { marktype: 'rect', channels }) as (item: Record<string, number>) => number;
    const symbol = codegen.encode(null, { marktype: 'symbol', channels }) as (item: Record<string, number>) => number;
    const rectItem: Record<string, number> = {};
    const symbolItem: Record<string, number> = {};
    rect(rectItem);
    symbol(symbolItem);
    expect(rectItem).toEqual({ y: 10, y2: 30, height: 20 });
    expect(symbolItem).toEqual({ y: 30, y2: 10, height: -20 });
  });

  it('keeps at most maxEntries texts, forgetting the least recently used', () => {
    const codegen = cachingExpressionCodegen(2);
    const one = codegen.operator(null, { code: '1' });
    codegen.operator(null, { code: '2' });
    codegen.operator(null, { code: '3' });
    expect(codegen.operator(null, { code: '1' })).not.toBe(one);
  });
});
