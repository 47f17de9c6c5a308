import { type CodedColumn, codedValue } from '../columns/coded-column.js';
import {
  computeValueSegmentsOver,
  type FunnelFigures,
  type SegmentFunnel,
  type ValueSegmentsResult,
} from './compute-value-segments.js';
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

/** The funnel figures as columns, joined to the value rows once: FunnelInput without a Map entry per email. */
export type FunnelColumnsInput =
  | {
      readonly available: true;
      /** Per funnel row (NaN = NULL). */
      readonly consistency: Float64Array;
      readonly velocity: Float64Array;
      /** Per value row, its funnel row (same email), -1 when none. */
      readonly rowOf: Int32Array;
      /** Distinct emails among the funnel rows. */
      readonly customers: number;
    }
  | { readonly available: false; readonly reason: string };

/**
 * computeValueSegments over columns: one scratch customer refilled per row and handed to the same per-customer code,
 * so every figure is the row path's (same values, same order) without a million customer objects kept between
 * answers. Rows without an email are not customers (the row path never builds them). Pure: columns in, result out.
 */
export function computeValueSegmentsColumns(
  columns: ValueSegmentColumns,
  funnel: FunnelColumnsInput,
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
  return computeValueSegmentsOver(rows.length, customerAt, segmentFunnel(funnel, rows), portfolioCut);
}

function segmentFunnel(funnel: FunnelColumnsInput, rows: readonly number[]): SegmentFunnel {
  if (!funnel.available) return funnel;
  const { consistency, velocity, rowOf } = funnel;
  const figures: { consistency: number | null; velocity: number | null } = { consistency: null, velocity: null };
  const at = (_customer: ValueCustomer, i: number): FunnelFigures | undefined => {
    const f = rowOf[rows[i] as number] as number;
    if (f < 0) return undefined;
    figures.consistency = numberAt(consistency, f);
    figures.velocity = numberAt(velocity, f);
    return figures;
  };
  return { available: true, customers: funnel.customers, at };
}

function numberAt(column: Float64Array, r: number): number | null {
  const v = column[r] as number;
  return Number.isNaN(v) ? null : v;
}
