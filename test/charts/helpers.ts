import type { TopLevelSpec } from 'vega-lite';
import { withTheme } from '../../src/charts/theme.js';

/** Loads sharp after the chart fonts are configured, exactly as the renderer does. */
export async function testSharp() {
  const { loadSharp } = await import('../../src/charts/sharp-library.js');
  return loadSharp();
}

export const CJK_LABEL = '华东区 客户';

/** A horizontal bar chart whose only label is `label`, with a Latin title. */
export function labelBarSpec(label: string): TopLevelSpec {
  return withTheme({
    title: { text: 'ARR by region (n = 2)', subtitle: 'Annual recurring revenue, USD' },
    data: {
      values: [
        { region: label, arr: 1_250_000 },
        { region: 'EMEA', arr: 640_000 },
      ],
    },
    mark: 'bar',
    encoding: {
      y: { field: 'region', type: 'nominal', sort: '-x', title: 'Region' },
      x: { field: 'arr', type: 'quantitative', title: 'ARR (USD)' },
    },
  });
}

/** A line chart with a legend, percentages and temporal axis. */
export function lineSpec(): TopLevelSpec {
  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const values = months.flatMap((month, index) => [
    { month, tier: 'Enterprise', retention: 0.95 - index * 0.01 },
    { month, tier: 'Mid-market', retention: 0.9 - index * 0.02 },
  ]);
  return withTheme({
    title: { text: 'Logo retention by tier (n = 412 accounts)', subtitle: 'Share of accounts still active, monthly' },
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: 'Month' },
      y: { field: 'retention', type: 'quantitative', title: 'Retention (%)', axis: { format: '.0%' } },
      color: { field: 'tier', type: 'nominal', title: 'Tier' },
    },
  });
}
