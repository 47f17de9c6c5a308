import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, translator } from '../../i18n/translate.js';
import type { ChartDefinition } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { heatmapLayers, isDarkCell, SEQUENTIAL_SCHEME } from '../heatmap-cells.js';
import { chart, count, percent, SMALL_GROUP } from './chart-parts.js';

const TERTILE_KEYS = ['chart.grid.low', 'chart.grid.mid', 'chart.grid.high'] as const;

function tertileLabel(
  tertile: 1 | 2 | 3,
  cut: { lowMax: number | null; highMin: number | null },
  t: Translate,
  locale: Locale,
): string {
  const name = t(TERTILE_KEYS[tertile - 1] as (typeof TERTILE_KEYS)[number]);
  const fmt = (v: number) => formatNumber(v, 'decimal', locale);
  if (tertile === 1 && cut.lowMax !== null) return t('chart.grid.lowCut', { name, cut: fmt(cut.lowMax) });
  if (tertile === 3 && cut.highMin !== null) return t('chart.grid.highCut', { name, cut: fmt(cut.highMin) });
  return name;
}

/** True when no cell of the grid has SMALL_GROUP customers or more: every cell would be grey. */
export function everyGridCellSmall(result: SegmentAnomaliesResult): boolean {
  const groups = result.ruleGroups;
  return groups.n > 0 && groups.cells.every((c) => c.n < SMALL_GROUP);
}

/** Anomaly rate in each cell of the volatility × imbalance tertile grid, every cell labelled with rate and n. */
export function buildImbalanceVolatilityHeatmap(
  result: SegmentAnomaliesResult,
  locale: Locale = 'en',
): ChartDefinition | null {
  const groups = result.ruleGroups;
  // With no cell of SMALL_GROUP+ customers every cell is grey: the grid would show nothing.
  if (groups.n === 0 || everyGridCellSmall(result)) return null;
  const t = translator(locale);
  const tertile = (n: 1 | 2 | 3, cut: { lowMax: number | null; highMin: number | null }) =>
    tertileLabel(n, cut, t, locale);
  const missing = numberFormat(locale).missing;
  const { cutOffs } = groups;
  const rates = groups.cells.map((c) => c.anomalyRate).filter((r): r is number => r !== null);
  const high = Math.max(...rates);
  const values = groups.cells.map((c) => ({
    imbalance: tertile(c.imbalanceTertile, cutOffs.imbalance),
    volatility: tertile(c.volatilityTertile, cutOffs.volatility),
    rate: c.anomalyRate,
    small: c.n < SMALL_GROUP,
    text: t('chart.grid.cell', {
      rate: c.anomalyRate === null ? missing : percent(c.anomalyRate, locale),
      n: count(c.n, locale),
    }),
    // The colour scale starts at 0 (domainMin), so 0 is its light end.
    dark: c.n >= SMALL_GROUP && isDarkCell(c.anomalyRate, 0, high),
  }));
  const xOrder = ([1, 2, 3] as const).map((n) => tertile(n, cutOffs.imbalance));
  const yOrder = ([3, 2, 1] as const).map((n) => tertile(n, cutOffs.volatility));
  const unstable = groups.groups.find((g) => g.group === 'unstable-seasonal');
  const stable = groups.groups.find((g) => g.group === 'stable-balanced');
  const rateText = (r: number | null | undefined) => (r === null || r === undefined ? missing : percent(r, locale));
  const title =
    unstable?.anomalyRate != null && stable?.anomalyRate != null
      ? t('chart.grid.title', { unstable: rateText(unstable.anomalyRate), stable: rateText(stable.anomalyRate) })
      : t('chart.grid.titlePlain');
  return chart(
    'anomaly-rate-volatility-imbalance',
    title,
    [
      t('chart.grid.subtitle', { n: count(groups.n, locale) }),
      t('chart.grid.subtitle2', { small: String(SMALL_GROUP) }),
    ],
    t('chart.grid.alt', { unstable: rateText(unstable?.anomalyRate), stable: rateText(stable?.anomalyRate) }),
    {
      data: { values },
      encoding: {
        x: {
          field: 'imbalance',
          type: 'ordinal',
          sort: xOrder,
          title: t('chart.grid.xAxis'),
          axis: { labelAngle: 0 },
        },
        y: { field: 'volatility', type: 'ordinal', sort: yOrder, title: t('chart.grid.yAxis') },
      },
      layer: heatmapLayers(
        {
          field: 'rate',
          title: t('chart.grid.legend'),
          scale: { scheme: SEQUENTIAL_SCHEME, domainMin: 0 },
          legend: { orient: 'right', direction: 'vertical', format: '.0%', gradientLength: 260 },
        },
        'datum.dark',
      ),
    },
  );
}
