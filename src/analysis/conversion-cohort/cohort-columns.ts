import type { CodedColumn } from '../columns/coded-column.js';

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
