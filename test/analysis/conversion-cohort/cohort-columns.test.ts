import { describe, expect, it } from 'vitest';
import { codeColumn, numberColumn } from '../../../src/analysis/columns/coded-column.js';
import { joinRows } from '../../../src/analysis/columns/join-rows.js';
import type { CohortColumns } from '../../../src/analysis/conversion-cohort/cohort-columns.js';
import type { CohortBounds, CohortInputs } from '../../../src/analysis/conversion-cohort/cohort-inputs.js';
import { DEFAULT_COHORT_BOUNDS } from '../../../src/analysis/conversion-cohort/cohort-inputs.js';
import { computeConversionCohortColumns } from '../../../src/analysis/conversion-cohort/compute-cohort-columns.js';
import { computeConversionCohort } from '../../../src/analysis/conversion-cohort/compute-conversion-cohort.js';
import { activityRow, COHORT_FIXTURE, funnelRow, valueRow } from './cohort-fixture.js';

/** The fixture's rows as the column path holds them (what readTableColumns gives for the same rows). */
function cohortColumnsOf(inputs: CohortInputs): CohortColumns {
  const { activity, funnel, value } = inputs;
  const activityKey = codeColumn(activity.map((a) => a.key));
  const funnelKey = codeColumn(funnel.map((f) => f.key));
  const valueKey = codeColumn(value.map((v) => v.key));
  return {
    activity: {
      key: activityKey,
      composite: numberColumn(activity.map((a) => a.composite)),
      channel: codeColumn(activity.map((a) => a.channel)),
      health: numberColumn(activity.map((a) => a.health)),
      zendeskActive: numberColumn(activity.map((a) => a.zendeskActive)),
      inMarketo: numberColumn(activity.map((a) => a.inMarketo)),
      inStripe: numberColumn(activity.map((a) => a.inStripe)),
      inZendesk: numberColumn(activity.map((a) => a.inZendesk)),
      riskLevel: codeColumn(activity.map((a) => a.riskLevel)),
      velocity: codeColumn(activity.map((a) => a.velocity)),
      zendeskUserId: codeColumn(activity.map((a) => a.zendeskUserId)),
      marketoLeadId: codeColumn(activity.map((a) => a.marketoLeadId)),
      stripeCustomerId: codeColumn(activity.map((a) => a.stripeCustomerId)),
    },
    funnel: {
      key: funnelKey,
      marketingToSalesDays: numberColumn(funnel.map((f) => f.marketingToSalesDays)),
      salesToSupportDays: numberColumn(funnel.map((f) => f.salesToSupportDays)),
      channel: codeColumn(funnel.map((f) => f.channel)),
      tier: codeColumn(funnel.map((f) => f.tier)),
      ltv: numberColumn(funnel.map((f) => f.ltv)),
    },
    value: {
      key: valueKey,
      tier: codeColumn(value.map((v) => v.tier)),
      ltv: numberColumn(value.map((v) => v.ltv)),
      recency: numberColumn(value.map((v) => v.recency)),
      frequency: numberColumn(value.map((v) => v.frequency)),
      monetary: numberColumn(value.map((v) => v.monetary)),
    },
    funnelRowOf: joinRows(activityKey, funnelKey),
    valueRowOf: joinRows(activityKey, valueKey),
  };
}

function bothPaths(inputs: CohortInputs, bounds: CohortBounds = DEFAULT_COHORT_BOUNDS) {
  return {
    rows: computeConversionCohort(inputs, bounds),
    columns: computeConversionCohortColumns(cohortColumnsOf(inputs), bounds).cohort,
  };
}

/**
 * The fixture plus what only the column path could get wrong: a level literally named "(missing)" beside NULL
 * levels (they must meet in one cell), a flag other than 0/1, health with fractions summed per cell in row order.
 */
const EDGES: CohortInputs = {
  activity: [
    ...COHORT_FIXTURE.activity,
    activityRow('x1', 50, { riskLevel: '(missing)', velocity: null, health: 0.1, inMarketo: 1, inStripe: 1 }),
    activityRow('x2', 60, { riskLevel: null, velocity: '(missing)', health: 0.2, channel: '(missing)' }),
    activityRow('x3', 70, { riskLevel: null, velocity: null, health: 0.3, inZendesk: null, zendeskActive: 1 }),
  ],
  funnel: [
    ...COHORT_FIXTURE.funnel,
    funnelRow('x1', 12, 40, { tier: 'Gold', ltv: 0.1 }),
    funnelRow('x2', 12, 40, { tier: 'Gold', ltv: 0.2 }),
    funnelRow('x3', 12, 40, { tier: 'Platinum', ltv: 0.3 }),
  ],
  value: [...COHORT_FIXTURE.value, valueRow('x1', 'Gold', 0.1, [1, 2, 3]), valueRow('x3', 'Platinum', 0.7)],
};

describe('analysis/computeConversionCohortColumns', () => {
  it('gives the row path its result, figure by figure, on the fixture and its edges, for several bounds', () => {
    const bounds: CohortBounds[] = [
      DEFAULT_COHORT_BOUNDS,
      { m2sMin: 0, m2sMax: 3650, s2sAbove: 0, compositeAbove: 'mean' },
      { m2sMin: 5, m2sMax: 15, s2sAbove: 10, compositeAbove: 3 },
      { m2sMin: 10, m2sMax: 20, s2sAbove: 30, compositeAbove: 1000 },
    ];
    for (const inputs of [COHORT_FIXTURE, EDGES]) {
      for (const b of bounds) {
        const { rows, columns } = bothPaths(inputs, b);
        expect(columns).toEqual(rows);
      }
    }
    const { columns } = bothPaths(EDGES);
    expect(columns.kind).toBe('ok');
    // x1's "(missing)" risk and the NULL risks (x2, x3 and the fixture's) are one row of the table, as in rows.
    if (columns.kind === 'ok') {
      const missingCells = columns.riskVelocity.all.cells.filter((c) => c.risk === '(missing)');
      const expected = EDGES.activity.filter((a) => a.riskLevel === null || a.riskLevel === '(missing)').length;
      expect(expected).toBeGreaterThanOrEqual(3);
      expect(missingCells.reduce((n, c) => n + c.n, 0)).toBe(expected);
    }
  });

  it('says the same when a table is empty or the join matches nothing', () => {
    const empty = bothPaths({ ...COHORT_FIXTURE, funnel: [] });
    expect(empty.columns).toEqual(empty.rows);
    expect(empty.columns.kind).toBe('unavailable');
    const noActivity = bothPaths({ ...COHORT_FIXTURE, activity: [] });
    expect(noActivity.columns).toEqual(noActivity.rows);
    const disjoint = bothPaths({ ...COHORT_FIXTURE, funnel: [funnelRow('nobody', 12, 40)] });
    expect(disjoint.columns).toEqual(disjoint.rows);
    expect(disjoint.columns.kind === 'unavailable' && disjoint.columns.reason).toContain('matches nothing');
  });

  it('reports the members’ activity rows in order', () => {
    const inputs = COHORT_FIXTURE;
    const { cohort, memberRows } = computeConversionCohortColumns(cohortColumnsOf(inputs), DEFAULT_COHORT_BOUNDS);
    expect(cohort.kind).toBe('ok');
    if (cohort.kind === 'ok') expect(memberRows.map((r) => inputs.activity[r]?.key)).toEqual(cohort.memberKeys);
  });
});
