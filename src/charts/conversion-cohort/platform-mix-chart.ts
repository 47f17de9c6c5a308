import type { PlatformMix } from '../../analysis/conversion-cohort/platform-mix.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';

const GROUP_COLORS = { Cohort: CATEGORY_PALETTE[1], All: CATEGORY_PALETTE[0] } as const;

/**
 * Mean activity health per platform combination, cohort vs all, as dots on one row per
 * combination (health sits in a narrow band, so bars from zero would hide the gaps).
 * Rows are sorted by the population's mean health; the n of each dot is printed beside it.
 */
export function buildPlatformMixChart(mix: PlatformMix): ChartDefinition | null {
  const combos = mix.combinations.filter((c) => c.all.meanHealth !== null);
  if (combos.length === 0) return null;
  const sorted = [...combos].sort((a, b) => (b.all.meanHealth as number) - (a.all.meanHealth as number));
  const label = (c: (typeof combos)[number]) => `${c.label} ${c.platforms}`;
  const values = sorted.flatMap((c) =>
    (['Cohort', 'All'] as const)
      .map((group) => ({ group, g: group === 'Cohort' ? c.cohort : c.all }))
      .filter(({ g }) => g.meanHealth !== null)
      .map(({ group, g }) => ({
        combination: label(c),
        group,
        health: g.meanHealth as number,
        label: `${(g.meanHealth as number).toFixed(1)} (n = ${formatNumber(g.n, 'integer')})`,
      })),
  );
  const healths = values.map((v) => v.health);
  const low = Math.min(...healths);
  const high = Math.max(...healths);
  const pad = Math.max(2, (high - low) * 0.15);
  const r = mix.correlation.cohort;
  const rAll = mix.correlation.all;
  const rText = (c: typeof r) =>
    c.kind === 'ok'
      ? `r = ${formatNumber(c.r, 'significant')}`
      : c.kind === 'too-few-rows'
        ? 'too few rows'
        : 'r not defined';
  const cohortN = mix.combinations.reduce((s, c) => s + c.cohort.n, 0);
  const allN = mix.combinations.reduce((s, c) => s + c.all.n, 0);
  const title = `Mean health by platform mix: cohort (n = ${formatNumber(cohortN, 'integer')}) vs all (n = ${formatNumber(allN, 'integer')})`;
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: title,
      subtitle: `Pearson platform count (0–3) vs health: cohort ${rText(r)}, all ${rText(rAll)}`,
    },
    data: { values },
    encoding: {
      y: {
        field: 'combination',
        type: 'nominal',
        sort: sorted.map(label),
        title: 'Platforms (flags M S Z)',
        axis: { labelLimit: 260 },
      },
      x: {
        field: 'health',
        type: 'quantitative',
        title: 'Mean customer_health_score (activity table, points)',
        scale: { domain: [Math.max(0, low - pad), high + pad * 2.5], nice: false, zero: false },
      },
      yOffset: { field: 'group', type: 'nominal', sort: ['Cohort', 'All'] },
      color: {
        field: 'group',
        type: 'nominal',
        title: null,
        scale: { domain: ['Cohort', 'All'], range: [GROUP_COLORS.Cohort, GROUP_COLORS.All] },
      },
    },
    layer: [
      { mark: { type: 'point', filled: true, size: 140, fillOpacity: 0.9 } },
      {
        mark: { type: 'text', align: 'left', dx: 9, fontSize: 11 },
        encoding: { text: { field: 'label' } },
      },
    ],
  };
  return {
    id: 'cohort-platform-mix',
    title,
    altText: `Mean health per Marketo/Stripe/Zendesk combination for the cohort and for all customers; ${sorted[0] ? `${label(sorted[0])} is healthiest overall` : ''}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}
