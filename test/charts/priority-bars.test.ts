import { describe, expect, it } from 'vitest';
import { computePriority } from '../../src/analysis/priority/priority-score.js';
import { buildPriorityBarsChart, paddedDomain, ROUTE_COLORS } from '../../src/charts/priority/priority-bars.js';
import { renderChartSvg } from '../../src/charts/render-png.js';
import { rfm, valueCustomer, variedCustomer } from '../analysis/value-segments/value-customer-fixture.js';
import { expectChartRules, svgTexts } from './chart-rules.js';

const ranked = computePriority([
  valueCustomer('a@x.com', {
    ...rfm(5, 5, 5),
    health: 3,
    churn: 0.2,
    tier: 'Gold',
    portfolioPct: 0.2,
    organization: 'Acme',
  }),
  valueCustomer('b@x.com', { ...rfm(1, 1, 1), health: 1, churn: 0.8, tier: 'Basic', portfolioPct: 0.01 }),
  valueCustomer('c@x.com', {
    ...rfm(3, 3, 3),
    health: 2,
    churn: 0.5,
    tier: 'Silver',
    portfolioPct: 0.01,
    organization: 'A very long organisation name that cannot fit on the axis',
  }),
]).ranked;

describe('charts/priority/priority-bars', () => {
  it('puts the top N in rank order with n in the title and routes coloured', () => {
    const chart = buildPriorityBarsChart(ranked, 3, []);
    // 0.4·norm(RFM 15) + 0.4·norm(health 3) − 0.2·0.2 = 0.4 + 0.4 − 0.04 = 0.760, written as the answer's headline
    // writes a priority (two decimals); the bar keeps the table's three.
    expect(chart.title).toBe('Acme leads at 0.76; 2 of the top 3 are on automated nurture');
    expect(chart.altText).toBe('Horizontal bars of the 3 highest priorities; Acme leads with 0.76.');
    expectChartRules(chart, { bars: true });
    const spec = chart.spec as unknown as {
      data: { values: { customer: string; priority: number; route: string }[] };
      encoding: { y: { sort: string[] } };
      layer: { encoding: { color?: { scale: { domain: string[]; range: string[] } } } }[];
    };
    const labels = spec.data.values.map((v) => v.customer);
    expect(labels[0]).toBe('#1 Acme');
    expect(spec.data.values[0]).toMatchObject({ label: '0.760' });
    expect(labels[1]).toMatch(/^#2 A very long organisation name.*…$/);
    expect(spec.encoding.y.sort).toEqual(labels);
    const priorities = spec.data.values.map((v) => v.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(spec.layer[0]?.encoding.color?.scale).toEqual({
      domain: ['Dedicated acceleration', 'Automated nurture'],
      range: [ROUTE_COLORS['dedicated-acceleration'], ROUTE_COLORS['automated-nurture']],
    });
  });

  it('tells bars of the same organisation apart by email, as the text answer does', () => {
    const customers = [
      ['ana@hooli.com', 'Hooli Group', 5],
      ['ben@acme.com', 'Acme', 4],
      ['cara@hooli.com', 'Hooli Group', 3],
      ['sam@one.com', 'Globex Holdings International Partners', 2],
      ['sam@two.com', 'Globex Holdings International Partners', 1],
    ] as const;
    const top = computePriority(
      customers.map(([email, organization, r]) =>
        valueCustomer(email, {
          ...rfm(r, r, r),
          health: r / 2,
          churn: 0.1,
          tier: 'Gold',
          portfolioPct: 0.1,
          organization,
        }),
      ),
    ).ranked;
    expect(top.map((r) => r.customer.email)).toEqual(customers.map(([email]) => email));
    const chart = buildPriorityBarsChart(top, top.length, []);
    const labels = (chart.spec as unknown as { data: { values: { customer: string }[] } }).data.values.map(
      (v) => v.customer,
    );
    // The part before the @ is enough for Hooli; the two Globex emails share it ("sam"), so they keep the whole
    // email and the organisation gives up columns: 30 − 14 (" (sam@one.com)") = 16 columns: 15 ("Globex Holdings") and the ellipsis.
    expect(labels).toEqual([
      '#1 Hooli Group (ana)',
      '#2 Acme',
      '#3 Hooli Group (cara)',
      '#4 Globex Holdings… (sam@one.com)',
      '#5 Globex Holdings… (sam@two.com)',
    ]);
    expect(chart.title).toMatch(/^Hooli Group \(ana\) leads at /);
    expect(chart.altText).toContain('Hooli Group (ana) leads with');
  });

  it('pads the axis so value labels fit on both sides of zero', () => {
    // span 0.76 − (−0.16) = 0.92, margin 0.1104
    const [low, high] = paddedDomain([0.76, 0.3, -0.16]);
    expect(low).toBeCloseTo(-0.2704, 10);
    expect(high).toBeCloseTo(0.8704, 10);
    expect(paddedDomain([0.5, 0.2])[0]).toBe(0);
  });

  it.each([20, 100])('names every one of the top %i customers and clips no legend', async (n) => {
    const many = computePriority(
      Array.from({ length: n + 5 }, (_, i) => variedCustomer(i, `Organisation number ${i}`)),
    ).ranked;
    const chart = buildPriorityBarsChart(many.slice(0, n), many.length, []);
    expectChartRules(chart, { bars: true });
    const texts = svgTexts(await renderChartSvg(chart.spec));
    const labels = (chart.spec as unknown as { data: { values: { customer: string }[] } }).data.values;
    expect(labels).toHaveLength(n);
    for (const { customer } of labels) expect(texts).toContain(customer);
    for (const route of ['Dedicated acceleration', 'Automated nurture', 'Standard engagement', 'Manual intervention']) {
      if (texts.some((t) => t.startsWith(route.slice(0, 6)))) expect(texts).toContain(route);
    }
  });
});
