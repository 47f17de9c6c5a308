import { GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { RoiAndLifecycle } from '../../analysis/investment-mismatch/roi-lifecycle.js';
import type { TeamAndLevel } from '../../analysis/investment-mismatch/team-and-level.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { GROUP_COLOR_SCALE, label, roiLabel, SCHEMA, SMALL_GROUP } from './chart-parts.js';

/** §1 ROI charts: box plot by lifecycle stage, stage mix, and grouped bars by decision level and team size. */

export function buildRoiByLifecycleChart(roi: RoiAndLifecycle): ChartDefinition | null {
  if (!roi.byStage.available) return null;
  const stages = roi.byStage.value;
  const n = stages.reduce((sum, s) => sum + s.n, 0);
  const values = stages.map((s) => ({
    ...s,
    stage: label(s.stage),
    text: `median ${roiLabel(s.median)} · n ${formatNumber(s.n, 'integer')}${s.n < SMALL_GROUP ? ' (few)' : ''}`,
  }));
  const medians = stages.map((s) => s.median);
  // Stages sort by median; the lead is the first with enough customers to rank.
  const best = stages.find((s) => s.n >= SMALL_GROUP);
  const title = best
    ? `Median ROI spans ${roiLabel(Math.min(...medians))} to ${roiLabel(Math.max(...medians))} across stages; ${best.stage} highest of those with ${SMALL_GROUP}+ customers`
    : `Median ROI spans ${roiLabel(Math.min(...medians))} to ${roiLabel(Math.max(...medians))}; no stage has ${SMALL_GROUP}+ customers`;
  const high = Math.max(...stages.map((s) => s.max));
  const y = { field: 'stage', type: 'nominal', sort: values.map((v) => v.stage), title: null };
  const spec = {
    $schema: SCHEMA,
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: Math.max(200, stages.length * 48),
    title: chartTitle(title, [
      `All ${formatNumber(n, 'integer')} customers with an ROI; ROI = lifetime value (LTV) ÷ acquisition cost, extremes capped at the 1st/99th percentile`,
      `Box = middle half, white tick = median, whiskers = min–max; "(few)" = n under ${SMALL_GROUP}`,
    ]),
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: '#555555' },
        encoding: {
          x: {
            field: 'min',
            type: 'quantitative',
            title: 'ROI (×)',
            scale: { domain: [0, high * 1.6], nice: false },
          },
          x2: { field: 'max' },
        },
      },
      {
        mark: { type: 'bar', height: { band: 0.55 }, color: CATEGORY_PALETTE[0], fillOpacity: 0.85 },
        encoding: { x: { field: 'q1', type: 'quantitative' }, x2: { field: 'q3' } },
      },
      {
        mark: { type: 'tick', color: '#FFFFFF', thickness: 3, size: 26 },
        encoding: { x: { field: 'median', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6 },
        encoding: { x: { field: 'max', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
  const top = stages[0];
  return {
    id: 'roi-by-lifecycle',
    title,
    altText: top ? `${top.stage} has the highest median ROI, ${roiLabel(top.median)}.` : 'No stage to show.',
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

export function buildLifecycleMixChart(roi: RoiAndLifecycle): ChartDefinition | null {
  if (!roi.stageMix.available) return null;
  const shares = roi.stageMix.value;
  const totals = { mismatched: 0, 'other-top': 0 };
  for (const s of shares) totals[s.group] += s.n;
  const mismatchedShare = (stage: string) =>
    shares.find((s) => s.stage === stage && s.group === 'mismatched')?.share ?? 0;
  const stages = [...new Set(shares.map((s) => s.stage))].sort(
    (a, b) => mismatchedShare(b) - mismatchedShare(a) || a.localeCompare(b),
  );
  const values = shares.map((s) => ({
    stage: label(s.stage),
    group: GROUP_LABELS[s.group],
    share: s.share,
    text: `${formatNumber(s.share, 'percent')} (${formatNumber(s.n, 'integer')})`,
  }));
  const lead = stages[0];
  const restShare = (stage: string) => shares.find((s) => s.stage === stage && s.group === 'other-top')?.share ?? 0;
  const title = lead
    ? `${formatNumber(mismatchedShare(lead), 'percent')} of mismatched top-priority customers are ${lead}, vs ${formatNumber(restShare(lead), 'percent')} of the rest`
    : 'No lifecycle stage to compare';
  const spec = groupedBars({
    title,
    subtitle: [
      `Top 30% by priority: ${formatNumber(totals.mismatched, 'integer')} mismatched vs the other ${formatNumber(totals['other-top'], 'integer')}`,
      'Share of each group in each lifecycle stage; sorted by the mismatched share',
    ],
    values,
    category: 'stage',
    categories: stages.map(label),
    measure: 'share',
    measureTitle: 'Share of the group (%)',
    format: '.0%',
    domainMax: Math.max(...shares.map((s) => s.share)) * 1.3,
    axisValues: [0, 0.25, 0.5, 0.75, 1],
  });
  const first = stages[0];
  return {
    id: 'lifecycle-distribution',
    title,
    altText: first
      ? `Most mismatched top-priority customers are in ${first} (${formatNumber(mismatchedShare(first), 'percent')}).`
      : 'No stage to show.',
    spec: withTheme(spec),
  };
}

export function buildRoiByDecisionLevelChart(team: TeamAndLevel): ChartDefinition | null {
  const cells = team.decisionLevels.filter((c) => c.meanRoi !== null);
  if (cells.length === 0) return null;
  const levels = [...new Set(team.decisionLevels.map((c) => c.level))];
  const values = cells.map((c) => ({
    level: label(c.level),
    group: GROUP_LABELS[c.group],
    roi: c.meanRoi,
    n: c.n,
    text: `${roiLabel(c.meanRoi)} (n ${formatNumber(c.n, 'integer')})`,
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = roiGapTitle(
    cells.map((c) => ({ key: c.level, group: c.group, roi: c.meanRoi, n: c.n })),
    'decision makers',
  );
  return {
    id: 'roi-by-decision-level',
    title,
    altText: `Mean winsorised ROI of mismatched vs other top-priority customers for each decision_maker_level.`,
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          `Top 30% by priority, n = ${formatNumber(n, 'integer')}: mismatched vs the rest, by decision-maker level`,
          `Mean ROI (LTV ÷ acquisition cost); pale bars: n under ${SMALL_GROUP}`,
        ],
        values,
        category: 'level',
        categories: levels.map(label),
        measure: 'roi',
        measureTitle: 'Mean ROI (×)',
        format: '.2~r',
        domainMax: Math.max(...cells.map((c) => c.meanRoi as number)) * 1.3,
      }),
    ),
  };
}

export function buildRoiByTeamSizeChart(team: TeamAndLevel): ChartDefinition | null {
  const cells = team.teamExec.filter((c) => c.meanRoi !== null);
  if (cells.length === 0) return null;
  const rowLabel = (c: { binLabel: string; executive: boolean }) =>
    `${c.binLabel} · ${c.executive ? 'executive' : 'other'}`;
  const rows = [...new Set(team.teamExec.map(rowLabel))];
  const values = cells.map((c) => ({
    row: rowLabel(c),
    group: GROUP_LABELS[c.group],
    roi: c.meanRoi,
    n: c.n,
    text: `${roiLabel(c.meanRoi)} (n ${formatNumber(c.n, 'integer')})`,
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = roiGapTitle(
    cells.map((c) => ({ key: rowLabel(c), group: c.group, roi: c.meanRoi, n: c.n })),
    'teams',
  );
  return {
    id: 'roi-by-team-size',
    title,
    altText: 'Mean winsorised ROI of mismatched vs other top-priority customers by team-size bin, executive or not.',
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          `Top 30% by priority, n = ${formatNumber(n, 'integer')}; team size ≤ 10, 11–50, > 50 people; executive = C-Level or VP`,
          `Mean ROI (LTV ÷ acquisition cost); pale bars: n under ${SMALL_GROUP}`,
        ],
        values,
        category: 'row',
        categories: rows,
        measure: 'roi',
        measureTitle: 'Mean ROI (×)',
        format: '.2~r',
        domainMax: Math.max(...cells.map((c) => c.meanRoi as number)) * 1.3,
      }),
    ),
  };
}

/**
 * "Mismatched earn less ROI than the rest in ≤ 10 · other teams: 6.12× vs 7.96×": the widest gap
 * between the two groups among comparisons where both have at least SMALL_GROUP customers.
 */
function roiGapTitle(
  cells: readonly { key: string; group: string; roi: number | null; n: number }[],
  noun: string,
): string {
  const keys = [...new Set(cells.map((c) => c.key))];
  const pairs = keys.flatMap((key) => {
    const m = cells.find((c) => c.key === key && c.group === 'mismatched');
    const r = cells.find((c) => c.key === key && c.group === 'other-top');
    if (!m || !r || m.roi === null || r.roi === null || m.n < SMALL_GROUP || r.n < SMALL_GROUP) return [];
    return [{ key, mismatched: m.roi, rest: r.roi }];
  });
  const widest = pairs.sort((a, b) => Math.abs(b.mismatched - b.rest) - Math.abs(a.mismatched - a.rest))[0];
  if (!widest) return `Too few top-priority ${noun} in each group to compare ROI`;
  const direction = widest.mismatched < widest.rest ? 'less' : 'more';
  return `Mismatched earn ${direction} ROI than the rest among ${widest.key} ${noun}: ${roiLabel(widest.mismatched)} vs ${roiLabel(widest.rest)}`;
}

interface GroupedBars {
  readonly title: string;
  readonly subtitle: string | readonly string[];
  readonly values: readonly Record<string, unknown>[];
  readonly category: string;
  readonly categories: readonly string[];
  readonly measure: string;
  readonly measureTitle: string;
  readonly format: string;
  readonly domainMax: number;
  readonly axisValues?: readonly number[];
}

/** Horizontal bars, one pair per category (mismatched above other top), value labels at the bar ends. */
function groupedBars(input: GroupedBars): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: chartTitle(input.title, input.subtitle),
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: Math.max(200, input.categories.length * 64),
    data: { values: input.values },
    encoding: {
      y: { field: input.category, type: 'nominal', sort: input.categories, title: null },
      yOffset: { field: 'group', sort: GROUP_COLOR_SCALE.domain },
      x: {
        field: input.measure,
        type: 'quantitative',
        title: input.measureTitle,
        scale: { domain: [0, input.domainMax], nice: false },
        axis: { format: input.format, ...(input.axisValues ? { values: input.axisValues } : {}) },
      },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.85 } },
        encoding: {
          color: { field: 'group', type: 'nominal', title: null, scale: GROUP_COLOR_SCALE },
          // Groups too small to compare stay visible but pale; their n is in the label.
          fillOpacity: { condition: { test: `datum.n < ${SMALL_GROUP}`, value: 0.35 }, value: 1 },
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'text' } } },
    ],
  } as unknown as TopLevelSpec;
}
