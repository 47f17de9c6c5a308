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
  it('LTV difference: tiers in tier order, % of tier mean, n in the title and labels', () => {
    const chart = buildLtvDifferenceChart(cohort.ltv);
    const spec = specOf(chart);
    expect(chart?.title).toBe("Cohort LTV vs the same tier's mean (n = 3 cohort customers)");
    // Platinum has no cohort member, so no bar; Basic −25%, Gold +1000/19000.
    expect(spec.data.values.map((v) => [v.tier, v.pct])).toEqual([
      ['Basic', -0.25],
      ['Gold', 1000 / 19000],
    ]);
    expect(spec.encoding.y?.sort).toEqual(['Basic', 'Gold']);
    expect(spec.data.values[0]?.label).toBe('−25.0% (−$500; n = 1)');
    expect(spec.encoding.x?.title).toBe('Cohort mean LTV minus tier mean (% of tier mean)');
  });

  it('risk × velocity heatmap: every cohort cell labelled with mean and n, unknown levels marked', () => {
    const chart = buildRiskVelocityHeatmap(cohort.riskVelocity, cohort.size);
    const spec = specOf(chart);
    expect(chart?.title).toBe('Mean health by risk level × velocity, cohort (n = 4)');
    expect(spec.data.values).toContainEqual({
      risk: 'High Activity Risk ⚠',
      velocity: 'Stagnant',
      health: 60,
      value: '60.0',
      n: 'n = 1',
    });
    expect(spec.encoding.y?.sort).toEqual(['Low', 'High Activity Risk ⚠', '(missing) ⚠']);
    expect(spec.encoding.x?.sort).toEqual(['Stable', 'Declining', 'Stagnant']);
  });

  it('platform mix: rows sorted by the population mean health, cohort and all dots', () => {
    const chart = buildPlatformMixChart(cohort.platformMix);
    const spec = specOf(chart);
    // All means: 111 95, 100 75, 011 70, 001 55, 000 50 (110, 101, 010 have nobody).
    expect(spec.encoding.y?.sort).toEqual([
      '111 Marketo + Stripe + Zendesk',
      '100 Marketo',
      '011 Stripe + Zendesk',
      '001 Zendesk',
      '000 none',
    ]);
    expect(chart?.title).toBe('Mean health by platform mix: cohort (n = 4) vs all (n = 10)');
    expect(spec.data.values).toContainEqual({
      combination: '000 none',
      group: 'All',
      health: 50,
      label: '50.0 (n = 3)',
    });
  });

  it('channels: largest first, shares of customers with a channel, missing ones named', () => {
    const chart = buildChannelChart(cohort.channels.activity, cohort.size);
    const spec = specOf(chart);
    expect(chart?.title).toBe('Engagement channel of the cohort (n = 3 customers)');
    expect(spec.data.values.map((v) => v.channel)).toEqual(['Content Marketing', 'Sales Driven']);
    expect(spec.encoding.y?.sort).toEqual(['Content Marketing', 'Sales Driven']);
    expect((spec as unknown as { title: { subtitle: string } }).title.subtitle).toContain('1 of 4 without a channel');
  });

  it('returns no chart rather than an empty one', () => {
    expect(buildChannelChart({ n: 0, missing: 2, levels: [] }, 2)).toBeNull();
    const empty = computeZones({ method: 'value-fallback', rows: [], activityUnavailable: 'x' });
    expect(buildZoneDistributionChart(empty, 'every customer')).toBeNull();
  });
});

describe('charts/zones', () => {
  it('zone distribution: red, yellow, green in the theme zone colours with counts and shares', () => {
    const zones = computeZones({
      method: 'activity',
      rows: [
        { key: 'a', organization: null, velocity: 'Stagnant', riskLevel: 'Low', weightedEngagement: 1 },
        { key: 'b', organization: null, velocity: 'Stable', riskLevel: 'Very Low', weightedEngagement: 2 },
        { key: 'c', organization: null, velocity: 'Stable', riskLevel: 'Very Low', weightedEngagement: 0 },
        { key: 'd', organization: null, velocity: null, riskLevel: 'Low', weightedEngagement: 0 },
      ],
    });
    const chart = buildZoneDistributionChart(zones, 'every customer');
    const spec = specOf(chart);
    expect(chart?.title).toBe('Customers per zone (n = 3 with a zone)');
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
