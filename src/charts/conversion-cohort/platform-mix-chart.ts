import type { PlatformMix } from '../../analysis/conversion-cohort/platform-mix.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { cohortVsAllScale } from './channel-chart.js';

/** A spread of mean health below this many points (of 100) reads as "barely differs". */
const BARELY = 5;

/**
 * Mean engagement health per platform combination, cohort beside all customers, as bars on the
 * full 0–100 scale: the means sit within a few points of each other, and the chart must show
 * that a few points are a few points (the old 68–78 axis made them look like a finding).
 * Rows sorted by the population's mean health; each bar labelled with its mean and n.
 */
export function buildPlatformMixChart(mix: PlatformMix, locale: Locale = 'en'): ChartDefinition | null {
  const combos = mix.combinations.filter((c) => c.all.meanHealth !== null);
  if (combos.length === 0) return null;
  const t = translator(locale);
  const count = (x: number) => formatNumber(x, 'integer', locale);
  const scale = cohortVsAllScale(locale);
  const [cohortLabel, allLabel] = scale.domain as [string, string];
  const sorted = [...combos].sort((a, b) => (b.all.meanHealth as number) - (a.all.meanHealth as number));
  // The analysis names the combination of no platform 'none': a word, so it is translated.
  const label = (c: (typeof combos)[number]) => (c.platforms === 'none' ? t('chart.platform.none') : c.platforms);
  const values = sorted.flatMap((c) =>
    (['Cohort', 'All'] as const)
      .map((group) => ({ group, g: group === 'Cohort' ? c.cohort : c.all }))
      .filter(({ g }) => g.meanHealth !== null)
      .map(({ group, g }) => ({
        groupLabel: group === 'Cohort' ? cohortLabel : allLabel,
        combination: label(c),
        group,
        health: g.meanHealth as number,
        label: t('chart.platform.label', { health: count(g.meanHealth as number), n: count(g.n) }),
      })),
  );
  const cohortHealths = values.filter((v) => v.group === 'Cohort').map((v) => v.health);
  const healths = cohortHealths.length > 0 ? cohortHealths : values.map((v) => v.health);
  const low = Math.min(...healths);
  const high = Math.max(...healths);
  const r = mix.correlation.cohort;
  const rAll = mix.correlation.all;
  const rText = (c: typeof r) =>
    c.kind === 'ok'
      ? t('chart.platform.rOk', { r: formatNumber(c.r, 'significant', locale) })
      : c.kind === 'too-few-rows'
        ? t('chart.platform.rFew')
        : t('chart.platform.rUndefined');
  const cohortN = mix.combinations.reduce((s, c) => s + c.cohort.n, 0);
  const allN = mix.combinations.reduce((s, c) => s + c.all.n, 0);
  const range = t('chart.platform.range', { low: count(low), high: count(high) });
  const top = sorted[0] ? label(sorted[0]) : '';
  const title =
    high - low < BARELY ? t('chart.platform.titleBarely', { range }) : t('chart.platform.titleSpan', { range, top });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chartTitle(title, [
      t('chart.platform.subtitle', { cohort: count(cohortN), all: count(allN) }),
      t('chart.platform.subtitle2', { rCohort: rText(r), rAll: rText(rAll) }),
    ]),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: sorted.length * 46,
    data: { values },
    encoding: {
      y: {
        field: 'combination',
        type: 'nominal',
        sort: sorted.map(label),
        title: null,
        axis: { labelLimit: 260 },
      },
      x: {
        field: 'health',
        type: 'quantitative',
        title: t('chart.platform.axis'),
        scale: { domain: [0, 100], nice: false },
        axis: { values: [0, 20, 40, 60, 80, 100] },
      },
      yOffset: { field: 'groupLabel', type: 'nominal', sort: scale.domain },
      color: {
        field: 'groupLabel',
        type: 'nominal',
        title: null,
        scale,
      },
    },
    layer: [
      { mark: { type: 'bar', height: { band: 0.9 } } },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        // Label text in the theme's near-black: the grey of the baseline bars is too pale for text (2.4:1).
        encoding: { text: { field: 'label' }, color: { value: '#1F1F1F' } },
      },
    ],
  };
  return {
    id: 'cohort-platform-mix',
    title,
    altText: t('chart.platform.alt', { top }),
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
