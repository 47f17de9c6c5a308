import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme, ZONE_COLORS, ZONE_ORDER, type Zone } from '../theme.js';

/** A group's zone counts, e.g. a cohort's, to set beside every customer's. */
export interface ZoneGroup {
  readonly label: string;
  readonly counts: Readonly<Record<Zone, number>>;
}

/**
 * The zone mix, worst first, in the theme's zone colours with every bar labelled with its
 * count and share (colour is never the only cue; the light yellow bar gets a dark outline).
 * With a `focus` group (a cohort) the bars are shares of the group beside shares of every
 * customer, the baseline. Null when no customer has a zone.
 */
export function buildZoneDistributionChart(
  zones: ZonesResult,
  scope: string,
  focus?: ZoneGroup,
  locale: Locale = 'en',
): ChartDefinition | null {
  const zoned = zones.n - zones.noZone;
  if (zoned === 0) return null;
  const t = translator(locale);
  const zoneLabel = (zone: Zone) => t(`chart.zones.label.${zone}` as MessageKey);
  const method = t(`zones.method.${zones.method}` as MessageKey);
  const allCustomers = t('chart.zones.allCustomers');
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const focusTotal = focus ? ZONE_ORDER.reduce((sum, z) => sum + focus.counts[z], 0) : 0;
  const groups = [
    ...(focus && focusTotal > 0 ? [{ label: focus.label, counts: focus.counts, total: focusTotal }] : []),
    { label: focus && focusTotal > 0 ? allCustomers : scope, counts: zones.counts, total: zoned },
  ];
  const compared = groups.length > 1;
  const values = groups.flatMap((g) =>
    ZONE_ORDER.map((zone) => ({
      zone: zoneLabel(zone),
      group: g.label,
      n: g.counts[zone],
      share: g.counts[zone] / g.total,
      label: `${count(g.counts[zone])} (${pct(g.counts[zone] / g.total)})`,
      shareLabel: pct(g.counts[zone] / g.total),
    })),
  );
  const red = zones.counts.red;
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const title =
    compared && focus
      ? t('chart.zones.titleCompared', {
          focusShare: pct(focus.counts.red / focusTotal),
          focus: lower(focus.label),
          allShare: pct(red / zoned),
        })
      : t('chart.zones.title', { count: count(red), red, share: pct(red / zoned) });
  const withZone = groups.map((g) => t('chart.zones.groupWithZone', { group: lower(g.label), count: count(g.total) }));
  const subtitle = [
    compared
      ? t('chart.zones.subtitleCompared', { solid: withZone[0] ?? '', pale: withZone.slice(1).join('; '), method })
      : t('chart.zones.subtitle', { scope, count: count(zoned), method }),
    zones.noZone > 0 ? t('chart.zones.noZone', { count: count(zones.noZone) }) : '',
  ];
  const measure = compared ? 'share' : 'n';
  const max = Math.max(1e-9, ...values.map((v) => v[measure]));
  const zoneScale = { domain: ZONE_ORDER.map(zoneLabel), range: ZONE_ORDER.map((z) => ZONE_COLORS[z]) };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, subtitle),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: compared ? 330 : 300,
    data: { values },
    encoding: {
      x: { field: 'zone', type: 'nominal', sort: zoneScale.domain, title: null },
      ...(compared ? { xOffset: { field: 'group', sort: groups.map((g) => g.label) } } : {}),
      y: {
        field: measure,
        type: 'quantitative',
        title: t(compared ? 'chart.zones.axisShare' : 'chart.zones.axisCount'),
        scale: { domain: [0, max * 1.18], nice: false },
        axis: compared ? { format: '.0%' } : { format: ',d' },
      },
    },
    layer: [
      {
        // The group's bars solid, the baseline's pale: each keeps its zone colour.
        mark: {
          type: 'bar',
          width: { band: compared ? 0.9 : 0.6 },
          cornerRadiusEnd: 2,
          stroke: '#4D4D4D',
          strokeWidth: 1,
        },
        encoding: {
          color: { field: 'zone', type: 'nominal', legend: null, scale: zoneScale },
          ...(compared
            ? {
                fillOpacity: {
                  condition: { test: `datum.group === ${JSON.stringify(allCustomers)}`, value: 0.35 },
                  value: 1,
                },
              }
            : {}),
        },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -4 },
        encoding: { text: { field: compared ? 'shareLabel' : 'label' } },
      },
    ],
  };
  return {
    id: 'zone-distribution',
    title,
    altText: `${title}. ${values.map((v) => `${v.group}, ${v.zone}: ${v.label}`).join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
