import { describe, expect, it } from 'vitest';
import { computeInvestmentMismatch } from '../../src/analysis/investment-mismatch/compute-investment-mismatch.js';
import { DEFAULT_INVESTMENT_OPTIONS } from '../../src/analysis/investment-mismatch/mismatch-types.js';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { buildInvestmentMismatchCharts } from '../../src/charts/investment-mismatch/index.js';
import { buildMismatchHeatmap } from '../../src/charts/investment-mismatch/mismatch-heatmap.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import { SCATTER_POINT_LIMIT } from '../../src/charts/sample-points.js';
import { customer, handWorkedRows } from '../analysis/investment-mismatch/fixture-rows.js';
import { expectChartRules, quantitativeColorScales } from './chart-rules.js';

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
  it('orders the charts of the top group first, every one with a takeaway title and honest scales', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'mismatch-by-industry-size',
      'mismatched-vs-rest',
      'onboarding-vs-adoption',
      'lifecycle-distribution',
      'roi-by-decision-level',
      'roi-by-team-size',
      'roi-by-lifecycle',
    ]);
    for (const c of charts) {
      expect((c.spec.title as unknown as { text: string[] }).text.join(' ')).toBe(c.title);
      expectChartRules(c, { bars: c.id !== 'onboarding-vs-adoption' });
    }
  });

  it('colours each industry × size cell of the top group around the overall mismatch rate', () => {
    // Top F, G, H, I, J; mismatched F, H, J → 3/5 overall. Tech × Small F, H: 2/2; Retail × Large G, I, J: 1/3.
    const heat = chart('mismatch-by-industry-size');
    expect(heat.title).toBe('Tech × Small is the most mismatched: 100% of 2 top-priority customers vs 60% overall');
    expect(heat.spec.data?.values.map((v) => [v.industry, v.size, v.rate, v.text])).toEqual([
      ['Tech', 'Small', 1, '100%\nn 2'],
      ['Retail', 'Large', 1 / 3, '33%\nn 3'],
    ]);
    const scale = quantitativeColorScales(heat)[0];
    expect(scale).toMatchObject({ domain: [0, 1], domainMid: 0.6 });
  });

  it('greys industry × size cells under the minimum n and says none can be compared', () => {
    const strict = buildInvestmentMismatchCharts({ ...result, options: { ...result.options, minCellSize: 20 } });
    const heat = strict.find((c) => c.id === 'mismatch-by-industry-size') as ChartDefinition & { spec: Spec };
    expect(heat.title).toBe('No industry × size cell has 20+ top-priority customers; 60% are mismatched overall');
    expect(heat.spec.data?.values.every((v) => v.small === true)).toBe(true);
  });

  it('does not call a cell "most mismatched" when none exceeds the overall rate', () => {
    // With min 3 only Retail × Large (1 of 3 = 33%) counts, below the 60% of the whole top group.
    const heat = buildMismatchHeatmap(result.topGroup, 3);
    expect(heat?.title).toBe(
      'No industry × size cell with 3+ top-priority customers exceeds the 60% overall mismatch rate',
    );
  });

  it('compares the mismatched with the rest of the top group on adoption and support', () => {
    const bars = chart('mismatched-vs-rest');
    // Mismatched F, H, J adoption 1.1/3 = 37%, rest G, I 0.75; support 0.4/3 = 13% vs 75%: support gap is wider.
    expect(bars.title).toBe('Mismatched top-priority customers trail on support resolution: 13% vs 75%');
    expect(bars.spec.data?.values.map((v) => [v.metric, v.group, v.text])).toEqual([
      ['product adoption', 'Mismatched', '37%'],
      ['product adoption', 'Other top-priority', '75%'],
      ['support resolution', 'Mismatched', '13%'],
      ['support resolution', 'Other top-priority', '75%'],
    ]);
  });

  it('draws box plots from the per-stage quartiles, highest median first', () => {
    const box = chart('roi-by-lifecycle');
    expect(box.spec.data?.values.map((v) => [v.stage, v.q1, v.median, v.q3])).toEqual([
      ['Dormant', 7, 8, 9],
      ['Growth', 2.75, 3.5, 4.25],
    ]);
  });

  it('puts r in the scatter subtitle and samples dense scatters deterministically', () => {
    expect((chart('onboarding-vs-adoption').spec.title.subtitle as string[]).join(' ')).toContain(
      'mismatched r = 0.98 (n = 3)',
    );
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
    expect((dense.spec.title.subtitle as string[]).join(' ')).toMatch(
      /^.*Points: \d+ of [\d,]+ mismatched, \d+ of [\d,]+ other top-priority \(sampled per group\)/,
    );
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
    const png = await renderChartPng(chart('mismatch-by-industry-size').spec);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });
});
