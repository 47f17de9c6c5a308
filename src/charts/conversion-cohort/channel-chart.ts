import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { withTheme } from '../theme.js';

/** Channels beyond this are summed into one "Other" bar so the bars stay readable. */
export const CHANNEL_BARS = 12;
const CHANNEL_LABEL_WIDTH = 28;

/** The cohort's activity-table engagement channels as horizontal bars, largest first, with share and n. */
export function buildChannelChart(channels: Distribution, cohortSize: number): ChartDefinition | null {
  if (channels.n === 0) return null;
  const shown = channels.levels.slice(0, CHANNEL_BARS);
  const rest = channels.levels.slice(CHANNEL_BARS);
  const bars = shown.map((l) => ({ label: l.label, n: l.n }));
  if (rest.length > 0) bars.push({ label: `Other (${rest.length} channels)`, n: rest.reduce((s, l) => s + l.n, 0) });
  const values = bars.map((b) => ({
    channel: truncateLabel(b.label, CHANNEL_LABEL_WIDTH),
    share: b.n / channels.n,
    label: `${formatNumber(b.n / channels.n, 'percent')} (${formatNumber(b.n, 'integer')})`,
  }));
  const title = `Engagement channel of the cohort (n = ${formatNumber(channels.n, 'integer')} customers)`;
  const subtitle =
    channels.missing > 0
      ? `activity-table primary_engagement_channel; ${formatNumber(channels.missing, 'integer')} of ${formatNumber(cohortSize, 'integer')} without a channel not shown`
      : 'activity-table primary_engagement_channel';
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    data: { values },
    encoding: {
      y: {
        field: 'channel',
        type: 'nominal',
        sort: values.map((v) => v.channel),
        title: null,
        axis: { labelLimit: 260 },
      },
      x: {
        field: 'share',
        type: 'quantitative',
        title: 'Share of cohort customers with a channel (%)',
        axis: { format: '.0%' },
        scale: { domain: [0, Math.min(1, Math.max(...values.map((v) => v.share)) * 1.2)], nice: false },
      },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.7 }, cornerRadiusEnd: 2 } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'label' } } },
    ],
  };
  const top = channels.levels[0];
  return {
    id: 'cohort-channels',
    title,
    altText: top
      ? `${top.label} is the most common channel in the cohort at ${formatNumber(top.share, 'percent')} of ${formatNumber(channels.n, 'integer')} customers.`
      : 'No channel to show.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
