import type { RiskVelocity } from '../../analysis/conversion-cohort/risk-velocity.js';
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
export function buildRiskVelocityHeatmap(rv: RiskVelocity, cohortSize: number): ChartDefinition | null {
  const table = rv.cohort;
  if (table.cells.length === 0) return null;
  const unknown = new Set([...rv.unknownRiskLevels, ...rv.unknownVelocities]);
  const name = (level: string) => truncateLabel(level, LEVEL_LABEL_WIDTH) + (unknown.has(level) ? UNKNOWN_MARK : '');
  const values = table.cells.map((c) => ({
    risk: name(c.risk),
    velocity: name(c.velocity),
    health: c.meanHealth,
    small: c.n < SMALL_CELL,
    text: `${c.meanHealth === null ? 'n/a' : formatNumber(c.meanHealth, 'integer')}\nn ${formatNumber(c.n, 'integer')}`,
  }));
  const reportable = table.cells.filter((c) => c.meanHealth !== null && c.n >= SMALL_CELL);
  const byHealth = [...reportable].sort((a, b) => (a.meanHealth as number) - (b.meanHealth as number));
  const low = byHealth[0];
  const high = byHealth.at(-1);
  const title =
    low && high
      ? `Cohort engagement health ranges ${formatNumber(low.meanHealth as number, 'integer')}–${formatNumber(high.meanHealth as number, 'integer')} of 100 across risk × velocity; lowest: ${low.risk} × ${low.velocity}`
      : `No risk × velocity cell has ${SMALL_CELL}+ cohort customers`;
  const height = Math.min(420, 70 * table.riskLevels.length);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [
      `The ${formatNumber(cohortSize, 'integer')} cohort customers; cell = mean engagement health (0–100, activity table) and n`,
      `Colour from 0 to 100; grey = fewer than ${SMALL_CELL} customers${unknown.size > 0 ? '; ⚠ = unknown level, kept as its own row' : ''}`,
    ]),
    data: { values },
    height,
    autosize: GROW_HEIGHT_AUTOSIZE,
    encoding: {
      x: {
        field: 'velocity',
        type: 'ordinal',
        sort: table.velocities.map(name),
        title: 'Engagement velocity',
        // Each label fits its own column; vega's overlap check would still drop every other one.
        axis: { orient: 'top', labelAngle: 0, labelOverlap: false, labelLimit: 120 },
      },
      y: { field: 'risk', type: 'ordinal', sort: table.riskLevels.map(name), title: 'Activity risk level' },
    },
    layer: heatmapLayers(
      {
        field: 'health',
        title: 'Mean engagement health',
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
      ? `Lowest mean health in the cohort: ${worst.risk} × ${worst.velocity} at ${formatNumber(worst.meanHealth as number, 'decimal')} (n = ${worst.n}).`
      : 'No cell has a health score.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
