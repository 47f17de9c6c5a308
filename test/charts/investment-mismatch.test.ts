import { describe, expect, it } from 'vitest';
import { computeInvestmentMismatch } from '../../src/analysis/investment-mismatch/compute-investment-mismatch.js';
import { DEFAULT_INVESTMENT_OPTIONS } from '../../src/analysis/investment-mismatch/mismatch-types.js';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { buildInvestmentMismatchCharts } from '../../src/charts/investment-mismatch/index.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import { SCATTER_POINT_LIMIT } from '../../src/charts/sample-points.js';
import { customer, handWorkedRows } from '../analysis/investment-mismatch/fixture-rows.js';

type Spec = Record<string, unknown> & {
  title: { text: string; subtitle: string | string[] };
  data?: { values: Record<string, unknown>[] };
};

const result = computeInvestmentMismatch(handWorkedRows(), { ...DEFAULT_INVESTMENT_OPTIONS, minCellSize: 2 });
const charts = buildInvestmentMismatchCharts(result);
const chart = (id: string): ChartDefinition & { spec: Spec } => {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found as ChartDefinition & { spec: Spec };
};

describe('charts/investment-mismatch', () => {
  it('orders the most telling charts first and builds all nine', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'priority-gap-by-industry',
      'roi-median-heatmap',
      'roi-by-lifecycle',
      'lifecycle-distribution',
      'adoption-heatmap',
      'support-heatmap',
      'onboarding-vs-adoption',
      'roi-by-decision-level',
      'roi-by-team-size',
    ]);
    for (const c of charts) expect(c.spec.title).toMatchObject({ text: c.title });
  });

  it('sorts industries by median gap and states the n in the title', () => {
    const gap = chart('priority-gap-by-industry');
    // 9 valid customers carry an industry (D has none): Tech 4, Retail 5.
    expect(gap.title).toBe('Priority − performance gap by industry (n = 9)');
    expect(gap.spec.data?.values.map((v) => v.industry)).toEqual(['Tech', 'Retail']);
    expect(gap.spec.data?.values[0]?.gap).toBeCloseTo((7 / 9 - 0.3) / 2, 12);
  });

  it('labels every heatmap cell with its value and n', () => {
    const heat = chart('roi-median-heatmap');
    expect(heat.title).toBe('Median ROI by industry × size (n = 7)');
    const techSmall = heat.spec.data?.values.find((v) => v.industry === 'Tech' && v.size === 'Small');
    expect(techSmall?.text).toBe('7×\nn 2');
  });

  it('draws box plots from the per-stage quartiles, highest median first', () => {
    const box = chart('roi-by-lifecycle');
    expect(box.spec.data?.values.map((v) => [v.stage, v.q1, v.median, v.q3])).toEqual([
      ['Dormant', 7, 8, 9],
      ['Growth', 2.75, 3.5, 4.25],
    ]);
  });

  it('puts r in the scatter subtitle and samples dense scatters deterministically', () => {
    expect(chart('onboarding-vs-adoption').spec.title.subtitle[0]).toContain('mismatched r = 0.98 (n = 3)');
    const many = Array.from({ length: 6000 }, (_, i) =>
      customer(`c${i}@x.io`, {
        priority: i,
        sales: i,
        adoption: (i % 13) / 13,
        support: 0.5,
        onboarding: 1 + (i % 40) / 10,
      }),
    );
    const dense = buildInvestmentMismatchCharts(computeInvestmentMismatch(many, DEFAULT_INVESTMENT_OPTIONS)).find(
      (c) => c.id === 'onboarding-vs-adoption',
    ) as ChartDefinition & { spec: Spec };
    const layers = (dense.spec as unknown as { layer: { data: { values: unknown[] } }[] }).layer;
    expect(layers[0]?.data.values).toHaveLength(SCATTER_POINT_LIMIT);
    expect(dense.spec.title.subtitle[1]).toMatch(/^500 of [\d,]+ points shown \(deterministic sample\)/);
  });

  it('sorts decision levels by the mismatched mean ROI', () => {
    const levels = chart('roi-by-decision-level').spec.data?.values.filter((v) => v.group === 'Mismatched');
    expect(levels?.map((v) => v.level)).toEqual(['Director', 'VP', 'C-Level']);
  });

  it('leaves out charts whose data is missing instead of drawing empty ones', () => {
    const bare = computeInvestmentMismatch(
      [customer('a@x.io', { priority: 1, sales: 1 }), customer('b@x.io', { priority: 2, sales: 2 })],
      DEFAULT_INVESTMENT_OPTIONS,
    );
    expect(buildInvestmentMismatchCharts(bare)).toEqual([]);
  });

  it('renders to a non-blank PNG', async () => {
    const png = await renderChartPng(chart('roi-median-heatmap').spec);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });
});
