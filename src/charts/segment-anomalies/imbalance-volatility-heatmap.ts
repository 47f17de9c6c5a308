import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import type { ChartDefinition } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { heatmapLayers, isDarkCell, SEQUENTIAL_SCHEME } from '../heatmap-cells.js';
import { chart, count, percent, SMALL_GROUP } from './chart-parts.js';

const TERTILE_NAMES = ['Low', 'Mid', 'High'] as const;

function tertileLabel(tertile: 1 | 2 | 3, cut: { lowMax: number | null; highMin: number | null }): string {
  const name = TERTILE_NAMES[tertile - 1] as string;
  const fmt = (v: number) => formatNumber(v, 'decimal');
  if (tertile === 1 && cut.lowMax !== null) return `${name} (≤ ${fmt(cut.lowMax)})`;
  if (tertile === 3 && cut.highMin !== null) return `${name} (≥ ${fmt(cut.highMin)})`;
  return name;
}

/** True when no cell of the grid has SMALL_GROUP customers or more: every cell would be grey. */
export function everyGridCellSmall(result: SegmentAnomaliesResult): boolean {
  const groups = result.ruleGroups;
  return groups.n > 0 && groups.cells.every((c) => c.n < SMALL_GROUP);
}

/** Anomaly rate in each cell of the volatility × imbalance tertile grid, every cell labelled with rate and n. */
export function buildImbalanceVolatilityHeatmap(result: SegmentAnomaliesResult): ChartDefinition | null {
  const groups = result.ruleGroups;
  // With no cell of SMALL_GROUP+ customers every cell is grey: the grid would show nothing.
  if (groups.n === 0 || everyGridCellSmall(result)) return null;
  const { cutOffs } = groups;
  const rates = groups.cells.map((c) => c.anomalyRate).filter((r): r is number => r !== null);
  const high = Math.max(...rates);
  const values = groups.cells.map((c) => ({
    imbalance: tertileLabel(c.imbalanceTertile, cutOffs.imbalance),
    volatility: tertileLabel(c.volatilityTertile, cutOffs.volatility),
    rate: c.anomalyRate,
    small: c.n < SMALL_GROUP,
    text: c.anomalyRate === null ? 'n/a\nn 0' : `${percent(c.anomalyRate)}\nn ${count(c.n)}`,
    // The colour scale starts at 0 (domainMin), so 0 is its light end.
    dark: c.n >= SMALL_GROUP && isDarkCell(c.anomalyRate, 0, high),
  }));
  const xOrder = ([1, 2, 3] as const).map((t) => tertileLabel(t, cutOffs.imbalance));
  const yOrder = ([3, 2, 1] as const).map((t) => tertileLabel(t, cutOffs.volatility));
  const unstable = groups.groups.find((g) => g.group === 'unstable-seasonal');
  const stable = groups.groups.find((g) => g.group === 'stable-balanced');
  const rateText = (r: number | null | undefined) => (r === null || r === undefined ? 'n/a' : percent(r));
  const title =
    unstable?.anomalyRate != null && stable?.anomalyRate != null
      ? `Anomaly rate: ${rateText(unstable.anomalyRate)} of unstable, seasonal customers vs ${rateText(stable.anomalyRate)} of stable, balanced ones`
      : 'Anomaly rate by value volatility and seasonality';
  return chart(
    'anomaly-rate-volatility-imbalance',
    title,
    [
      `All ${count(groups.n)} customers in thirds of value volatility and of seasonality imbalance; cell = anomaly rate and n`,
      `Colour from 0%; grey = fewer than ${SMALL_GROUP} customers`,
    ],
    `Unstable-seasonal customers: ${rateText(unstable?.anomalyRate)} anomalous; stable-balanced: ${rateText(stable?.anomalyRate)}.`,
    {
      data: { values },
      encoding: {
        x: {
          field: 'imbalance',
          type: 'ordinal',
          sort: xOrder,
          title: 'Seasonality imbalance (largest − smallest quarter share)',
          axis: { labelAngle: 0 },
        },
        y: { field: 'volatility', type: 'ordinal', sort: yOrder, title: 'Value volatility' },
      },
      layer: heatmapLayers(
        {
          field: 'rate',
          title: 'Anomaly rate',
          scale: { scheme: SEQUENTIAL_SCHEME, domainMin: 0 },
          legend: { orient: 'right', direction: 'vertical', format: '.0%', gradientLength: 260 },
        },
        'datum.dark',
      ),
    },
  );
}
