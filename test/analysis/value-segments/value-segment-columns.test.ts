import { describe, expect, it } from 'vitest';
import { codeColumn, numberColumn } from '../../../src/analysis/columns/coded-column.js';
import { joinRows } from '../../../src/analysis/columns/join-rows.js';
import { computeValueSegments, type FunnelInput } from '../../../src/analysis/value-segments/compute-value-segments.js';
import type { ValueCustomer } from '../../../src/analysis/value-segments/value-customer.js';
import { sortedChurnByGroup, valuePopulationOf } from '../../../src/analysis/value-segments/value-population.js';
import {
  computeValueSegmentsColumns,
  type FunnelColumnsInput,
  type ValueSegmentColumns,
} from '../../../src/analysis/value-segments/value-segment-columns.js';
import { valueCustomer, variedCustomer } from './value-customer-fixture.js';

/** The funnel map as funnel rows (a repeated email first, which the later row overrides) joined to `columns`. */
function funnelColumnsOf(funnel: FunnelInput, columns: ValueSegmentColumns): FunnelColumnsInput {
  if (!funnel.available) return funnel;
  const entries = [...funnel.byEmail];
  const first = entries[0];
  const rows = first ? [[first[0], { consistency: 999, velocity: 999 }] as const, ...entries] : entries;
  return {
    available: true,
    consistency: numberColumn(rows.map(([, f]) => f.consistency)),
    velocity: numberColumn(rows.map(([, f]) => f.velocity)),
    rowOf: joinRows(columns.email, codeColumn(rows.map(([email]) => email))),
    customers: funnel.byEmail.size,
  };
}

/** The customers as columns, with a row without an email slipped in (not a customer: both paths leave it out). */
function columnsOf(customers: readonly ValueCustomer[]): ValueSegmentColumns {
  const rows = [...customers.slice(0, 1), null, ...customers.slice(1)];
  const text = (f: (c: ValueCustomer) => string | null) => codeColumn(rows.map((c) => (c ? f(c) : 'ignored')));
  const num = (f: (c: ValueCustomer) => number | null) => numberColumn(rows.map((c) => (c ? f(c) : 123)));
  return {
    email: codeColumn(rows.map((c) => c?.email ?? null)),
    organization: text((c) => c.organization),
    tier: text((c) => c.tier),
    portfolioPct: num((c) => c.portfolioPct),
    stage: text((c) => c.stage),
    recency: num((c) => c.recency),
    frequency: num((c) => c.frequency),
    monetary: num((c) => c.monetary),
    health: num((c) => c.health),
    churn: num((c) => c.churn),
    ltv: num((c) => c.ltv),
    revenue: num((c) => c.revenue),
    accountAgeDays: num((c) => c.accountAgeDays),
    daysSinceLastActivity: num((c) => c.daysSinceLastActivity),
    rfmSegment: text((c) => c.rfmSegment),
    engagementModel: text((c) => c.engagementModel),
  };
}

const customers: ValueCustomer[] = [
  ...Array.from({ length: 60 }, (_, i) =>
    valueCustomer(`v${i}@x.com`, {
      ...variedCustomer(i, `Org ${i % 7}`),
      email: `v${i}@x.com`,
      ltv: i % 9 === 0 ? null : 1000 + i * 37.5,
      revenue: i % 4 === 0 ? null : 200 + i,
      accountAgeDays: i % 11 === 0 ? 0 : 30 + i * 3.1,
      daysSinceLastActivity: i % 8 === 0 ? null : (i * 13) % 400,
      stage: i % 6 === 0 ? null : (['Onboarding', 'Growth', 'Retention'][i % 3] as string),
      rfmSegment: i % 5 === 0 ? null : 'Loyal',
      engagementModel: i % 2 === 0 ? 'Tech Touch' : null,
    }),
  ),
];

describe('analysis/computeValueSegmentsColumns', () => {
  it('gives the row path its result, figure by figure, with and without funnel figures, for two cuts', () => {
    const byEmail = new Map(
      customers
        .filter((_, i) => i % 3 !== 1)
        .map((c, i) => [c.email, { consistency: i % 4 === 0 ? null : i / 10, velocity: i * 2.5 }] as const),
    );
    const funnels: FunnelInput[] = [
      { available: true, byEmail },
      { available: false, gap: { code: 'no-table', table: 'customer360__conversion_funnel' } },
    ];
    for (const funnel of funnels) {
      for (const cut of [0.05, 0.015]) {
        const rows = computeValueSegments(customers, funnel, cut);
        const columns = columnsOf(customers);
        expect(computeValueSegmentsColumns(columns, funnelColumnsOf(funnel, columns), cut)).toEqual(rows);
        expect(rows.n).toBe(60);
      }
    }
  });

  it('gives an empty result for no customers, as the row path does', () => {
    const funnel: FunnelInput = { available: false, gap: { code: 'no-rows', table: 'customer360__conversion_funnel' } };
    expect(computeValueSegmentsColumns(columnsOf([]), funnel)).toEqual(computeValueSegments([], funnel));
    const some: FunnelInput = { available: true, byEmail: new Map([['a@x.com', { consistency: 1, velocity: null }]]) };
    const columns = columnsOf([]);
    expect(computeValueSegmentsColumns(columns, funnelColumnsOf(some, columns))).toEqual(
      computeValueSegments([], some),
    );
  });
});

describe('analysis/valuePopulationOf (the figures no cut changes, kept per export)', () => {
  // Churn with ties, -0 beside 0, NULLs and a row without an email: what the kept churn order must sort as the
  // native numeric sort does.
  const churns = [0.5, 0, -0, null, 0.5, 0.25, 0, -0, 1, null, 0.25, 0.75, 0.5, -0, 0.1];
  const tied = customers.map((c, i) => ({ ...c, churn: churns[i % churns.length] ?? null }));
  const byEmail = new Map(
    tied.filter((_, i) => i % 4 !== 0).map((c, i) => [c.email, { consistency: i, velocity: null }]),
  );

  it('gives, kept once and reused for several cuts, the row path result of each cut, figure by figure', () => {
    for (const funnel of [
      { available: true, byEmail },
      { available: false, reason: 'none' },
    ] as FunnelInput[]) {
      const columns = columnsOf(tied);
      const funnelColumns = funnelColumnsOf(funnel, columns);
      const population = valuePopulationOf(columns, funnelColumns);
      for (const cut of [0.05, 0.015, 0.3, 0.001]) {
        const rows = computeValueSegments(tied, funnel, cut);
        const kept = computeValueSegmentsColumns(columns, funnelColumns, cut, population);
        expect(kept).toEqual(rows);
        // 'All' is the same whatever the cut: the kept figures are the row path's 'All' for this cut.
        expect(population.all).toEqual(rows.groups.find((g) => g.group === 'All'));
        expect(kept.groups.map((g) => g.churnBox?.min)).toEqual(rows.groups.map((g) => g.churnBox?.min));
      }
    }
  });

  it("reads each group's churn in the order Float64Array.prototype.sort gives it, -0 before 0", () => {
    const columns = columnsOf(tied);
    const population = valuePopulationOf(columns, {
      available: false,
      gap: { code: 'no-rows', table: 'customer360__conversion_funnel_analysis' },
    });
    for (const groupOf of [(r: number) => r % 3, () => 0]) {
      const groupOfRow = Uint8Array.from(columns.churn, (_, r) => groupOf(r));
      const byGroup = sortedChurnByGroup(population, groupOfRow);
      for (let g = 0; g < 3; g++) {
        const mine = columns.churn.filter(
          (v, r) => groupOf(r) === g && !Number.isNaN(v) && columns.email.indices[r] !== -1,
        );
        const expected = [...mine.sort()];
        const got = [...(byGroup[g] as Float64Array)];
        expect(got.map((v) => Object.is(v, -0))).toEqual(expected.map((v) => Object.is(v, -0)));
        expect(got).toEqual(expected);
      }
      expect(byGroup[3]).toHaveLength(0);
    }
  });
});
