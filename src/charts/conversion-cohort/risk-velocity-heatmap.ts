import type { RiskVelocity } from '../../analysis/conversion-cohort/risk-velocity.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { DARK_CELL_SHARE, heatmapLayers, SEQUENTIAL_SCHEME } from '../heatmap-cells.js';
import { truncateLabel } from '../labels.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

/** Cells with fewer cohort customers than this are grey: too few for a mean to compare. */
const SMALL_CELL = 20;

const LEVEL_LABEL_WIDTH = 22;
/** Marks a level outside the known five on the axis. */
export const UNKNOWN_MARK = ' ⚠';

/**
 * Mean health per activity_risk_level × engagement_velocity cell of the cohort, each cell
 * labelled with the mean and its n; unknown levels keep their own row or column, marked ⚠.
 */
export function buildRiskVelocityHeatmap(
  rv: RiskVelocity,
  cohortSize: number,
  locale: Locale = 'en',
): ChartDefinition | null {
  const table = rv.cohort;
  if (table.cells.length === 0) return null;
  const t = translator(locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const unknown = new Set([...rv.unknownRiskLevels, ...rv.unknownVelocities]);
  // Known levels are shown in the reader's language; a level the export adds stays as spelled, marked ⚠.
  const level = (raw: string) => (unknown.has(raw) ? raw : termFor(locale, 'engagement', raw));
  const name = (raw: string) => truncateLabel(level(raw), LEVEL_LABEL_WIDTH) + (unknown.has(raw) ? UNKNOWN_MARK : '');
  const values = table.cells.map((c) => ({
    risk: name(c.risk),
    velocity: name(c.velocity),
    health: c.meanHealth,
    small: c.n < SMALL_CELL,
    text: t('chart.rv.cell', {
      health: c.meanHealth === null ? numberFormat(locale).missing : count(c.meanHealth),
      n: count(c.n),
    }),
  }));
  const reportable = table.cells.filter((c) => c.meanHealth !== null && c.n >= SMALL_CELL);
  const byHealth = [...reportable].sort((a, b) => (a.meanHealth as number) - (b.meanHealth as number));
  const low = byHealth[0];
  const high = byHealth.at(-1);
  const title =
    low && high
      ? t('chart.rv.title', {
          low: count(low.meanHealth as number),
          high: count(high.meanHealth as number),
          risk: level(low.risk),
          velocity: level(low.velocity),
        })
      : t('chart.rv.titleNone', { small: String(SMALL_CELL) });
  const height = Math.min(420, 70 * table.riskLevels.length);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [
      t('chart.rv.subtitle', { n: count(cohortSize) }),
      t('chart.rv.subtitle2', { small: String(SMALL_CELL), unknown: unknown.size > 0 ? 'yes' : 'no' }),
    ]),
    data: { values },
    height,
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      x: {
        field: 'velocity',
        type: 'ordinal',
        sort: table.velocities.map(name),
        title: t('chart.rv.xAxis'),
        // Each label fits its own column; vega's overlap check would still drop every other one.
        axis: { orient: 'top', labelAngle: 0, labelOverlap: false, labelLimit: 120 },
      },
      y: { field: 'risk', type: 'ordinal', sort: table.riskLevels.map(name), title: t('chart.rv.yAxis') },
    },
    layer: heatmapLayers(
      {
        field: 'health',
        title: t('chart.rv.legend'),
        scale: { scheme: SEQUENTIAL_SCHEME, domain: [0, 100] },
        legend: { orient: 'top', direction: 'horizontal', gradientLength: 260 },
      },
      `!datum.small && datum.health > ${DARK_CELL_SHARE * 100}`,
      { baseline: 'middle', dy: -8 },
    ),
  };
  const worst = [...table.cells]
    .filter((c) => c.meanHealth !== null)
    .sort((a, b) => (a.meanHealth as number) - (b.meanHealth as number))[0];
  return {
    id: 'cohort-risk-velocity',
    title,
    altText: worst
      ? t('chart.rv.alt', {
          risk: level(worst.risk),
          velocity: level(worst.velocity),
          health: formatNumber(worst.meanHealth as number, 'decimal', locale),
          n: String(worst.n),
        })
      : t('chart.rv.altNone'),
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
