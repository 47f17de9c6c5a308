import type { TopLevelSpec } from 'vega-lite';
import { withTheme } from './theme.js';

/**
 * The chart a render worker draws when the pool warms up (RenderPool.warm): small, but with a title, subtitle,
 * axes and a colour legend, so the worker has imported vega and vega-lite, loaded sharp and the Latin font widths,
 * and fontconfig has read its cache — the ≈ 0.5 s of CPU (1–2 s on a busy machine) the first answer after a start
 * would otherwise wait for. Inline data, like every chart.
 */
export function warmUpChart(): TopLevelSpec {
  return withTheme({
    title: { text: 'Chart workers are ready', subtitle: 'Drawn once when Radar starts; never posted' },
    data: {
      values: [
        { segment: 'Growing', customers: 5 },
        { segment: 'Steady', customers: 3 },
      ],
    },
    mark: 'bar',
    encoding: {
      y: { field: 'segment', type: 'nominal', title: null },
      x: { field: 'customers', type: 'quantitative', title: 'Customers' },
      color: { field: 'segment', type: 'nominal', title: 'Segment' },
    },
  });
}
