import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/analysis/segment-anomalies/customer-features.js';
import { analyseSegmentAnomalies } from '../../src/analysis/segment-anomalies/segment-anomalies.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import { SCATTER_POINT_LIMIT } from '../../src/charts/sample-points.js';
import { segmentAnomalyChartsNotDrawn } from '../../src/charts/segment-anomalies/charts-not-drawn.js';
import { buildSegmentAnomalyCharts } from '../../src/charts/segment-anomalies/index.js';
import { customer } from '../analysis/segment-anomalies/netsuite-rows.js';
import { englishLeft } from '../helpers/english-left.js';
import { expectChartRules } from './chart-rules.js';

/** 60 customers over three segments; the most volatile retain far from their segment mean. */
function rows(n = 60, score: (i: number) => number = (i) => 10 + i + (i % 4)) {
  return Array.from({ length: n }, (_, i) => {
    const volatile = i % 5 === 0;
    return customer({
      segment: ['Premium', 'Growing', 'Basic'][i % 3] as string,
      stage: ['Mature', 'Growth', 'At Risk', 'Mature'][i % 4] as string,
      retention: (volatile ? (i % 2 === 0 ? 0.95 : 0.05) : 0.45) + (i % 3) * 0.05,
      volatility: volatile ? 0.8 + (i % 7) / 100 : 0.2 + (i % 11) / 100,
      totalRevenue: 100 + i * 10,
      score: score(i),
      q1: i % 4,
      q2: 2,
      q3: (i * 3) % 5,
      q4: 6,
      ageDays: 200 + i * 5,
    });
  });
}

type Spec = Record<string, unknown> & {
  title: { text: string; subtitle: string };
  layer: { data?: { values: Record<string, unknown>[] }; encoding?: Record<string, { sort?: unknown }> }[];
  data?: { values: Record<string, unknown>[] };
  encoding?: Record<string, { sort?: unknown }>;
};

/** Score unrelated to revenue (r ≈ 0), so the score-vs-revenue scatter has something to show. */
const scrambled = (i: number) => 10 + ((i * 37) % 60);

function charts(input = rows()) {
  const result = analyseSegmentAnomalies(input, { threshold: 0.15, seed: 42 });
  const list = buildSegmentAnomalyCharts(result);
  const byId = (id: string) => {
    const chart = list.find((c) => c.id === id);
    if (!chart) throw new Error(`no chart ${id}`);
    return { ...chart, spec: chart.spec as unknown as Spec };
  };
  return { result, list, byId };
}

describe('charts/segment-anomalies', () => {
  it('orders the charts most telling first, each with a takeaway title and honest scales', () => {
    const { list } = charts(rows(300, scrambled));
    expect(list.map((c) => c.id)).toEqual([
      'retention-by-segment',
      'anomaly-rate-by-rule',
      'anomaly-rate-by-stage',
      'feature-distributions',
      'anomaly-rate-volatility-imbalance',
      'score-vs-revenue',
    ]);
    for (const c of list) expectChartRules(c, { bars: c.id.startsWith('anomaly-rate-by') });
  });

  it('drops the charts that would show nothing: a score that is revenue, a grid of small cells', () => {
    // 60 customers: no volatility × imbalance cell reaches 20; score = revenue / 10 + noise → r ≈ 1.
    const { list, result } = charts();
    expect(result.revenueScoreCorrelation).toMatchObject({ kind: 'ok' });
    expect((result.revenueScoreCorrelation as { r: number }).r).toBeGreaterThan(0.95);
    expect(list.map((c) => c.id)).not.toContain('score-vs-revenue');
    expect(list.map((c) => c.id)).not.toContain('anomaly-rate-volatility-imbalance');
  });

  it('says in one line per chart why a chart that would show nothing was dropped', () => {
    const { result } = charts();
    const r = (result.revenueScoreCorrelation as { r: number }).r;
    expect(segmentAnomalyChartsNotDrawn(result)).toEqual([
      'Imbalance × volatility grid not drawn: every cell has fewer than 20 customers, too few to compare.',
      `Score vs revenue not drawn: the two move together (r = ${r.toFixed(2)}).`,
    ]);
    // Every feature identical for all 60 customers: the boxes coincide; score = revenue / 10 exactly, so r = 1.
    const flat = rows().map((c) => ({ ...c, volatility: 0.5, q1: 1, q2: 2, q3: 3, q4: 6, ageDays: 300 }));
    const flatResult = analyseSegmentAnomalies(
      flat.map((c) => ({ ...c, score: (c.totalRevenue ?? 0) / 10 })),
      { threshold: 0.15, seed: 42 },
    );
    expect(flatResult.anomalies).toBeGreaterThan(0);
    expect(buildSegmentAnomalyCharts(flatResult).map((c) => c.id)).not.toContain('feature-distributions');
    expect(segmentAnomalyChartsNotDrawn(flatResult)).toEqual([
      "Feature distributions not drawn: anomalous and normal customers overlap on every feature (each group's median inside the other's middle half).",
      'Score vs revenue not drawn: the two move together (r = 1.00).',
    ]);
    // Charts that are all drawn leave nothing to explain.
    expect(segmentAnomalyChartsNotDrawn(charts(rows(300, scrambled)).result)).toEqual([]);
  });

  it('marks anomalies on the retention strip with segments sorted by mean retention', () => {
    const { result, byId } = charts();
    const chart = byId('retention-by-segment');
    expect(chart.title).toBe(
      `${result.anomalies} of 60 customers (${Math.round((result.anomalies / 60) * 100)}%) retain more than 15 points away from their segment's mean`,
    );
    const points = chart.spec.layer[2]?.data?.values ?? [];
    expect(points).toHaveLength(60);
    expect(points.filter((p) => p.kind !== 'Normal')).toHaveLength(result.anomalies);
    const x = chart.spec.layer[0]?.encoding?.x as { axis: { labelExpr: string } } | undefined;
    const labelExpr = x?.axis.labelExpr;
    expect(labelExpr).toBe(`${JSON.stringify(result.segments.map((s) => [s.segment, `n ${s.n}`]))}[datum.value]`);
    const means = result.segments.map((s) => s.meanRetention);
    expect([...means].sort((a, b) => b - a)).toEqual(means);
  });

  it('samples a dense strip to 500 points and says so', () => {
    const chart = charts(rows(2000)).byId('retention-by-segment');
    expect(chart.spec.layer[2]?.data?.values).toHaveLength(SCATTER_POINT_LIMIT);
    expect((chart.spec.title.subtitle as unknown as string[]).join(' ')).toContain(
      '500 of 2,000 shown, sampled per group (',
    );
    // Each anomaly direction keeps at least a third of the budget (or all its customers).
    const { result } = charts(rows(2000));
    const points = chart.spec.layer[2]?.data?.values ?? [];
    for (const kind of ['Anomaly: above segment mean', 'Anomaly: below segment mean']) {
      const total = kind.includes('above') ? result.anomaliesAbove : result.anomaliesBelow;
      expect(points.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(Math.min(total, 166));
    }
  });

  it('sorts rate bars highest first with the all-customers bar last', () => {
    const { result, byId } = charts();
    for (const id of ['anomaly-rate-by-rule', 'anomaly-rate-by-stage']) {
      const values = byId(id).spec.data?.values ?? [];
      const rates = values.slice(0, -1).map((v) => v.rate as number);
      expect([...rates].sort((a, b) => b - a)).toEqual(rates);
      expect(values.at(-1)).toMatchObject({ label: 'All customers', all: true });
      expect(byId(id).spec.encoding?.y?.sort).toEqual(values.map((v) => v.label));
    }
    // Stages cycle Mature, Growth, At Risk, Mature: Mature has 30 customers, the others 15 (pale, not ranked).
    expect(byId('anomaly-rate-by-stage').title).toMatch(
      /^Mature customers are the most often anomalous: \d+% of 30 vs \d+% of all$/,
    );
    const whiskers = byId('anomaly-rate-by-stage').spec.data?.values ?? [];
    for (const bar of whiskers) {
      expect(bar.low as number).toBeLessThanOrEqual(bar.rate as number);
      expect(bar.high as number).toBeGreaterThanOrEqual(bar.rate as number);
      expect(bar.small).toBe((bar.n as number) < 20);
    }
    expect(byId('anomaly-rate-by-stage').spec.data?.values.at(-1)?.rate).toBeCloseTo(result.anomalies / 60, 12);
    const { first, second } = result.decisionRules;
    const ruleLabels = (byId('anomaly-rate-by-rule').spec.data?.values ?? []).map((v) => v.label as string);
    expect(ruleLabels).toHaveLength(second ? 4 : 3);
    const short = FEATURES.find((f) => f.id === first?.feature)?.short as string;
    expect(ruleLabels.filter((l) => l.startsWith(`${short} `))).toHaveLength(second ? 3 : 2);
  });

  it('labels every heatmap cell with its rate and n, colour from zero', () => {
    const chart = charts(rows(300, scrambled)).byId('anomaly-rate-volatility-imbalance');
    const cells = chart.spec.data?.values ?? [];
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(cell.text).toMatch(/^(\d+%|n\/a)\nn \d+$/);
    expect(chart.title).toMatch(/^Anomaly rate: /);
  });

  it('draws score vs revenue with the y = x line and r in the subtitle when r is not ≈ 1', () => {
    const { result, byId } = charts(rows(60, scrambled));
    const chart = byId('score-vs-revenue');
    expect((chart.spec.title.subtitle as unknown as string[]).join(' ')).toMatch(/Pearson r = −?[\d.]+ \(n = 60\)/);
    const identity = chart.spec.layer[2]?.data?.values ?? [];
    expect(identity.every((p) => p.x === p.y)).toBe(true);
    expect(result.revenueScoreCorrelation.kind).toBe('ok');
  });

  it('compares anomalous and normal customers on the highest-gain features first', () => {
    const { result, byId } = charts();
    const chart = byId('feature-distributions');
    const sort = (chart.spec.facet as { row: { sort: string[] } }).row.sort;
    const best = result.decisionRules.first?.feature;
    expect(sort[0]).toBe(best === 'volatility' ? 'Transaction value volatility' : sort[0]);
    expect(chart.spec.data?.values.filter((v) => v.kind === 'Anomalous')).toHaveLength(sort.length);
  });

  it('leaves out the rule and distribution charts when there are no anomalies', () => {
    const ids = buildSegmentAnomalyCharts(analyseSegmentAnomalies(rows(), { threshold: 0.99, seed: 42 })).map(
      (c) => c.id,
    );
    expect(ids).not.toContain('anomaly-rate-by-rule');
    expect(ids).not.toContain('feature-distributions');
    expect(ids).toContain('retention-by-segment');
  });

  it('renders to a PNG', async () => {
    const png = await renderChartPng(charts().byId('anomaly-rate-by-rule').spec as never);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it('renders every chart it can draw to a PNG, the ones the demo does not draw too', async () => {
    const { list } = charts(rows(300, scrambled));
    for (const chart of list) {
      const png = await renderChartPng(chart.spec as never);
      if (process.env.RADAR_CHART_DUMP) writeFileSync(`${process.env.RADAR_CHART_DUMP}/${chart.id}.png`, png);
      expect(png.subarray(1, 4).toString(), chart.id).toBe('PNG');
    }
  });
});

describe('charts/segment-anomalies in zh-CN', () => {
  it('draws every chart, the ones the demo does not need too, in Chinese: titles, axes, legends and levels', () => {
    const result = analyseSegmentAnomalies(rows(300, scrambled), { threshold: 0.15, seed: 42 });
    const list = buildSegmentAnomalyCharts(result, 'zh-CN');
    expect(list.map((c) => c.id)).toEqual([
      'retention-by-segment',
      'anomaly-rate-by-rule',
      'anomaly-rate-by-stage',
      'feature-distributions',
      'anomaly-rate-volatility-imbalance',
      'score-vs-revenue',
    ]);
    for (const chart of list) {
      const words: string[] = [chart.altText];
      const walk = (value: unknown, key: string): void => {
        // Sort keywords (ascending) are vega's, not words on the chart.
        if (typeof value === 'string' && /^(text|subtitle|title|sort|domain|feature|group|kind)$/.test(key)) {
          if (value !== 'ascending' && value !== 'descending') words.push(value);
        } else if (Array.isArray(value)) for (const item of value) walk(item, key);
        else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      };
      walk(chart.spec, '');
      const text = words.join('\n');
      expect(text).toMatch(/\p{Script=Han}/u);
      expect({ chart: chart.id, left: englishLeft(text) }).toEqual({ chart: chart.id, left: [] });
    }
  });
});
