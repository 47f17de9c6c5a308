import type { PriorityRoute } from '../../analysis/priority/priority-routes.js';
import { PRIORITY_ROUTES, ROUTE_LABELS } from '../../analysis/priority/priority-routes.js';
import type { ScoredCustomer } from '../../analysis/priority/priority-score.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, CHART_SIZE, withTheme } from '../theme.js';

/** Customer labels longer than this many columns end in an ellipsis (the axis has ~280 px). */
export const PRIORITY_LABEL_WIDTH = 30;

/** Height per bar, so 10 bars fill the default chart and 100 stay readable when opened full size. */
const BAR_STEP = 40;
const MIN_BAR_STEP = 22;

/** Route colours: the urgent route takes the palette's vermillion, the quiet one its grey. */
export const ROUTE_COLORS: Readonly<Record<PriorityRoute, string>> = {
  'manual-intervention': CATEGORY_PALETTE[3],
  'dedicated-acceleration': CATEGORY_PALETTE[0],
  'automated-nurture': CATEGORY_PALETTE[2],
  standard: CATEGORY_PALETTE[6],
};

/** The /priority chart: the top N as horizontal bars, highest first, labelled and coloured by route. */
export function buildPriorityBarsChart(
  top: readonly ScoredCustomer[],
  matched: number,
  filters: readonly string[],
): ChartDefinition {
  const values = top.map((r) => ({
    customer: `#${r.rank} ${truncateLabel(r.customer.organization ?? r.customer.email, PRIORITY_LABEL_WIDTH)}`,
    priority: r.priority,
    label: formatNumber(r.priority, 'decimal'),
    route: ROUTE_LABELS[r.route],
  }));
  const routesShown = PRIORITY_ROUTES.filter((route) => top.some((r) => r.route === route));
  const title = `Top ${top.length} customers by priority (n = ${formatNumber(matched, 'integer')} ${filters.length > 0 ? 'matching' : 'ranked'})`;
  const step = top.length <= 12 ? BAR_STEP : MIN_BAR_STEP;
  const height = Math.max(CHART_SIZE.height - 120, step * top.length);
  const first = top[0];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: `priority = 0.4·norm(RFM) + 0.4·norm(health) − 0.2·churn; colour = route${filters.length > 0 ? `; ${filters.join(', ')}` : ''}`,
    },
    data: { values },
    height,
    encoding: {
      y: {
        field: 'customer',
        type: 'nominal',
        sort: values.map((v) => v.customer),
        title: null,
        axis: { labelLimit: 300 },
      },
      x: {
        field: 'priority',
        type: 'quantitative',
        title: 'Priority score (unitless, higher = call first)',
        scale: { domain: paddedDomain(values.map((v) => v.priority)), nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          color: {
            field: 'route',
            type: 'nominal',
            title: 'Route',
            scale: { domain: routesShown.map((r) => ROUTE_LABELS[r]), range: routesShown.map((r) => ROUTE_COLORS[r]) },
          },
        },
      },
      {
        // Negative priorities draw leftwards, so their value sits left of the bar end.
        mark: {
          type: 'text',
          align: { expr: "datum.priority < 0 ? 'right' : 'left'" },
          dx: { expr: 'datum.priority < 0 ? -4 : 4' },
        },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
  return {
    id: 'priority-top',
    title,
    altText: first
      ? `Horizontal bars of the ${top.length} highest priorities; ${first.customer.organization ?? first.customer.email} leads with ${formatNumber(first.priority, 'decimal')}.`
      : 'No customer to show.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

/** Zero plus the data, with a margin on each side for the value labels at the bar ends. */
export function paddedDomain(values: readonly number[]): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const margin = (high - low || 1) * 0.12;
  return [low < 0 ? low - margin : 0, high > 0 ? high + margin : 0];
}
