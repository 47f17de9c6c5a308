import type { PriorityRoute } from '../../analysis/priority/priority-routes.js';
import { PRIORITY_ROUTES } from '../../analysis/priority/priority-routes.js';
import type { ScoredCustomer } from '../../analysis/priority/priority-score.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { chartWords } from '../chart-words.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, CHART_SIZE, FONT_SIZES, GROW_HEIGHT_AUTOSIZE, UNSTACKED, withTheme } from '../theme.js';
import { priorityBarNames } from './priority-bar-names.js';

/** Customer labels longer than this many columns end in an ellipsis (the axis has ~280 px). */
export const PRIORITY_LABEL_WIDTH = 30;

/**
 * Height per bar: 10 bars fill the default chart; beyond 12 each bar keeps 1.5 lines of label
 * text, so every customer is named (the chart grows with N instead of hiding labels).
 */
const BAR_STEP = 40;
const MIN_BAR_STEP = Math.ceil(FONT_SIZES.axisLabel * 1.625);

/** Route colours: the urgent route takes the palette's vermillion, the quiet one its grey. */
export const ROUTE_COLORS: Readonly<Record<PriorityRoute, string>> = {
  'manual-intervention': CATEGORY_PALETTE[3],
  'dedicated-acceleration': CATEGORY_PALETTE[0],
  'automated-nurture': CATEGORY_PALETTE[2],
  standard: CATEGORY_PALETTE[6],
};

/** A bar's value as the answer's table writes it (three decimals), so a bar reads the same as its table row. */
function barValueText(priority: number, locale: Locale): string {
  return numberFormat(locale).fixed(priority, 3);
}

/** The leader's priority as the answer's headline writes it ("priority 0.75"): the glossary's form of the score. */
function leaderPriorityText(priority: number, locale: Locale): string {
  return glossaryFor(locale).terms.priority.format(priority);
}

/**
 * "Hooli Group leads at 0.75; all 20 are Dedicated acceleration": the leader (named as on its bar) and the dominant
 * route.
 */
export function priorityTakeaway(top: readonly ScoredCustomer[], locale: Locale = 'en'): string {
  const t = translator(locale);
  const first = top[0];
  if (first === undefined) return t('priority.chart.noMatch');
  const counts = PRIORITY_ROUTES.map((route) => ({ route, n: top.filter((r) => r.route === route).length }));
  const dominant = counts.sort((a, b) => b.n - a.n)[0] as { route: PriorityRoute; n: number };
  const who = (priorityBarNames(top, PRIORITY_LABEL_WIDTH)[0] as { full: string }).full;
  const routes = counts.filter((c) => c.n > 0).length;
  const route = termFor(locale, 'route', dominant.route).toLocaleLowerCase(locale);
  const share =
    dominant.n === top.length
      ? t('priority.chart.shareAll', { n: top.length, route })
      : dominant.n * 2 > top.length
        ? t('priority.chart.shareMost', { count: formatNumber(dominant.n, 'integer', locale), n: top.length, route })
        : t('priority.chart.shareSplit', { n: top.length, routes });
  return t('priority.chart.takeaway', { who, priority: leaderPriorityText(first.priority, locale), share });
}

/** The /priority chart: the top N as horizontal bars from zero, highest first, every bar named and coloured by route. */
export function buildPriorityBarsChart(
  top: readonly ScoredCustomer[],
  matched: number,
  filters: readonly string[],
  locale: Locale = 'en',
): ChartDefinition {
  const words = chartWords(locale);
  const t = translator(locale);
  const routeLabel = (route: (typeof PRIORITY_ROUTES)[number]) => termFor(locale, 'route', route);
  const names = priorityBarNames(top, PRIORITY_LABEL_WIDTH);
  const values = top.map((r, index) => ({
    customer: `#${r.rank} ${names[index]?.label ?? ''}`,
    priority: r.priority,
    label: barValueText(r.priority, locale),
    route: routeLabel(r.route),
  }));
  const routesShown = PRIORITY_ROUTES.filter((route) => top.some((r) => r.route === route));
  const title = priorityTakeaway(top, locale);
  const matchedText = formatNumber(matched, 'integer', locale);
  const population =
    filters.length > 0
      ? t('priority.chart.populationFiltered', { n: top.length, matched: matchedText, filters: filters.join(', ') })
      : t('priority.chart.population', { n: top.length, matched: matchedText });
  const step = top.length <= 12 ? BAR_STEP : MIN_BAR_STEP;
  const height = Math.max(CHART_SIZE.height - 200, step * top.length);
  const first = top[0];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [population, t('priority.chart.legend', { priority: words.priority })]),
    data: { values },
    // The legend ends where the bars end and extends left over the names' column, which is empty at the top: long
    // names narrow the bars, and a legend starting at the bars' left edge would run off the chart.
    config: { legend: { layout: { top: { anchor: 'end' } } } },
    height,
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      y: {
        field: 'customer',
        type: 'nominal',
        sort: values.map((v) => v.customer),
        title: null,
        axis: { labelLimit: 300, labelOverlap: false },
      },
      x: {
        field: 'priority',
        type: 'quantitative',
        stack: UNSTACKED,
        title: words.priority,
        scale: { domain: paddedDomain(values.map((v) => v.priority)), nice: false },
        // Five ticks stay apart however long the names (which narrow the bars); flush labels would push 0.0 into 0.1.
        axis: { orient: 'top', tickCount: 5, labelFlush: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, height: { band: 0.7 } },
        encoding: {
          color: {
            field: 'route',
            type: 'nominal',
            title: null,
            scale: { domain: routesShown.map(routeLabel), range: routesShown.map((r) => ROUTE_COLORS[r]) },
            // Two columns, no label limit: "Standard engagement" is never clipped.
            legend: { columns: Math.min(2, routesShown.length), labelLimit: 0 },
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
    altText:
      first && names[0]
        ? t('priority.chart.alt', {
            n: top.length,
            who: names[0].full,
            priority: leaderPriorityText(first.priority, locale),
          })
        : t('priority.chart.altNone'),
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
