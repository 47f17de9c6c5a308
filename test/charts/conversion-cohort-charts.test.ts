import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COHORT_BOUNDS } from '../../src/analysis/conversion-cohort/cohort-inputs.js';
import {
  type CohortFigures,
  computeConversionCohort,
} from '../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { computeZones } from '../../src/analysis/zones/compute-zones.js';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { buildChannelChart } from '../../src/charts/conversion-cohort/channel-chart.js';
import { buildLtvDifferenceChart } from '../../src/charts/conversion-cohort/ltv-difference-chart.js';
import { buildPlatformMixChart } from '../../src/charts/conversion-cohort/platform-mix-chart.js';
import { buildRiskVelocityHeatmap } from '../../src/charts/conversion-cohort/risk-velocity-heatmap.js';
import { CHART_CONFIG, ZONE_COLORS } from '../../src/charts/theme.js';
import { buildZoneDistributionChart } from '../../src/charts/zones/zone-distribution-chart.js';
import { COHORT_FIXTURE } from '../analysis/conversion-cohort/cohort-fixture.js';
import { expectChartRules, quantitativeColorScales } from './chart-rules.js';

const cohort = computeConversionCohort(COHORT_FIXTURE, DEFAULT_COHORT_BOUNDS) as CohortFigures;

type AnySpec = {
  data: { values: Record<string, unknown>[] };
  encoding: Record<string, { sort?: unknown; title?: unknown; scale?: { domain?: unknown; range?: unknown } }>;
  layer: { encoding?: Record<string, { scale?: { domain?: unknown; range?: unknown } }> }[];
};

function specOf(chart: ChartDefinition | null): AnySpec {
  if (!chart) throw new Error('expected a chart');
  // Every spec must compile with the theme, or the renderer would fail in Slack.
  expect(() => compile(chart.spec, { config: CHART_CONFIG })).not.toThrow();
  return chart.spec as unknown as AnySpec;
}

describe('charts/conversion-cohort', () => {
  it('LTV difference: the typical customer beside the mean, % of tier mean from zero, small tiers pale', () => {
    const chart = buildLtvDifferenceChart(cohort.ltv);
    const spec = specOf(chart);
    // Per customer vs own tier mean: Basic −500, Gold +1000 and +1000 − … → median −500, mean +500.
    expect(chart?.title).toBe(
      "The typical cohort customer's LTV is $500 below their tier's mean; a few large accounts move the mean up",
    );
    // Platinum has no cohort member, so no bar; Basic −500 / 2000 = −25%, Gold +1000 / 19000.
    expect(spec.data.values.map((v) => [v.tier, v.measure, v.pct, v.small])).toEqual([
      ['Basic (n 1)', 'Cohort mean', -0.25, true],
      ['Basic (n 1)', 'Typical (median) cohort customer', -0.25, true],
      ['Gold (n 2)', 'Cohort mean', 1000 / 19000, true],
      ['Gold (n 2)', 'Typical (median) cohort customer', 1000 / 19000, true],
    ]);
    expect(spec.data.values[0]?.label).toBe('−25% (−$500)');
    expectChartRules(chart as ChartDefinition, { bars: true });
  });

  it('risk × velocity heatmap: every cohort cell labelled with mean and n, 0–100 colour, unknown levels marked', () => {
    const chart = buildRiskVelocityHeatmap(cohort.riskVelocity, cohort.size);
    const spec = specOf(chart);
    // Every cell has fewer than 20 customers: all grey, and the title says so.
    expect(chart?.title).toBe('No risk × velocity cell has 20+ cohort customers');
    expect(spec.data.values).toContainEqual({
      risk: 'High Activity Risk ⚠',
      velocity: 'Stagnant',
      health: 60,
      small: true,
      text: '60\nn 1',
    });
    expect(spec.encoding.y?.sort).toEqual(['Low', 'High Activity Risk ⚠', '(missing) ⚠']);
    expect(spec.encoding.x?.sort).toEqual(['Stable', 'Declining', 'Stagnant']);
    expect(quantitativeColorScales(chart as ChartDefinition)[0]).toMatchObject({ domain: [0, 100] });
    expectChartRules(chart as ChartDefinition);
  });

  it('platform mix: rows sorted by the population mean health, cohort and all bars on 0–100', () => {
    const chart = buildPlatformMixChart(cohort.platformMix);
    const spec = specOf(chart);
    // All means: 111 95, 100 75, 011 70, 001 55, 000 50 (110, 101, 010 have nobody).
    expect(spec.encoding.y?.sort).toEqual([
      'Marketo + Stripe + Zendesk',
      'Marketo',
      'Stripe + Zendesk',
      'Zendesk',
      'none',
    ]);
    expect(chart?.title).toMatch(
      /^Engagement health by platform mix spans \d+–\d+ of 100; highest with Marketo \+ Stripe \+ Zendesk$/,
    );
    expect(spec.data.values).toContainEqual({
      combination: 'none',
      group: 'All',
      groupLabel: 'All customers',
      health: 50,
      label: '50 (n 3)',
    });
    expect(spec.encoding.x?.scale?.domain).toEqual([0, 100]);
    expectChartRules(chart as ChartDefinition, { bars: true });
  });

  it('channels: largest first, shares of customers with a channel, missing ones named', () => {
    const chart = buildChannelChart(cohort.channels.activity, cohort.size);
    const spec = specOf(chart);
    expect(chart?.title).toBe("Content Marketing is the cohort's most common channel: 67%");
    expect(spec.data.values.map((v) => v.channel)).toEqual(['Content Marketing', 'Sales Driven']);
    expect(spec.encoding.y?.sort).toEqual(['Content Marketing', 'Sales Driven']);
    expect((spec as unknown as { title: { subtitle: string[] } }).title.subtitle.join(' ')).toContain(
      '1 of 4 without a channel',
    );
    expectChartRules(chart as ChartDefinition, { bars: true });
  });

  it('channels: the cohort beside every customer, the title naming the widest gap', () => {
    const all = {
      n: 10,
      missing: 0,
      levels: [
        { label: 'Sales Driven', n: 7, share: 0.7 },
        { label: 'Content Marketing', n: 3, share: 0.3 },
      ],
    };
    const chart = buildChannelChart(cohort.channels.activity, cohort.size, all);
    const spec = specOf(chart);
    // Cohort: Content Marketing 2/3, Sales Driven 1/3; all: 3/10 and 7/10 → both gaps 37 points, first wins.
    expect(chart?.title).toBe('Content Marketing is more common in the cohort: 67% vs 30% of all customers');
    expect(spec.data.values.map((v) => [v.channel, v.group, v.share])).toEqual([
      ['Content Marketing', 'Cohort', 2 / 3],
      ['Content Marketing', 'All customers', 0.3],
      ['Sales Driven', 'Cohort', 1 / 3],
      ['Sales Driven', 'All customers', 0.7],
    ]);
    const same = buildChannelChart(cohort.channels.activity, cohort.size, cohort.channels.activityAll);
    expect(same?.title).toBe("The cohort's channel mix mirrors all customers: every share within 3 points");
  });

  it('returns no chart rather than an empty one', () => {
    expect(buildChannelChart({ n: 0, missing: 2, levels: [] }, 2)).toBeNull();
    const empty = computeZones({
      method: 'value-fallback',
      rows: [],
      activityUnavailable: { code: 'no-rows', table: 'customer360__activity_metrics' },
    });
    expect(buildZoneDistributionChart(empty, 'every customer')).toBeNull();
  });
});

/** One red (Stagnant, Low risk) and two green (Stable, Very Low risk) customers, shared by the zone charts' tests. */
const THREE_ZONE_ROWS = [
  { key: 'a', organization: null, velocity: 'Stagnant', riskLevel: 'Low', weightedEngagement: 1 },
  { key: 'b', organization: null, velocity: 'Stable', riskLevel: 'Very Low', weightedEngagement: 2 },
  { key: 'c', organization: null, velocity: 'Stable', riskLevel: 'Very Low', weightedEngagement: 0 },
];

describe('charts/zones', () => {
  it('zone distribution: red, yellow, green in the theme zone colours with counts and shares', () => {
    const zones = computeZones({
      method: 'activity',
      rows: [
        ...THREE_ZONE_ROWS,
        { key: 'd', organization: null, velocity: null, riskLevel: 'Low', weightedEngagement: 0 },
      ],
    });
    const chart = buildZoneDistributionChart(zones, 'every customer');
    const spec = specOf(chart);
    expect(chart?.title).toBe('1 customer (33%) in the red zone: intervene within 48 hours');
    expectChartRules(chart as ChartDefinition, { bars: true });
    expect(spec.data.values.map((v) => [v.zone, v.n, v.label])).toEqual([
      ['Red zone', 1, '1 (33%)'],
      ['Yellow zone', 0, '0 (0%)'],
      ['Green zone', 2, '2 (67%)'],
    ]);
    expect(spec.layer[0]?.encoding?.color?.scale?.range).toEqual([
      ZONE_COLORS.red,
      ZONE_COLORS.yellow,
      ZONE_COLORS.green,
    ]);
  });
});

describe('charts/zones with a focus group', () => {
  it("sets the cohort's zone shares beside every customer's", () => {
    const zones = computeZones({ method: 'activity', rows: THREE_ZONE_ROWS });
    const chart = buildZoneDistributionChart(zones, 'every customer', {
      label: 'The cohort',
      counts: { red: 1, yellow: 0, green: 1 },
    });
    const spec = specOf(chart);
    // Cohort: 1 of 2 red = 50%; all: 1 of 3 = 33%.
    expect(chart?.title).toBe('50% of the cohort are in the red zone, vs 33% of all customers');
    expect(spec.data.values.map((v) => [v.group, v.zone, v.share])).toEqual([
      ['The cohort', 'Red zone', 0.5],
      ['The cohort', 'Yellow zone', 0],
      ['The cohort', 'Green zone', 0.5],
      ['All customers', 'Red zone', 1 / 3],
      ['All customers', 'Yellow zone', 0],
      ['All customers', 'Green zone', 2 / 3],
    ]);
    expectChartRules(chart as ChartDefinition, { bars: true });
  });
});
