import { type CodedColumn, codedValue } from '../columns/coded-column.js';
import { computeValueSegmentsOver, type FunnelInput, type ValueSegmentsResult } from './compute-value-segments.js';
import type { ValueCustomer } from './value-customer.js';
import { DEFAULT_PORTFOLIO_CUT } from './value-segment.js';

/** §3's inputs column by column: row r is one customer's latest value row (numbers NaN = NULL, text coded). */
export interface ValueSegmentColumns {
  readonly email: CodedColumn;
  readonly organization: CodedColumn;
  readonly tier: CodedColumn;
  readonly portfolioPct: Float64Array;
  readonly stage: CodedColumn;
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly health: Float64Array;
  readonly churn: Float64Array;
  readonly ltv: Float64Array;
  readonly revenue: Float64Array;
  readonly accountAgeDays: Float64Array;
  readonly daysSinceLastActivity: Float64Array;
  readonly rfmSegment: CodedColumn;
  readonly engagementModel: CodedColumn;
}

/**
 * computeValueSegments over columns: one scratch customer refilled per row and handed to the same per-customer code,
 * so every figure is the row path's (same values, same order) without a million customer objects kept between
 * answers. Rows without an email are not customers (the row path never builds them). Pure: columns in, result out.
 */
export function computeValueSegmentsColumns(
  columns: ValueSegmentColumns,
  funnel: FunnelInput,
  portfolioCut: number = DEFAULT_PORTFOLIO_CUT,
): ValueSegmentsResult {
  const rows: number[] = [];
  for (let r = 0; r < columns.email.indices.length; r++) if ((columns.email.indices[r] as number) >= 0) rows.push(r);
  const scratch: { -readonly [K in keyof ValueCustomer]: ValueCustomer[K] } = {
    email: '',
    organization: null,
    tier: null,
    portfolioPct: null,
    stage: null,
    recency: null,
    frequency: null,
    monetary: null,
    health: null,
    churn: null,
    ltv: null,
    revenue: null,
    accountAgeDays: null,
    daysSinceLastActivity: null,
    rfmSegment: null,
    engagementModel: null,
    previous: null,
  };
  const c = columns;
  const customerAt = (i: number): ValueCustomer => {
    const r = rows[i] as number;
    scratch.email = codedValue(c.email, r) as string;
    scratch.organization = codedValue(c.organization, r);
    scratch.tier = codedValue(c.tier, r);
    scratch.portfolioPct = numberAt(c.portfolioPct, r);
    scratch.stage = codedValue(c.stage, r);
    scratch.recency = numberAt(c.recency, r);
    scratch.frequency = numberAt(c.frequency, r);
    scratch.monetary = numberAt(c.monetary, r);
    scratch.health = numberAt(c.health, r);
    scratch.churn = numberAt(c.churn, r);
    scratch.ltv = numberAt(c.ltv, r);
    scratch.revenue = numberAt(c.revenue, r);
    scratch.accountAgeDays = numberAt(c.accountAgeDays, r);
    scratch.daysSinceLastActivity = numberAt(c.daysSinceLastActivity, r);
    scratch.rfmSegment = codedValue(c.rfmSegment, r);
    scratch.engagementModel = codedValue(c.engagementModel, r);
    return scratch;
  };
  return computeValueSegmentsOver(rows.length, customerAt, funnel, portfolioCut);
}

function numberAt(column: Float64Array, r: number): number | null {
  const v = column[r] as number;
  return Number.isNaN(v) ? null : v;
}
