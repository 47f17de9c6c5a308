import type { RiskVelocity } from '../../analysis/conversion-cohort/risk-velocity.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { cellLabelColor, heatmapCellMark } from '../heatmap-cells.js';
import { truncateLabel } from '../labels.js';
import { withTheme } from '../theme.js';

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
    value: c.meanHealth === null ? 'n/a' : c.meanHealth.toFixed(1),
    n: `n = ${formatNumber(c.n, 'integer')}`,
  }));
  const healths = values.map((v) => v.health).filter((h): h is number => h !== null);
  const mid = healths.length > 0 ? (Math.min(...healths) + Math.max(...healths)) / 2 : 0;
  const title = `Mean health by risk level × velocity, cohort (n = ${formatNumber(cohortSize, 'integer')})`;
  const height = Math.min(420, 70 * table.riskLevels.length);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle:
        unknown.size > 0
          ? 'activity-table customer_health_score; ⚠ = unknown level, kept as its own row'
          : 'activity-table customer_health_score',
    },
    data: { values },
    height,
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
    layer: [
      {
        mark: heatmapCellMark(),
        encoding: {
          color: {
            field: 'health',
            type: 'quantitative',
            title: 'Mean health (points)',
            scale: { scheme: 'blues' },
            legend: { orient: 'top', direction: 'horizontal', gradientLength: 260 },
          },
        },
      },
      {
        mark: { type: 'text', dy: -8, fontSize: 14, fontWeight: 700 },
        encoding: {
          text: { field: 'value' },
          color: cellLabelColor(`datum.health > ${mid}`),
        },
      },
      {
        mark: { type: 'text', dy: 10, fontSize: 11 },
        encoding: {
          text: { field: 'n' },
          color: cellLabelColor(`datum.health > ${mid}`),
        },
      },
    ],
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
