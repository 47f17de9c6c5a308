import * as vega from 'vega';
import { RecentCache } from './recent-cache.js';

/**
 * vega turns every expression of a spec (signal updates, encoders, filters, formats: 200–800 per chart) into a
 * JavaScript function with `Function(...)` on every parse. Those functions, their source text and bytecode live in
 * V8's old generation, so each chart leaves a few MB there; with `--heap-growing-percent=50` (allocator-relaunch.ts)
 * that meant a full mark-compact every two or three renders in a chart worker. Most of a chart's expressions are
 * the same text from one render to the next, so this codegen keeps the compiled functions by their text and binds
 * them to each view's function table, as vega's own codegen does.
 */

type Compiled = (...args: never[]) => unknown;

interface ExpressionContext {
  readonly functions?: object;
}

interface Expression {
  readonly code: string;
}

interface EncodeExpression {
  readonly marktype: string;
  readonly channels: Readonly<Record<string, Expression>>;
}

/** The part of vega-runtime's expression codegen (the View option `expr`) that compiles expression text. */
interface ExpressionCodegen {
  operator(ctx: ExpressionContext | null, expr: Expression): Compiled;
  parameter(ctx: ExpressionContext | null, expr: Expression): Compiled;
  event(ctx: ExpressionContext | null, expr: Expression): Compiled;
  handler(ctx: ExpressionContext | null, expr: Expression): Compiled;
  encode(ctx: ExpressionContext | null, encode: EncodeExpression): Compiled;
  codegen: { get(path: readonly string[]): Compiled; comparator(fields: unknown, orders: unknown): Compiled };
}

/** Distinct expression texts kept: a chart has up to ≈ 800, and new data changes some of them (titles, domains). */
export const CACHED_EXPRESSIONS = 8000;

/** vega's own codegen is not exported; every runtime context holds it, so one throwaway view hands it over. */
function vegaCodegen(): ExpressionCodegen {
  const view = new vega.View(vega.parse({}), { renderer: 'none' });
  const codegen = (view as unknown as { _runtime: { expr: ExpressionCodegen } })._runtime.expr;
  view.finalize();
  return codegen;
}

/** A codegen for `new vega.View(runtime, { expr })` that compiles each distinct expression text once. */
export function cachingExpressionCodegen(maxEntries = CACHED_EXPRESSIONS): ExpressionCodegen {
  const base = vegaCodegen();
  const compiled = new RecentCache<Compiled>({ maxEntries });
  const once = (key: string, compile: () => Compiled): Compiled => {
    let fn = compiled.get(key);
    if (fn === undefined) {
      fn = compile();
      compiled.set(key, fn);
    }
    return fn;
  };
  // Compiled with no context (so unbound), then bound like vega-runtime's expression() does.
  const bound = (ctx: ExpressionContext | null, fn: Compiled): Compiled =>
    ctx?.functions ? (fn.bind(ctx.functions) as Compiled) : fn;
  const simple =
    (kind: 'operator' | 'parameter' | 'event' | 'handler') => (ctx: ExpressionContext | null, expr: Expression) =>
      bound(
        ctx,
        once(`${kind}\u0000${expr.code}`, () => base[kind](null, expr)),
      );
  return {
    operator: simple('operator'),
    parameter: simple('parameter'),
    event: simple('event'),
    handler: simple('handler'),
    encode: (ctx, encode) => {
      // The generated code depends on the mark type and on each channel's name and code, nothing else.
      let key = `encode\u0000${encode.marktype}`;
      for (const name in encode.channels) key += `\u0000${name}\u0000${encode.channels[name]?.code}`;
      return bound(
        ctx,
        once(key, () => base.encode(null, encode)),
      );
    },
    codegen: base.codegen,
  };
}
