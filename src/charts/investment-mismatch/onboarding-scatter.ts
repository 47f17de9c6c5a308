import { COMPARISON_GROUPS, GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { OnboardingAnalysis, OnboardingPoint } from '../../analysis/investment-mismatch/onboarding.js';
import type { Correlation } from '../../analysis/stats/pearson.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { SCATTER_POINT_LIMIT, sampleStratified } from '../sample-points.js';
import { GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { GROUP_COLOR_SCALE, SCHEMA } from './chart-parts.js';

/**
 * §1 onboarding vs adoption for the top-priority customers, coloured by group, with each
 * group's least-squares line fitted on all its customers (the points may be a sample).
 */

export function buildOnboardingScatterChart(onboarding: OnboardingAnalysis): ChartDefinition | null {
  const all = onboarding.points;
  if (all.length === 0) return null;
  const { rows: shown, strata } = sampleStratified(all, (p) => p.group, SCATTER_POINT_LIMIT);
  const points = shown.map((p) => ({ onboarding: p.onboarding, adoption: p.adoption, group: GROUP_LABELS[p.group] }));
  const lines = COMPARISON_GROUPS.flatMap((group) => {
    const fit = leastSquares(all.filter((p) => p.group === group));
    return fit ? fit.map((p) => ({ ...p, group: GROUP_LABELS[group] })) : [];
  });
  const rText = COMPARISON_GROUPS.map(
    (g) => `${GROUP_LABELS[g].toLowerCase()} ${correlationText(onboarding.correlations[g])}`,
  );
  const sampled =
    shown.length < all.length
      ? `Points: ${strata.map((s) => `${formatNumber(s.shown, 'integer')} of ${formatNumber(s.total, 'integer')} ${GROUP_LABELS[s.group as keyof typeof GROUP_LABELS].toLowerCase()}`).join(', ')} (sampled per group); lines fitted on all`
      : '';
  const title = onboardingTakeaway(onboarding);
  const spec = {
    $schema: SCHEMA,
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: 340,
    title: chartTitle(title, [
      `Top 30% by priority, n = ${formatNumber(all.length, 'integer')}; correlation ${rText.join('; ')}`,
      sampled || 'Lines: straight-line fit per group',
    ]),
    layer: [
      {
        data: { values: points },
        mark: { type: 'circle', size: 30 },
        encoding: {
          x: {
            field: 'onboarding',
            type: 'quantitative',
            title: 'Onboarding score',
            scale: { zero: false },
          },
          y: {
            field: 'adoption',
            type: 'quantitative',
            title: 'Product adoption (%)',
            scale: { zero: false },
            axis: { format: '.0%' },
          },
          color: { field: 'group', type: 'nominal', title: null, scale: GROUP_COLOR_SCALE },
        },
      },
      {
        data: { values: lines },
        mark: { type: 'line', strokeWidth: 3 },
        encoding: {
          x: { field: 'onboarding', type: 'quantitative' },
          y: { field: 'adoption', type: 'quantitative' },
          color: { field: 'group', type: 'nominal', title: null, scale: GROUP_COLOR_SCALE },
        },
      },
    ],
  };
  return {
    id: 'onboarding-vs-adoption',
    title,
    altText: `Onboarding against adoption for top-priority customers: ${rText.join('; ')}.`,
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

/** "Better onboarding goes with higher adoption in both groups": the sign and strength of r per group. */
function onboardingTakeaway(onboarding: OnboardingAnalysis): string {
  const rs = COMPARISON_GROUPS.map((g) => onboarding.correlations[g]).flatMap((c) => (c.kind === 'ok' ? [c.r] : []));
  if (rs.length === 0) return 'Too few top-priority customers to relate onboarding and adoption';
  const both = rs.length === COMPARISON_GROUPS.length ? ' in both groups' : '';
  const weakest = Math.min(...rs.map(Math.abs));
  if (rs.every((r) => r >= 0.3))
    return `Better onboarding goes with higher adoption${both} (r ≥ ${formatNumber(weakest, 'decimal')})`;
  if (rs.every((r) => Math.abs(r) < 0.1)) return `Onboarding barely relates to adoption${both}`;
  return `Onboarding relates only weakly to adoption (r ${rs.map((r) => formatNumber(r, 'decimal')).join(' and ')})`;
}

function correlationText(c: Correlation): string {
  return c.kind === 'ok'
    ? `r = ${formatNumber(c.r, 'decimal')} (n = ${formatNumber(c.n, 'integer')})`
    : c.kind === 'constant'
      ? 'r undefined (constant)'
      : `too few rows (n = ${c.n})`;
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
