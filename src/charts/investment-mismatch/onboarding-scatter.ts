import { COMPARISON_GROUPS, type ComparisonGroup } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { OnboardingAnalysis, OnboardingPoint } from '../../analysis/investment-mismatch/onboarding.js';
import type { Correlation } from '../../analysis/stats/pearson.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, type Translate, translator } from '../../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { SCATTER_POINT_LIMIT, sampleStratified } from '../sample-points.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { groupColorScale, SCHEMA } from './chart-parts.js';

/**
 * §1 onboarding vs adoption for the top-priority customers, coloured by group, with each
 * group's least-squares line fitted on all its customers (the points may be a sample).
 */

export function buildOnboardingScatterChart(
  onboarding: OnboardingAnalysis,
  locale: Locale = 'en',
): ChartDefinition | null {
  const all = onboarding.points;
  if (all.length === 0) return null;
  const t = translator(locale);
  const groupName = (g: ComparisonGroup) => t(`chart.mismatch.group.${g}` as MessageKey);
  const num = (x: number, kind: 'decimal' | 'integer') => formatNumber(x, kind, locale);
  const scale = groupColorScale(locale);
  const { rows: shown, strata } = sampleStratified(all, (p) => p.group, SCATTER_POINT_LIMIT);
  const points = shown.map((p) => ({ onboarding: p.onboarding, adoption: p.adoption, group: groupName(p.group) }));
  const lines = COMPARISON_GROUPS.flatMap((group) => {
    const fit = leastSquares(all.filter((p) => p.group === group));
    return fit ? fit.map((p) => ({ ...p, group: groupName(group) })) : [];
  });
  const rText = COMPARISON_GROUPS.map((g) =>
    t('chart.onboarding.groupR', {
      group: groupName(g).toLocaleLowerCase(locale),
      r: correlationText(onboarding.correlations[g], t),
    }),
  );
  const groups = strata.map((s) =>
    t('chart.onboarding.sampledGroup', {
      shown: num(s.shown, 'integer'),
      total: num(s.total, 'integer'),
      group: groupName(s.group as ComparisonGroup).toLocaleLowerCase(locale),
    }),
  );
  const sampled = shown.length < all.length ? t('chart.onboarding.sampled', { groups: groups.join(', ') }) : '';
  const title = onboardingTakeaway(onboarding, t);
  const spec = {
    $schema: SCHEMA,
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: 340,
    title: chartTitle(title, [
      t('chart.onboarding.subtitle', { n: num(all.length, 'integer'), rs: rText.join('; ') }),
      sampled || t('chart.onboarding.lines'),
    ]),
    layer: [
      {
        data: { values: points },
        mark: { type: 'circle', size: 30 },
        encoding: {
          x: {
            field: 'onboarding',
            type: 'quantitative',
            title: t('chart.onboarding.x'),
            scale: { zero: false },
          },
          y: {
            field: 'adoption',
            type: 'quantitative',
            title: t('chart.onboarding.y'),
            scale: { zero: false },
            axis: { format: '.0%' },
          },
          color: { field: 'group', type: 'nominal', title: null, scale },
        },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 3 },
        encoding: {
          x: { field: 'onboarding', type: 'quantitative' },
          y: { field: 'adoption', type: 'quantitative' },
          color: { field: 'group', type: 'nominal', title: null, scale },
        },
      },
    ],
  };
  return {
    id: 'onboarding-vs-adoption',
    title,
    altText: t('chart.onboarding.alt', { rs: rText.join('; ') }),
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

/** "Better onboarding goes with higher adoption in both groups": the sign and strength of r per group. */
function onboardingTakeaway(onboarding: OnboardingAnalysis, t: Translate): string {
  const rs = COMPARISON_GROUPS.map((g) => onboarding.correlations[g]).flatMap((c) => (c.kind === 'ok' ? [c.r] : []));
  if (rs.length === 0) return t('chart.onboarding.tooFew');
  const both = rs.length === COMPARISON_GROUPS.length ? 'yes' : 'no';
  const weakest = Math.min(...rs.map(Math.abs));
  const decimal = (r: number) => formatNumber(r, 'decimal', t.locale);
  if (rs.every((r) => r >= 0.3)) return t('chart.onboarding.better', { both, weakest: decimal(weakest) });
  if (rs.every((r) => Math.abs(r) < 0.1)) return t('chart.onboarding.barely', { both });
  return t('chart.onboarding.weak', {
    rs: rs.map(decimal).reduce((first, second) => t('chart.onboarding.and', { first, second })),
  });
}

function correlationText(c: Correlation, t: Translate): string {
  return c.kind === 'ok'
    ? t('chart.onboarding.r', { r: formatNumber(c.r, 'decimal', t.locale), n: formatNumber(c.n, 'integer', t.locale) })
    : c.kind === 'constant'
      ? t('chart.onboarding.rConstant')
      : t('chart.onboarding.rFew', { n: c.n });
}

/** The fitted line's two end points over the group's onboarding range; null for fewer than 2 distinct x. */
function leastSquares(points: readonly OnboardingPoint[]): { onboarding: number; adoption: number }[] | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    sx += p.onboarding;
    sy += p.adoption;
    if (p.onboarding < minX) minX = p.onboarding;
    if (p.onboarding > maxX) maxX = p.onboarding;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.onboarding - mx) * (p.adoption - my);
    sxx += (p.onboarding - mx) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return [minX, maxX].map((x) => ({ onboarding: x, adoption: my + slope * (x - mx) }));
}
