import { GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { RoiAndLifecycle } from '../../analysis/investment-mismatch/roi-lifecycle.js';
import type { TeamAndLevel } from '../../analysis/investment-mismatch/team-and-level.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';
import { GROUP_COLOR_SCALE, label, roiLabel, SCHEMA } from './chart-parts.js';

/** §1 ROI charts: box plot by lifecycle stage, stage mix, and grouped bars by decision level and team size. */

export function buildRoiByLifecycleChart(roi: RoiAndLifecycle): ChartDefinition | null {
  if (!roi.byStage.available) return null;
  const stages = roi.byStage.value;
  const n = stages.reduce((sum, s) => sum + s.n, 0);
  const values = stages.map((s) => ({
    ...s,
    stage: label(s.stage),
    text: `median ${roiLabel(s.median)} · n ${formatNumber(s.n, 'integer')}`,
  }));
  const title = `ROI by lifecycle stage (n = ${formatNumber(n, 'integer')})`;
  const high = Math.max(...stages.map((s) => s.max));
  const y = { field: 'stage', type: 'nominal', sort: values.map((v) => v.stage), title: null };
  const spec = {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: [
        'ROI = lifetime value ÷ acquisition cost, winsorised at P1/P99; sorted by median',
        'Box = Q1–Q3, white tick = median, whiskers = min–max',
      ],
    },
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: '#555555' },
        encoding: {
          x: {
            field: 'min',
            type: 'quantitative',
            title: 'ROI (lifetime value ÷ acquisition cost, ×)',
            scale: { domain: [0, high * 1.45], nice: false },
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
  const title = `Lifecycle stage, top-priority customers (n = ${formatNumber(totals.mismatched + totals['other-top'], 'integer')})`;
  const spec = groupedBars({
    title,
    subtitle: [
      `Share of each group per lifecycle_stage: ${formatNumber(totals.mismatched, 'integer')} mismatched, ${formatNumber(totals['other-top'], 'integer')} other`,
      'Sorted by the mismatched share',
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
    text: `${roiLabel(c.meanRoi)} (n ${formatNumber(c.n, 'integer')})`,
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = `Mean ROI by decision-maker level (n = ${formatNumber(n, 'integer')})`;
  return {
    id: 'roi-by-decision-level',
    title,
    altText: `Mean winsorised ROI of mismatched vs other top-priority customers for each decision_maker_level.`,
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          'Top-priority customers; sorted by the mismatched mean',
          'ROI = lifetime value ÷ acquisition cost, winsorised at P1/P99',
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
    text: `${roiLabel(c.meanRoi)} (n ${formatNumber(c.n, 'integer')})`,
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = `Mean ROI by team size and decision maker (n = ${formatNumber(n, 'integer')})`;
  return {
    id: 'roi-by-team-size',
    title,
    altText: 'Mean winsorised ROI of mismatched vs other top-priority customers by team-size bin, executive or not.',
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          'Top-priority customers; team size ≤ 10, 11–50, > 50 people; executive = C-Level or VP',
          'ROI = lifetime value ÷ acquisition cost, winsorised at P1/P99',
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
    title: { text: input.title, subtitle: input.subtitle },
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
        encoding: { color: { field: 'group', type: 'nominal', title: null, scale: GROUP_COLOR_SCALE } },
      },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { text: { field: 'text' } } },
    ],
  } as unknown as TopLevelSpec;
}
