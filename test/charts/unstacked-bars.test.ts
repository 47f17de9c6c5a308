import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_BOUNDS } from '../../src/analysis/conversion-cohort/cohort-inputs.js';
import {
  type CohortFigures,
  computeConversionCohort,
} from '../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { computePriority } from '../../src/analysis/priority/priority-score.js';
import { analyseSegmentAnomalies } from '../../src/analysis/segment-anomalies/segment-anomalies.js';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { buildChannelChart } from '../../src/charts/conversion-cohort/channel-chart.js';
import { buildLtvDifferenceChart } from '../../src/charts/conversion-cohort/ltv-difference-chart.js';
import { buildPriorityBarsChart } from '../../src/charts/priority/priority-bars.js';
import { renderChartPng, renderChartSvg } from '../../src/charts/render-png.js';
import { buildSegmentAnomalyCharts } from '../../src/charts/segment-anomalies/index.js';
import { COHORT_FIXTURE } from '../analysis/conversion-cohort/cohort-fixture.js';
import { customer } from '../analysis/segment-anomalies/netsuite-rows.js';
import { variedCustomer } from '../analysis/value-segments/value-customer-fixture.js';

/**
 * Bar charts with one bar per category say `stack: UNSTACKED` (theme.ts), so vega-lite rounds each bar's end on the
 * bar itself instead of through a clipped group per stack. The reference is the same spec with vega-lite's default
 * (the `stack` setting removed): both must draw the same PNG, byte for byte.
 */
function withDefaultStack(spec: TopLevelSpec): TopLevelSpec {
  const copy = structuredClone(spec) as unknown as Record<string, unknown>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if ('stack' in record && record.stack === null) delete record.stack;
      Object.values(record).forEach(visit);
    }
  };
  visit(copy);
  return copy as unknown as TopLevelSpec;
}

function countUnstacked(spec: TopLevelSpec): number {
  return (JSON.stringify(spec).match(/"stack":null/g) ?? []).length;
}

const cohort = computeConversionCohort(COHORT_FIXTURE, DEFAULT_COHORT_BOUNDS) as CohortFigures;

function anomalyRateCharts(): ChartDefinition[] {
  const rows = Array.from({ length: 90 }, (_, i) =>
    customer({
      segment: ['Premium', 'Growing', 'Basic'][i % 3] as string,
      stage: ['Mature', 'Growth', 'At Risk', 'Mature'][i % 4] as string,
      retention: (i % 5 === 0 ? (i % 2 === 0 ? 0.95 : 0.05) : 0.45) + (i % 3) * 0.05,
      volatility: i % 5 === 0 ? 0.8 + (i % 7) / 100 : 0.2 + (i % 11) / 100,
      totalRevenue: 100 + i * 10,
      score: 10 + ((i * 37) % 60),
      q1: i % 4,
      q2: 2,
      q3: (i * 3) % 5,
      q4: 6,
      ageDays: 200 + i * 5,
    }),
  );
  const charts = buildSegmentAnomalyCharts(analyseSegmentAnomalies(rows, { threshold: 0.15, seed: 42 }));
  return charts.filter((chart) => chart.id === 'anomaly-rate-by-rule' || chart.id === 'anomaly-rate-by-stage');
}

function priorityBars(): ChartDefinition {
  const ranked = computePriority(Array.from({ length: 14 }, (_, i) => variedCustomer(i, `Organisation ${i}`))).ranked;
  return buildPriorityBarsChart(ranked.slice(0, 12), ranked.length, []);
}

function required(chart: ChartDefinition | null): ChartDefinition {
  if (chart === null) throw new Error('expected a chart');
  return chart;
}

describe('charts: unstacked bars draw what the default stacked bars drew', () => {
  const cases: [string, () => ChartDefinition[]][] = [
    ['priority top bars', () => [priorityBars()]],
    [
      'cohort LTV against the tier mean (bars either side of zero)',
      () => [required(buildLtvDifferenceChart(cohort.ltv))],
    ],
    [
      'cohort channels, alone and beside every customer',
      () => [
        required(buildChannelChart(cohort.channels.activity, cohort.size)),
        required(buildChannelChart(cohort.channels.activity, cohort.size, cohort.channels.activityAll)),
      ],
    ],
    ['anomaly rate by rule and by stage', anomalyRateCharts],
  ];

  for (const [name, build] of cases) {
    it(name, async () => {
      const charts = build();
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        expect(countUnstacked(chart.spec)).toBe(1);
        const reference = withDefaultStack(chart.spec);
        // The reference really takes vega-lite's other path: a clip path per stacked bar, which the chart no longer has.
        expect(await renderChartSvg(reference)).toContain('clip-path');
        expect(await renderChartSvg(chart.spec)).not.toContain('clip-path');
        const [unstacked, stacked] = [await renderChartPng(chart.spec), await renderChartPng(reference)];
        expect(unstacked.equals(stacked)).toBe(true);
      }
    });
  }
});
