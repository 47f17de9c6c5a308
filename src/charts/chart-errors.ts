/** Why a chart could not be rendered. These are programming errors in a spec or the pool, not user input. */
export const ChartRenderErrorCode = {
  /** The spec referenced a URL or file; charts must carry inline data. */
  networkRefused: 'network-refused',
  /** vega-lite or vega rejected the spec. */
  invalidSpec: 'invalid-spec',
  /** A render worker died or the renderer was closed while a render was pending. */
  workerFailed: 'worker-failed',
} as const;

export type ChartRenderErrorCode = (typeof ChartRenderErrorCode)[keyof typeof ChartRenderErrorCode];

/**
 * Not a RadarError: nothing a user typed can cause it, so the Slack layer reports it as a bug.
 * `code` lets callers and tests tell a refused URL from a broken spec or a dead worker.
 */
export class ChartRenderError extends Error {
  constructor(
    readonly code: ChartRenderErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChartRenderError';
  }
}
