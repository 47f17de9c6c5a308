import { type CodedColumn, codedValue } from '../columns/coded-column.js';
import type { CohortActivityRow, CohortFunnelRow, CohortValueRow, Flag } from './cohort-inputs.js';

/**
 * §2's inputs column by column (row r of each table is one latest row, in the reader's order): what a million
 * customers cost as typed arrays instead of three million row objects. Numbers and flags are Float64Array with NaN
 * for NULL; text is dictionary-coded.
 */
export interface CohortActivityColumns {
  readonly key: CodedColumn;
  readonly composite: Float64Array;
  readonly channel: CodedColumn;
  readonly health: Float64Array;
  readonly zendeskActive: Float64Array;
  readonly inMarketo: Float64Array;
  readonly inStripe: Float64Array;
  readonly inZendesk: Float64Array;
  readonly riskLevel: CodedColumn;
  readonly velocity: CodedColumn;
  readonly zendeskUserId: CodedColumn;
  readonly marketoLeadId: CodedColumn;
  readonly stripeCustomerId: CodedColumn;
}

export interface CohortFunnelColumns {
  readonly key: CodedColumn;
  readonly marketingToSalesDays: Float64Array;
  readonly salesToSupportDays: Float64Array;
  readonly channel: CodedColumn;
  readonly tier: CodedColumn;
  readonly ltv: Float64Array;
}

export interface CohortValueColumns {
  readonly key: CodedColumn;
  readonly tier: CodedColumn;
  readonly ltv: Float64Array;
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
}

export interface CohortColumns {
  readonly activity: CohortActivityColumns;
  readonly funnel: CohortFunnelColumns;
  readonly value: CohortValueColumns;
  /** Per activity row, the funnel row with the same email; -1 when there is none. */
  readonly funnelRowOf: Int32Array;
  /** Per activity row, the value row with the same email; -1 when there is none. */
  readonly valueRowOf: Int32Array;
}

/** Row r as the row path holds it (for the few rows shown or joined further: cohort members). */
export function activityRowAt(c: CohortActivityColumns, r: number): CohortActivityRow {
  return {
    key: codedValue(c.key, r) as string,
    composite: numberAt(c.composite, r),
    channel: codedValue(c.channel, r),
    health: numberAt(c.health, r),
    zendeskActive: flagAt(c.zendeskActive, r),
    inMarketo: flagAt(c.inMarketo, r),
    inStripe: flagAt(c.inStripe, r),
    inZendesk: flagAt(c.inZendesk, r),
    riskLevel: codedValue(c.riskLevel, r),
    velocity: codedValue(c.velocity, r),
    zendeskUserId: codedValue(c.zendeskUserId, r),
    marketoLeadId: codedValue(c.marketoLeadId, r),
    stripeCustomerId: codedValue(c.stripeCustomerId, r),
  };
}

export function funnelRowAt(c: CohortFunnelColumns, r: number): CohortFunnelRow {
  return {
    key: codedValue(c.key, r) as string,
    marketingToSalesDays: numberAt(c.marketingToSalesDays, r),
    salesToSupportDays: numberAt(c.salesToSupportDays, r),
    channel: codedValue(c.channel, r),
    tier: codedValue(c.tier, r),
    ltv: numberAt(c.ltv, r),
  };
}

export function valueRowAt(c: CohortValueColumns, r: number): CohortValueRow {
  return {
    key: codedValue(c.key, r) as string,
    tier: codedValue(c.tier, r),
    ltv: numberAt(c.ltv, r),
    recency: numberAt(c.recency, r),
    frequency: numberAt(c.frequency, r),
    monetary: numberAt(c.monetary, r),
  };
}

function numberAt(column: Float64Array, r: number): number | null {
  const v = column[r] as number;
  return Number.isNaN(v) ? null : v;
}

function flagAt(column: Float64Array, r: number): Flag {
  const v = column[r] as number;
  return v === 0 || v === 1 ? v : null;
}
