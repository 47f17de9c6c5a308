import type { InvestmentMismatchResult } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import { type Availability, GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { Correlation } from '../../analysis/stats/pearson.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { AnswerSection } from '../command-answer.js';

const fmt = numberFormat();

/**
 * §1 answer sections. Each bullet is a table or an `unavailable` section with its reason;
 * `missingColumns` turns "no values" into "the export lacks column X", which a person can fix.
 */

/** Rows shown per table in the answer; --json carries everything. */
export const TABLE_ROWS = 8;

const BULLET_COLUMNS = {
  roi: ['customer_lifetime_value', 'acquisition_cost'],
  stage: ['customer_lifetime_value', 'acquisition_cost', 'lifecycle_stage'],
  cells: ['industry_vertical', 'company_size_tier'],
  onboarding: ['customer_onboarding_score'],
  team: ['customer_lifetime_value', 'acquisition_cost', 'team_size', 'decision_maker_level'],
} as const;

export function missingColumnReason(columns: readonly string[], missing: readonly string[]): string | null {
  const absent = columns.filter((c) => missing.includes(c));
  if (absent.length === 0) return null;
  return `customer360__customer_value_analysis has no ${absent.map((c) => `\`${c}\``).join(', ')} column${absent.length > 1 ? 's' : ''}; export the DB-055 investment columns to get this part`;
}

export function formatCorrelation(c: Correlation): string {
  if (c.kind === 'too-few-rows') return `too few rows (n = ${fmt.count(c.n)})`;
  if (c.kind === 'constant') return `not defined: one side is constant (n = ${fmt.count(c.n)})`;
  return `r = ${fmt.fixed(c.r, 2)} (n = ${fmt.count(c.n)}, t = ${fmt.fixed(c.t, 2)}, ${fmt.pValue(c.p)})`;
}

/** Cut-offs keep up to four decimals, trailing zeros dropped: 1.6514, 3, 0.3497. */
const cutoff = (x: number | null) => fmt.decimal(x, 4);

const roiText = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : `${fmt.fixed(x, 2)}×`);

export function buildSections(result: InvestmentMismatchResult, missing: readonly string[]): AnswerSection[] {
  const p = result.population;
  const sections: AnswerSection[] = [
    {
      kind: 'text',
      title: 'Priority vs performance',
      lines: [
        `Valid customers: *${fmt.count(p.customers.length)}* (sales, adoption, support and priority all present).`,
        `Top ${fmt.percent(result.options.topShare, { decimals: 0 })} priority: ${plural(p.topCount, 'customer')}, priority ≥ ${cutoff(p.priorityCutoff)}.`,
        `Bottom ${fmt.percent(result.options.bottomShare, { decimals: 0 })} composite: composite ≤ ${cutoff(p.compositeCutoff)}.`,
        `Mismatched (both): *${fmt.count(p.mismatchedCount)}*, ${fmt.percent(result.mismatchRate)} of the top group.`,
      ],
    },
    ...roiSections(result, missing),
    ...cellSections(result, missing),
    onboardingSection(result, missing),
    teamSection(result, missing),
    biasSection(result),
  ];
  return sections;
}

function orUnavailable<T>(
  title: string,
  value: Availability<T>,
  columns: readonly string[],
  missing: readonly string[],
  present: (v: T) => AnswerSection,
): AnswerSection {
  const reason = missingColumnReason(columns, missing);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  return value.available ? present(value.value) : { kind: 'unavailable', title, reason: value.reason };
}

function roiSections(result: InvestmentMismatchResult, missing: readonly string[]): AnswerSection[] {
  const { roi, byStage } = result.roiAndLifecycle;
  return [
    orUnavailable(
      'ROI (lifetime value / acquisition cost, winsorised P1–P99)',
      roi,
      BULLET_COLUMNS.roi,
      missing,
      (r) => ({
        kind: 'text',
        title: 'ROI (lifetime value / acquisition cost, winsorised P1–P99)',
        lines: [
          `n = ${fmt.count(r.n)}: P1 ${roiText(r.p1)}, median ${roiText(r.median)}, mean ${roiText(r.mean)}, P99 ${roiText(r.p99)}.`,
          `ROI above 1: ${fmt.percent(r.shareAboveOne)}.`,
        ],
      }),
    ),
    orUnavailable('ROI by lifecycle stage', byStage, BULLET_COLUMNS.stage, missing, (stages) => ({
      kind: 'table',
      title: 'ROI by lifecycle stage',
      table: {
        columns: ['Stage', 'n', 'Mean', 'Median', 'Q1', 'Q3'],
        align: ['left', 'right', 'right', 'right', 'right', 'right'],
        rows: stages.map((s) => [
          s.stage,
          fmt.count(s.n),
          roiText(s.mean),
          roiText(s.median),
          roiText(s.q1),
          roiText(s.q3),
        ]),
      },
    })),
  ];
}

function cellSections(result: InvestmentMismatchResult, missing: readonly string[]): AnswerSection[] {
  const { cells, minCellSize, smallCells, customersInSmallCells } = result.segmentCells;
  const note =
    smallCells > 0
      ? `${fmt.count(smallCells)} smaller cells (${fmt.count(customersInSmallCells)} customers) left out (n < ${minCellSize}).`
      : undefined;
  const title = `Where mismatches cluster: industry × size, top-priority customers, cells with n ≥ ${minCellSize}`;
  const risk = orUnavailable(title, cells, BULLET_COLUMNS.cells, missing, (list) => ({
    kind: 'table',
    title,
    table: {
      columns: ['Industry × size', 'n', 'Mismatched', 'Rate', 'RR vs all top', '95% CI'],
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      rows: list
        .slice(0, TABLE_ROWS)
        .map((c) => [
          `${c.industry} × ${c.sizeTier}`,
          fmt.count(c.n),
          fmt.count(c.mismatched),
          fmt.percent(c.mismatchRate),
          fmt.fixed(c.relativeRisk?.rr, 2),
          c.relativeRisk?.ci ? `${fmt.fixed(c.relativeRisk.ci[0], 2)}–${fmt.fixed(c.relativeRisk.ci[1], 2)}` : 'n/a',
        ]),
    },
    ...(note ? { note } : {}),
  }));
  const gapTitle =
    'What separates them: mean of mismatched vs the rest of the cell, and each metric’s share of the composite gap';
  const gaps = orUnavailable(gapTitle, cells, BULLET_COLUMNS.cells, missing, (list) => ({
    kind: 'table',
    title: gapTitle,
    table: {
      columns: ['Industry × size', 'Adoption', 'Support', 'Sales', 'Gap: sales / adoption / support'],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: list
        .slice(0, TABLE_ROWS)
        .map((c) => [
          `${c.industry} × ${c.sizeTier}`,
          `${fmt.fixed(c.mismatchedMeans.adoption, 2)} vs ${fmt.fixed(c.restMeans.adoption, 2)}`,
          `${fmt.fixed(c.mismatchedMeans.support, 2)} vs ${fmt.fixed(c.restMeans.support, 2)}`,
          `${fmt.money(c.mismatchedMeans.sales)} vs ${fmt.money(c.restMeans.sales)}`,
          c.gapShares
            ? [c.gapShares.sales, c.gapShares.adoption, c.gapShares.support]
                .map((s) => fmt.percent(s, { decimals: 0 }))
                .join(' / ')
            : 'n/a',
        ]),
    },
  }));
  return [risk, gaps];
}

function onboardingSection(result: InvestmentMismatchResult, missing: readonly string[]): AnswerSection {
  const title = 'Onboarding vs adoption (top-priority customers)';
  const reason = missingColumnReason(BULLET_COLUMNS.onboarding, missing);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  const o = result.onboarding;
  if (o.points.length === 0) {
    return { kind: 'unavailable', title, reason: 'no top-priority customer has a customer_onboarding_score' };
  }
  return {
    kind: 'table',
    title,
    table: {
      columns: ['Group', 'Onboarding', 'n', 'Mean adoption', 'Mean ROI'],
      align: ['left', 'left', 'right', 'right', 'right'],
      rows: o.bins.map((b) => [
        GROUP_LABELS[b.group],
        b.label,
        fmt.count(b.n),
        fmt.fixed(b.meanAdoption, 3),
        roiText(b.meanRoi),
      ]),
    },
    note: `Pearson onboarding vs adoption — mismatched: ${formatCorrelation(o.correlations.mismatched)}; other top: ${formatCorrelation(o.correlations['other-top'])}.`,
  };
}

function teamSection(result: InvestmentMismatchResult, missing: readonly string[]): AnswerSection {
  const title = 'Mean ROI by team size × decision maker (executive = C-Level or VP)';
  const reason = missingColumnReason(BULLET_COLUMNS.team, missing);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  const t = result.teamAndLevel;
  if (t.teamExec.every((c) => c.n === 0)) {
    return {
      kind: 'unavailable',
      title,
      reason: 'no top-priority customer has an ROI, a team_size and a decision_maker_level',
    };
  }
  const cell = (bin: string, executive: boolean, group: 'mismatched' | 'other-top') =>
    t.teamExec.find((c) => c.bin === bin && c.executive === executive && c.group === group);
  const rows = ['small', 'medium', 'large'].flatMap((bin) =>
    [true, false].map((executive) => {
      const m = cell(bin, executive, 'mismatched');
      const r = cell(bin, executive, 'other-top');
      return [
        m?.binLabel ?? bin,
        executive ? 'Executive' : 'Other',
        `${roiText(m?.meanRoi)} (n ${fmt.count(m?.n)})`,
        `${roiText(r?.meanRoi)} (n ${fmt.count(r?.n)})`,
      ];
    }),
  );
  return {
    kind: 'table',
    title,
    table: {
      columns: ['Team size', 'Decision maker', 'Mismatched', 'Other top'],
      align: ['left', 'left', 'right', 'right'],
      rows,
    },
    note: `corr(team size, ROI) — mismatched: ${formatCorrelation(t.teamSizeRoi.mismatched)}; other top: ${formatCorrelation(t.teamSizeRoi['other-top'])}.`,
  };
}

function biasSection(result: InvestmentMismatchResult): AnswerSection {
  const b = result.bias;
  const tertiles = b.tertiles.map((t) => `T${t.tertile} ${fmt.fixed(t.meanComposite, 3)} (n ${fmt.count(t.n)})`);
  const monotone =
    b.monotone === null ? 'cannot tell (a tertile is empty)' : b.monotone ? 'yes, strictly increasing' : '*no*';
  return {
    kind: 'text',
    title: 'Bias diagnosis: does priority track performance?',
    lines: [
      `corr(priority, composite): ${formatCorrelation(b.priorityComposite)}.`,
      `corr(priority, ROI): ${formatCorrelation(b.priorityRoi)}.`,
      `Mean composite by priority tertile: ${tertiles.join(', ')} — monotone: ${monotone}.`,
      `Mean ROI, other top vs mismatched: ${roiText(b.meanRoiOtherTop)} vs ${roiText(b.meanRoiMismatched)} (gap ${fmt.signed(b.roiGap, (v) => fmt.fixed(v, 2))}).`,
    ],
  };
}

export function buildHeadline(result: InvestmentMismatchResult): string {
  const p = result.population;
  if (p.customers.length === 0) return 'No customer has sales, adoption, support and an investment priority together.';
  const first = `*${fmt.count(p.mismatchedCount)} of ${fmt.count(p.topCount)}* top-priority customers (${fmt.percent(result.mismatchRate)}) perform in the bottom half on sales, adoption and support.`;
  const r = result.bias.priorityComposite;
  const second =
    r.kind === 'ok'
      ? ` Priority ${Math.abs(r.r) < 0.3 ? 'barely tracks' : 'tracks'} performance (r = ${fmt.fixed(r.r, 2)} with the composite).`
      : '';
  const worst = result.segmentCells.cells.available ? result.segmentCells.cells.value[0] : undefined;
  const third =
    worst?.relativeRisk && worst.relativeRisk.rr > 1
      ? ` Most concentrated in *${worst.industry} × ${worst.sizeTier}*: ${fmt.percent(worst.mismatchRate)} mismatched (RR ${fmt.fixed(worst.relativeRisk.rr, 2)}).`
      : '';
  return `${first}${second}${third}`;
}
