import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import type { TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { GROW_HEIGHT_AUTOSIZE } from '../theme.js';
import { groupColorScale, SCHEMA, SMALL_GROUP } from './chart-parts.js';

/** What the §1 ROI charts (roi-charts.ts) share: their words, the gap title and the grouped bars. */

/** The words and numbers of one chart's language. */
export function wordsFor(locale: Locale) {
  const format = numberFormat(locale);
  return {
    t: translator(locale),
    roi: (x: number | null) => format.ratio(x),
    count: (x: number) => formatNumber(x, 'integer', locale),
    percent: (x: number) => formatNumber(x, 'percent', locale),
    stage: (raw: string) => termFor(locale, 'stage', raw),
  };
}

/**
 * "Mismatched earn less ROI than the rest in ≤ 10 · other teams: 6.12× vs 7.96×": the widest gap
 * between the two groups among comparisons where both have at least SMALL_GROUP customers.
 */
export function roiGapTitle(
  cells: readonly { key: string; group: string; roi: number | null; n: number }[],
  noun: string,
  w: { readonly t: Translate; readonly roi: (x: number | null) => string },
): string {
  const keys = [...new Set(cells.map((c) => c.key))];
  const pairs = keys.flatMap((key) => {
    const m = cells.find((c) => c.key === key && c.group === 'mismatched');
    const r = cells.find((c) => c.key === key && c.group === 'other-top');
    if (!m || !r || m.roi === null || r.roi === null || m.n < SMALL_GROUP || r.n < SMALL_GROUP) return [];
    return [{ key, mismatched: m.roi, rest: r.roi }];
  });
  const widest = pairs.sort((a, b) => Math.abs(b.mismatched - b.rest) - Math.abs(a.mismatched - a.rest))[0];
  if (!widest) return w.t('chart.roi.gapTooFew', { noun });
  return w.t('chart.roi.gap', {
    direction: widest.mismatched < widest.rest ? 'less' : 'more',
    key: widest.key,
    noun,
    mismatched: w.roi(widest.mismatched),
    rest: w.roi(widest.rest),
  });
}

/** The two groups' names as the legend shows them, in the chart's language. */
export function groupNames(locale: Locale): Record<'mismatched' | 'other-top', string> {
  const [mismatched, rest] = groupColorScale(locale).domain as [string, string];
  return { mismatched, 'other-top': rest };
}

interface GroupedBars {
  readonly title: string;
  readonly subtitle: string | readonly string[];
  readonly values: readonly Record<string, unknown>[];
  readonly category: string;
  readonly categories: readonly string[];
  readonly measure: string;
  readonly measureTitle: string;
  readonly format: string;
  readonly domainMax: number;
  readonly axisValues?: readonly number[];
  readonly locale: Locale;
}

/** Horizontal bars, one pair per category (mismatched above other top), value labels at the bar ends. */
export function groupedBars(input: GroupedBars): TopLevelSpec {
  const scale = groupColorScale(input.locale);
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: Math.max(200, input.categories.length * 64),
    data: { values: input.values },
    encoding: {
      y: { field: input.category, type: 'nominal', sort: input.categories, title: null },
      yOffset: { field: 'group', sort: scale.domain },
      x: {
        field: input.measure,
        type: 'quantitative',
        title: input.measureTitle,
        scale: { domain: [0, input.domainMax], nice: false },
        axis: { format: input.format, ...(input.axisValues ? { values: input.axisValues } : {}) },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: {
          color: { field: 'group', type: 'nominal', title: null, scale },
          // Groups too small to compare stay visible but pale; their n is in the label.
          fillOpacity: { condition: { test: `datum.n < ${SMALL_GROUP}`, value: 0.35 }, value: 1 },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text' } } },
    ],
  } as unknown as TopLevelSpec;
}
