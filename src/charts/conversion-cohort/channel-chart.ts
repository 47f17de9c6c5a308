import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, UNSTACKED, withTheme } from '../theme.js';

/** Channels beyond this are summed into one "Other" bar so the bars stay readable. */
export const CHANNEL_BARS = 12;
const CHANNEL_LABEL_WIDTH = 28;

/** A gap in share below this (in share points) reads as "the same mix". */
const SAME_MIX = 0.03;

/** The cohort in blue, the all-customers baseline in grey (ΔE ≥ 40 under colour-blind simulation). */
export function cohortVsAllScale(locale: Locale = 'en') {
  const t = translator(locale);
  return { domain: [t('chart.channel.cohort'), t('chart.channel.all')], range: [CATEGORY_PALETTE[0], '#A6A6A6'] };
}

export const COHORT_VS_ALL_SCALE = cohortVsAllScale('en');

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
  const t = translator(locale);
  const scale = cohortVsAllScale(locale);
  const [cohortLabel, allLabel] = scale.domain as [string, string];
  const pct = (x: number) => formatNumber(x, 'percent', locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const shown = channels.levels.slice(0, CHANNEL_BARS);
  const rest = channels.levels.slice(CHANNEL_BARS);
  const shownLabels = new Set(shown.map((l) => l.label));
  const allCount = (label: string) => baseline?.levels.find((l) => l.label === label)?.n ?? 0;
  const bars = shown.map((l) => ({ label: l.label, n: l.n, all: allCount(l.label) }));
  if (rest.length > 0) {
    bars.push({
      label: t('chart.channel.other', { n: rest.length }),
      n: rest.reduce((s, l) => s + l.n, 0),
      all: (baseline?.levels ?? []).filter((l) => !shownLabels.has(l.label)).reduce((s, l) => s + l.n, 0),
    });
  }
  const hasBaseline = baseline !== undefined && baseline.n > 0;
  const values = bars.flatMap((b) => {
    const channel = truncateLabel(b.label, CHANNEL_LABEL_WIDTH);
    const cohort = {
      channel,
      group: cohortLabel,
      share: b.n / channels.n,
      label: t('chart.channel.label', { share: pct(b.n / channels.n), n: count(b.n) }),
    };
    if (!hasBaseline) return [cohort];
    return [cohort, { channel, group: allLabel, share: b.all / baseline.n, label: pct(b.all / baseline.n) }];
  });
  const gaps = hasBaseline
    ? bars.map((b) => ({ label: b.label, cohort: b.n / channels.n, all: b.all / baseline.n }))
    : [];
  const widest = [...gaps].sort((a, b) => Math.abs(b.cohort - b.all) - Math.abs(a.cohort - a.all))[0];
  const top = channels.levels[0];
  const title = !widest
    ? t('chart.channel.titleTop', { channel: top?.label ?? t('chart.channel.noChannel'), share: pct(top?.share ?? 0) })
    : Math.abs(widest.cohort - widest.all) < SAME_MIX
      ? t('chart.channel.titleSame', { points: formatNumber(SAME_MIX * 100, 'integer', locale) })
      : t('chart.channel.titleDiff', {
          channel: widest.label,
          more: widest.cohort > widest.all ? 'yes' : 'no',
          cohort: pct(widest.cohort),
          all: pct(widest.all),
        });
  const subtitle = [
    hasBaseline
      ? t('chart.channel.subtitleCompared', { n: count(channels.n), all: count(baseline.n) })
      : t('chart.channel.subtitle', { n: count(channels.n) }),
    channels.missing > 0 ? t('chart.channel.missing', { missing: count(channels.missing), n: count(cohortSize) }) : '',
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
      ...(hasBaseline ? { yOffset: { field: 'group', sort: scale.domain } } : {}),
      x: {
        field: 'share',
        type: 'quantitative',
        stack: UNSTACKED,
        title: t('chart.channel.axis'),
        axis: { format: '.0%' },
        scale: { domain: [0, Math.min(1, max * 1.3)], nice: false },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: hasBaseline ? 0.9 : 0.7 }, cornerRadiusEnd: 2 },
        encoding: hasBaseline ? { color: { field: 'group', type: 'nominal', title: null, scale } } : {},
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
