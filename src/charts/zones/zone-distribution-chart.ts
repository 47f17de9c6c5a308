import { ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { withTheme, ZONE_COLORS, ZONE_LABELS, ZONE_ORDER } from '../theme.js';

/**
 * Red / yellow / green customer counts in the theme's zone colours, worst first, each bar
 * labelled with its count and share (colour is never the only cue). Null when no customer
 * has a zone, so an answer never carries an empty chart.
 */
export function buildZoneDistributionChart(zones: ZonesResult, scope: string): ChartDefinition | null {
  const zoned = zones.n - zones.noZone;
  if (zoned === 0) return null;
  const values = ZONE_ORDER.map((zone) => ({
    zone: ZONE_LABELS[zone],
    n: zones.counts[zone],
    label: `${formatNumber(zones.counts[zone], 'integer')} (${formatNumber(zones.counts[zone] / zoned, 'percent')})`,
  }));
  const title = `Customers per zone (n = ${formatNumber(zoned, 'integer')} with a zone)`;
  const subtitle = [
    `${scope}; ${ZONE_METHOD_LABELS[zones.method]}`,
    zones.noZone > 0
      ? `${formatNumber(zones.noZone, 'integer')} customers without a zone (missing inputs) not shown`
      : '',
  ].filter((line) => line !== '');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    data: { values },
    encoding: {
      x: {
        field: 'zone',
        type: 'nominal',
        sort: ZONE_ORDER.map((z) => ZONE_LABELS[z]),
        title: null,
      },
      y: {
        field: 'n',
        type: 'quantitative',
        title: 'Customers (count)',
        scale: { domain: [0, Math.max(1, ...values.map((v) => v.n)) * 1.15], nice: false },
        axis: { format: ',d' },
      },
    },
    layer: [
      {
        mark: { type: 'bar', width: { band: 0.6 }, cornerRadiusEnd: 2 },
        encoding: {
          color: {
            field: 'zone',
            type: 'nominal',
            legend: null,
            scale: { domain: ZONE_ORDER.map((z) => ZONE_LABELS[z]), range: ZONE_ORDER.map((z) => ZONE_COLORS[z]) },
          },
        },
      },
      { mark: { type: 'text', baseline: 'bottom', dy: -6, fontSize: 14 }, encoding: { text: { field: 'label' } } },
    ],
  };
  return {
    id: 'zone-distribution',
    title,
    altText: `${values.map((v) => `${v.zone}: ${v.label}`).join('; ')}. Zones by ${ZONE_METHOD_LABELS[zones.method]}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
