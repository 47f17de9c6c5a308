import { describe, expect, it } from 'vitest';
import type { CodedColumn } from '../../../src/analysis/columns/coded-column.js';
import { distinctLevels } from '../../../src/analysis/columns/distinct-levels.js';
import {
  computeInvestmentMismatch,
  type InvestmentMismatchFigures,
  populationFigures,
} from '../../../src/analysis/investment-mismatch/compute-investment-mismatch.js';
import { computeInvestmentMismatchColumns } from '../../../src/analysis/investment-mismatch/compute-investment-mismatch-columns.js';
import {
  allRows,
  type InvestmentColumns,
  investmentColumnsOf,
} from '../../../src/analysis/investment-mismatch/investment-columns.js';
import {
  DEFAULT_INVESTMENT_OPTIONS,
  type InvestmentInputRow,
  type InvestmentMismatchOptions,
} from '../../../src/analysis/investment-mismatch/mismatch-types.js';
import { pick, seededRandom } from '../seeded-random.js';
import { handWorkedRows } from './fixture-rows.js';

/** Customers on coarse grids (ties at every cut-off), with missing inputs, zero costs and missing labels. */
function randomRows(seed: number, n: number): InvestmentInputRow[] {
  const random = seededRandom(seed);
  const grid = (steps: number) => Math.floor(random() * steps) / steps;
  const maybe = <T>(value: T, share = 0.05): T | null => (random() < share ? null : value);
  return Array.from({ length: n }, (_, i) => ({
    email: `c${i}@x.io`,
    priority: maybe(grid(15)),
    sales: maybe(grid(11) * 1000 + random() * 3),
    adoption: maybe(random()),
    support: maybe(grid(6)),
    lifetimeValue: maybe(random() * 5000, 0.1),
    acquisitionCost: maybe(pick(random, [0, 25, 50, 100, 400, 1e-3]), 0.1),
    onboarding: maybe(random() * 5, 0.15),
    teamSize: maybe(Math.floor(random() * 90), 0.1),
    decisionLevel: pick(random, ['C-Level', 'VP', 'Manager', 'Director', 'c-level'], 0.1),
    industry: pick(random, ['Retail', 'Tech', 'Health', 'Énergie', 'Finance'], 0.08),
    sizeTier: pick(random, ['Small', 'Mid-Market', 'Enterprise'], 0.08),
    lifecycleStage: pick(random, ['Growth', 'Dormant', 'Onboarding', 'Mature'], 0.1),
    organization: pick(random, ['Acme', 'Globex', 'Initech'], 0.2),
  }));
}

/** The row path's figures, without its scored object per customer: what the column path must give, bit for bit. */
function rowFigures(
  rows: readonly InvestmentInputRow[],
  options: InvestmentMismatchOptions,
): InvestmentMismatchFigures {
  const result = computeInvestmentMismatch(rows, options);
  return { ...result, population: populationFigures(result.population) };
}

/** Every figure equal (Object.is, so 0 and −0 differ) and every object's keys in the same order (the JSON answer). */
function expectSameFigures(actual: InvestmentMismatchFigures, expected: InvestmentMismatchFigures): void {
  const keys = Object.keys(expected) as (keyof InvestmentMismatchFigures)[];
  for (const key of keys) {
    expect(actual[key], key).toEqual(expected[key]);
    expect(JSON.stringify(actual[key]), key).toBe(JSON.stringify(expected[key]));
  }
  expect(JSON.stringify(populationFigures(actual.population))).toBe(JSON.stringify(expected.population));
}

/** Columns whose label dictionaries repeat values (as an Arrow dictionary grown by delta batches can). */
function withRepeatedLevels(columns: InvestmentColumns): InvestmentColumns {
  const repeat = (column: CodedColumn): CodedColumn => {
    const dictionary = [...column.dictionary, ...column.dictionary];
    const indices = column.indices.map((code, r) =>
      code >= 0 && r % 2 === 1 ? code + column.dictionary.length : code,
    );
    return { indices, dictionary };
  };
  return {
    ...columns,
    industry: repeat(columns.industry),
    sizeTier: repeat(columns.sizeTier),
    lifecycleStage: repeat(columns.lifecycleStage),
    decisionLevel: repeat(columns.decisionLevel),
  };
}

describe('analysis/investment-mismatch on columns against the row path', () => {
  it('gives the hand-worked figures of the row path', () => {
    const rows = handWorkedRows();
    const options = { ...DEFAULT_INVESTMENT_OPTIONS, minCellSize: 2 };
    const columns = investmentColumnsOf(rows);
    const figures = computeInvestmentMismatchColumns(columns, allRows(columns), options);
    expectSameFigures(figures, rowFigures(rows, options));
    expect(figures.mismatchedCustomers.map((c) => c.email)).toEqual(['f@x.io', 'h@x.io', 'j@x.io']);
    expect(figures.validCount).toBe(10);
  });

  it.each([
    [1, 3000, DEFAULT_INVESTMENT_OPTIONS],
    [2, 2000, { ...DEFAULT_INVESTMENT_OPTIONS, topShare: 0.2, bottomShare: 0.4, minCellSize: 5 }],
    [3, 500, { ...DEFAULT_INVESTMENT_OPTIONS, weights: { sales: 0.1, adoption: 0.6, support: 0.3 }, minCellSize: 1 }],
    [4, 40, { ...DEFAULT_INVESTMENT_OPTIONS, topShare: 0.5, bottomShare: 0.5 }],
  ])('matches figure by figure (seed %i, %i customers)', (seed, n, options) => {
    const rows = randomRows(seed, n);
    const columns = investmentColumnsOf(rows);
    const expected = rowFigures(rows, options);
    expect(expected.mismatchedCustomers.length).toBeGreaterThan(0);
    expectSameFigures(computeInvestmentMismatchColumns(columns, allRows(columns), options), expected);
    // Codes are merged by value: a dictionary repeating its levels groups exactly as the strings do.
    expectSameFigures(
      computeInvestmentMismatchColumns(withRepeatedLevels(columns), allRows(columns), options),
      expected,
    );
  });

  it('analyses only the selected rows, as the row path does on those rows', () => {
    const rows = randomRows(5, 1500);
    const columns = investmentColumnsOf(rows);
    const selected = allRows(columns).filter((r) => rows[r]?.industry === 'Tech' || r % 5 === 0);
    const options = { ...DEFAULT_INVESTMENT_OPTIONS, minCellSize: 3 };
    expectSameFigures(
      computeInvestmentMismatchColumns(columns, selected, options),
      rowFigures(
        Array.from(selected, (r) => rows[r] as InvestmentInputRow),
        options,
      ),
    );
  });

  it('says what the row path says when no customer is valid', () => {
    const rows = randomRows(6, 30).map((r) => ({ ...r, support: null }));
    const columns = investmentColumnsOf(rows);
    const figures = computeInvestmentMismatchColumns(columns, allRows(columns), DEFAULT_INVESTMENT_OPTIONS);
    expect(figures.validCount).toBe(0);
    expectSameFigures(figures, rowFigures(rows, DEFAULT_INVESTMENT_OPTIONS));
  });
});

describe('analysis/columns/distinct-levels', () => {
  it('numbers distinct values as the listed rows first show them, merging repeated dictionary entries', () => {
    const column = { indices: Int32Array.from([2, -1, 0, 3, 1, 2]), dictionary: ['a', 'b', 'c', 'a'] };
    const levels = distinctLevels(column, [5, 4, 3, 2, 1]);
    // Row 5 shows 'c' first, row 4 'b', row 3 'a' (code 3), row 2 'a' again (code 0); row 0 is not listed.
    expect(levels.levels).toEqual(['c', 'b', 'a']);
    expect(Array.from(levels.of)).toEqual([-1, -1, 2, 2, 1, 0]);
  });
});
