import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { chartWords } from '../chart-words.js';
import { formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';

/** Channels beyond this are summed into one "Other" bar so the bars stay readable. */
export const CHANNEL_BARS = 12;
const CHANNEL_LABEL_WIDTH = 28;

/** A gap in share below this (in share points) reads as "the same mix". */
const SAME_MIX = 0.03;

/** The cohort in blue, the all-customers baseline in grey (ΔE ≥ 40 under colour-blind simulation). */
export const COHORT_VS_ALL_SCALE = { domain: ['Cohort', 'All customers'], range: [CATEGORY_PALETTE[0], '#A6A6A6'] };

/**
 * The cohort's activity-table engagement channels beside every activity customer's (the
 * baseline), as shares from zero, largest cohort share first, each bar labelled; channels past
 * CHANNEL_BARS fold into "Other". The title says whether the cohort's mix differs.
 */
export function buildChannelChart(
  channels: Distribution,
  cohortSize: number,
  baseline?: Distribution,
  locale: Locale = 'en',
): ChartDefinition | null {
  if (channels.n === 0) return null;
  const words = chartWords(locale);
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const shown = channels.levels.slice(0, CHANNEL_BARS);
  const rest = channels.levels.slice(CHANNEL_BARS);
  const shownLabels = new Set(shown.map((l) => l.label));
  const allCount = (label: string) => baseline?.levels.find((l) => l.label === label)?.n ?? 0;
  const bars = shown.map((l) => ({ label: l.label, n: l.n, all: allCount(l.label) }));
  if (rest.length > 0) {
    bars.push({
      label: `Other (${rest.length} channels)`,
      n: rest.reduce((s, l) => s + l.n, 0),
      all: (baseline?.levels ?? []).filter((l) => !shownLabels.has(l.label)).reduce((s, l) => s + l.n, 0),
    });
  }
  const hasBaseline = baseline !== undefined && baseline.n > 0;
  const values = bars.flatMap((b) => {
    const channel = truncateLabel(b.label, CHANNEL_LABEL_WIDTH);
    const cohort = {
      channel,
      group: 'Cohort',
      share: b.n / channels.n,
      label: `${pct(b.n / channels.n)} (${count(b.n)})`,
    };
    if (!hasBaseline) return [cohort];
    return [cohort, { channel, group: 'All customers', share: b.all / baseline.n, label: pct(b.all / baseline.n) }];
  });
  const gaps = hasBaseline
    ? bars.map((b) => ({ label: b.label, cohort: b.n / channels.n, all: b.all / baseline.n }))
    : [];
  const widest = [...gaps].sort((a, b) => Math.abs(b.cohort - b.all) - Math.abs(a.cohort - a.all))[0];
  const top = channels.levels[0];
  const title = !widest
    ? `${top?.label ?? 'No channel'} is the cohort's most common channel: ${pct(top?.share ?? 0)}`
    : Math.abs(widest.cohort - widest.all) < SAME_MIX
      ? `The cohort's channel mix mirrors all customers: every share within ${formatNumber(SAME_MIX * 100, 'integer', locale)} points`
      : `${widest.label} is ${widest.cohort > widest.all ? 'more' : 'less'} common in the cohort: ${pct(widest.cohort)} vs ${pct(widest.all)} of all customers`;
  const subtitle = [
    hasBaseline
      ? `Activity-table engagement channel: the cohort (${count(channels.n)}) vs all ${words.customers} (${count(baseline.n)})`
      : `Activity-table engagement channel of the ${count(channels.n)} cohort ${words.customers}`,
    channels.missing > 0 ? `${count(channels.missing)} of ${count(cohortSize)} without a channel not shown` : '',
  ];
  const max = Math.max(...values.map((v) => v.share));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, subtitle),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: bars.length * (hasBaseline ? 44 : 30),
    data: { values },
    encoding: {
      y: {
        field: 'channel',
        type: 'nominal',
        sort: bars.map((b) => truncateLabel(b.label, CHANNEL_LABEL_WIDTH)),
        title: null,
        axis: { labelLimit: 260 },
      },
      ...(hasBaseline ? { yOffset: { field: 'group', sort: COHORT_VS_ALL_SCALE.domain } } : {}),
      x: {
        field: 'share',
        type: 'quantitative',
        title: 'Share of the group (%)',
        axis: { format: '.0%' },
        scale: { domain: [0, Math.min(1, max * 1.3)], nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: hasBaseline ? 0.9 : 0.7 }, cornerRadiusEnd: 2 },
        encoding: hasBaseline
          ? { color: { field: 'group', type: 'nominal', title: null, scale: COHORT_VS_ALL_SCALE } }
          : {},
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'label' } } },
    ],
  };
  return {
    id: 'cohort-channels',
    title,
    altText: `${title}. ${bars.map((b) => `${b.label}: ${pct(b.n / channels.n)}`).join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
