import { type CodedColumn, codeColumn, codedValue, numberColumn } from '../columns/coded-column.js';
import type { InvestmentInputRow } from './mismatch-types.js';

/**
 * §1's input column by column: row r is one customer, the fields of InvestmentInputRow (numbers NaN = NULL, text
 * coded). What the analysis scans at a million customers instead of a million row objects.
 */
export interface InvestmentColumns {
  readonly length: number;
  readonly email: CodedColumn;
  readonly priority: Float64Array;
  readonly sales: Float64Array;
  readonly adoption: Float64Array;
  readonly support: Float64Array;
  readonly lifetimeValue: Float64Array;
  readonly acquisitionCost: Float64Array;
  readonly onboarding: Float64Array;
  readonly teamSize: Float64Array;
  readonly decisionLevel: CodedColumn;
  readonly industry: CodedColumn;
  readonly sizeTier: CodedColumn;
  readonly lifecycleStage: CodedColumn;
  readonly organization: CodedColumn;
}

/** Rows as columns, for callers holding rows (and for tests comparing the two paths). */
export function investmentColumnsOf(rows: readonly InvestmentInputRow[]): InvestmentColumns {
  const num = (pick: (r: InvestmentInputRow) => number | null) => numberColumn(rows.map(pick));
  const text = (pick: (r: InvestmentInputRow) => string | null) => codeColumn(rows.map(pick));
  return {
    length: rows.length,
    email: text((r) => r.email),
    priority: num((r) => r.priority),
    sales: num((r) => r.sales),
    adoption: num((r) => r.adoption),
    support: num((r) => r.support),
    lifetimeValue: num((r) => r.lifetimeValue),
    acquisitionCost: num((r) => r.acquisitionCost),
    onboarding: num((r) => r.onboarding),
    teamSize: num((r) => r.teamSize),
    decisionLevel: text((r) => r.decisionLevel),
    industry: text((r) => r.industry),
    sizeTier: text((r) => r.sizeTier),
    lifecycleStage: text((r) => r.lifecycleStage),
    organization: text((r) => r.organization ?? null),
  };
}

/** Row r as the row path holds it. */
export function investmentRowAt(columns: InvestmentColumns, r: number): InvestmentInputRow {
  return {
    email: codedValue(columns.email, r) as string,
    priority: numberAt(columns.priority, r),
    sales: numberAt(columns.sales, r),
    adoption: numberAt(columns.adoption, r),
    support: numberAt(columns.support, r),
    lifetimeValue: numberAt(columns.lifetimeValue, r),
    acquisitionCost: numberAt(columns.acquisitionCost, r),
    onboarding: numberAt(columns.onboarding, r),
    teamSize: numberAt(columns.teamSize, r),
    decisionLevel: codedValue(columns.decisionLevel, r),
    industry: codedValue(columns.industry, r),
    sizeTier: codedValue(columns.sizeTier, r),
    lifecycleStage: codedValue(columns.lifecycleStage, r),
    organization: codedValue(columns.organization, r),
  };
}

/** Every row, in order: the selection when no filter narrows it. */
export function allRows(columns: InvestmentColumns): Int32Array {
  const rows = new Int32Array(columns.length);
  for (let r = 0; r < rows.length; r++) rows[r] = r;
  return rows;
}

export function numberAt(column: Float64Array, r: number): number | null {
  const v = column[r] as number;
  return Number.isNaN(v) ? null : v;
}
