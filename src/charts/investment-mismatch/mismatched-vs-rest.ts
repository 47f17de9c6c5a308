import type { TopGroupContrast } from '../../analysis/investment-mismatch/top-group-contrast.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { chartWords } from '../chart-words.js';
import { formatNumber } from '../format.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { groupColorScale, SCHEMA } from './chart-parts.js';

/**
 * What the mismatched lack: mean product adoption and support resolution (both shares, one
 * 0–100% axis from zero) of the mismatched against the rest of the top 30%. Sales are money on
 * another scale, so they are named in the subtitle instead of sharing the axis.
 */
export function buildMismatchedVsRestChart(top: TopGroupContrast, locale: Locale = 'en'): ChartDefinition | null {
  const { mismatched, rest } = top;
  if (mismatched.n === 0 || rest.n === 0) return null;
  const words = chartWords(locale);
  const t = translator(locale);
  const scale = groupColorScale(locale);
  const [mismatchedLabel, restLabel] = scale.domain as [string, string];
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const candidates: { name: string; mismatched: number | null; rest: number | null }[] = [
    { name: words.adoption, mismatched: mismatched.adoption, rest: rest.adoption },
    { name: words.support, mismatched: mismatched.support, rest: rest.support },
  ];
  const metrics = candidates.filter(
    (m): m is { name: string; mismatched: number; rest: number } => m.mismatched !== null && m.rest !== null,
  );
  if (metrics.length === 0) return null;
  const values = metrics.flatMap((m) => [
    { metric: m.name, group: mismatchedLabel, value: m.mismatched, text: pct(m.mismatched) },
    { metric: m.name, group: restLabel, value: m.rest, text: pct(m.rest) },
  ]);
  const widest = [...metrics].sort((a, b) => b.rest - b.mismatched - (a.rest - a.mismatched))[0] as (typeof metrics)[0];
  const title =
    widest.rest > widest.mismatched
      ? t('chart.vsrest.trail', { metric: widest.name, mismatched: pct(widest.mismatched), rest: pct(widest.rest) })
      : t('chart.vsrest.noTrail', {
          metrics: metrics.map((m) => m.name).reduce((first, second) => t('chart.vsrest.or', { first, second })),
        });
  const money = numberFormat(locale);
  const sales =
    mismatched.sales !== null && rest.sales !== null
      ? t('chart.vsrest.sales', {
          sales: words.sales,
          mismatched: money.money(mismatched.sales),
          rest: money.money(rest.sales),
        })
      : '';
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const spec = {
    $schema: SCHEMA,
    title: chartTitle(title, [
      t('chart.vsrest.subtitle', {
        score: words.investmentPriority,
        mismatched: count(mismatched.n),
        rest: count(rest.n),
      }),
      t('chart.vsrest.subtitle2', { sales }),
    ]),
    data: { values },
    height: metrics.length * 110,
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      y: { field: 'metric', type: 'nominal', sort: metrics.map((m) => m.name), title: null },
      yOffset: { field: 'group', sort: scale.domain },
      x: {
        field: 'value',
        type: 'quantitative',
        title: t('chart.vsrest.axis'),
        scale: { domain: [0, 1], nice: false },
        axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: { color: { field: 'group', type: 'nominal', title: null, scale } },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text' } } },
    ],
  };
  return {
    id: 'mismatched-vs-rest',
    title,
    altText: `${metrics.map((m) => t('chart.vsrest.altItem', { metric: m.name, mismatched: pct(m.mismatched), rest: pct(m.rest) })).join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
