import { describe, expect, it } from 'vitest';
import { buildCustomerCard } from '../../src/analysis/customer-card/build-card.js';
import { computePriority } from '../../src/analysis/priority/priority-score.js';
import { computeValueSegments } from '../../src/analysis/value-segments/compute-value-segments.js';
import { buildTierComparisonChart } from '../../src/charts/customer-card/tier-comparison.js';
import { buildValueSegmentCharts } from '../../src/charts/value-segments/value-segment-charts.js';
import { rfm, valueCustomer } from '../analysis/value-segments/value-customer-fixture.js';
import { expectChartRules } from './chart-rules.js';

const customers = [
  valueCustomer('a@x.com', {
    ...rfm(5, 5, 5),
    health: 3,
    churn: 0.2,
    tier: 'Gold',
    portfolioPct: 0.2,
    ltv: 9000,
    revenue: 3000,
    stage: 'Retention',
    daysSinceLastActivity: 100,
  }),
  valueCustomer('b@x.com', {
    ...rfm(4, 4, 4),
    health: 2.5,
    churn: 0.3,
    tier: 'Gold',
    portfolioPct: 0.1,
    ltv: 7000,
    revenue: 2000,
    stage: 'Growth',
    daysSinceLastActivity: 200,
  }),
  valueCustomer('c@x.com', {
    ...rfm(1, 2, 3),
    health: 1,
    churn: 0.9,
    tier: 'Basic',
    portfolioPct: 0.01,
    ltv: 500,
    revenue: 50,
    stage: 'Dormant',
    daysSinceLastActivity: 600,
  }),
  valueCustomer('d@x.com', {
    ...rfm(2, 2, 2),
    health: 1.5,
    churn: 0.7,
    tier: 'Silver',
    portfolioPct: 0.02,
    ltv: 900,
    revenue: 90,
    stage: 'Dormant',
    daysSinceLastActivity: 400,
  }),
];

type AnySpec = { data?: { values: Record<string, unknown>[] }; title: { text: string; subtitle?: string | string[] } };

describe('charts/value-segments and customer-card', () => {
  const result = computeValueSegments(customers, {
    available: false,
    gap: { code: 'no-rows', table: 'customer360__conversion_funnel' },
  });
  const charts = buildValueSegmentCharts(result);

  it('builds the six §3 charts, most telling first, each with a takeaway title and honest scales', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'value-rfm-bars',
      'value-churn-box',
      'value-rfm-ltv-scatter',
      'value-correlation-heatmap',
      'value-lifecycle',
      'value-inactivity-histogram',
    ]);
    for (const chart of charts) {
      expectChartRules(chart, {
        bars: ['value-rfm-bars', 'value-lifecycle', 'value-inactivity-histogram'].includes(chart.id),
      });
    }
    // HV = a (RFM 5) and b (4): mean 4.5; SMB = c (1, 2, 3 → 2) and d (2): mean 2.
    expect(charts[0]?.title).toBe('High-value customers score 4.5 vs 2 for SMB on RFM (1–5)');
    const rfmSpec = charts[0]?.spec as unknown as AnySpec | undefined;
    expect([rfmSpec?.title.subtitle].flat().join(' ')).toContain('n = 2 HV, 2 SMB');
  });

  it('puts r and the regression in the scatter subtitle and n in every heatmap cell', () => {
    const scatter = charts[2]?.spec as unknown as AnySpec;
    expect([scatter.title.subtitle].flat().join(' | ')).toMatch(
      /r = [\d.]+ \(n = 4\); dashed line = straight-line fit/,
    );
    const heatmap = charts[3]?.spec as unknown as AnySpec;
    expect(heatmap.data?.values).toHaveLength(25);
    expect([heatmap.title.subtitle].flat().join(' ')).toContain('4 customers with every value');
  });

  it('draws no charts for an empty population', () => {
    expect(
      buildValueSegmentCharts(
        computeValueSegments([], {
          available: false,
          gap: { code: 'no-rows', table: 'customer360__conversion_funnel' },
        }),
      ),
    ).toEqual([]);
  });

  it('compares a customer with the tier medians, each metric scaled to its pair', () => {
    const card = buildCustomerCard(
      customers[0] as (typeof customers)[number],
      customers,
      computePriority(customers),
      null,
    );
    const chart = buildTierComparisonChart(card);
    if (chart === null) throw new Error('expected a chart');
    // Gold medians of a and b: health 2.75, churn 0.25, LTV 8000, RFM 4.5; a (3, 0.2, 9000, 5) beats each.
    expect(chart.title).toBe('a@x.com: better than the Gold median on health, churn risk, lifetime value and RFM');
    expectChartRules(chart, { bars: true });
    const values = (chart.spec as unknown as AnySpec).data?.values ?? [];
    // Gold LTV median (9000 + 7000) / 2 = 8000: the customer's 9000 is the larger → relative 1, median 8/9.
    const ltv = values.filter((v) => v.metric === 'Lifetime value (LTV)');
    expect(ltv.map((v) => v.label)).toEqual(['$9,000', '$8,000']);
    expect(ltv[1]?.relative).toBeCloseTo(8 / 9, 12);
  });
});
