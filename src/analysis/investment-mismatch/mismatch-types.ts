/**
 * §1 /investment-mismatch: shared input, option and small result types. One input row is one
 * customer: the latest value-table row for a cleaned email, with `sales` already joined from
 * customer360__customer (directly or through the mapping) by src/data.
 */

export interface InvestmentInputRow {
  readonly email: string;
  readonly priority: number | null;
  readonly sales: number | null;
  readonly adoption: number | null;
  readonly support: number | null;
  readonly lifetimeValue: number | null;
  readonly acquisitionCost: number | null;
  readonly onboarding: number | null;
  readonly teamSize: number | null;
  readonly decisionLevel: string | null;
  readonly industry: string | null;
  readonly sizeTier: string | null;
  readonly lifecycleStage: string | null;
  /** To name the account in answers; absent from exports without primary_organization. */
  readonly organization?: string | null;
}

export interface CompositeWeights {
  readonly sales: number;
  readonly adoption: number;
  readonly support: number;
}

export interface InvestmentMismatchOptions {
  readonly weights: CompositeWeights;
  /** Share of customers counted as "top" priority: cume_dist(priority) ≥ 1 − topShare. */
  readonly topShare: number;
  /** Share counted as "bottom" composite: cume_dist(composite) ≤ bottomShare. */
  readonly bottomShare: number;
  /** Industry × size cells inside the top group need at least this many customers to be reported. */
  readonly minCellSize: number;
}

/** analyses.md §1: sales dominate, then adoption, then support. */
export const DEFAULT_WEIGHTS: CompositeWeights = { sales: 0.4, adoption: 0.35, support: 0.25 };
/** "Top 30%" investment priority. */
export const DEFAULT_TOP_SHARE = 0.3;
/** "Bottom 50%" composite performance. */
export const DEFAULT_BOTTOM_SHARE = 0.5;
/** Smaller cells give relative risks too noisy to act on. */
export const DEFAULT_MIN_CELL_SIZE = 20;

export const DEFAULT_INVESTMENT_OPTIONS: InvestmentMismatchOptions = {
  weights: DEFAULT_WEIGHTS,
  topShare: DEFAULT_TOP_SHARE,
  bottomShare: DEFAULT_BOTTOM_SHARE,
  minCellSize: DEFAULT_MIN_CELL_SIZE,
};

/** A figure that could not be computed says why instead of showing 0 or NaN. */
export type Availability<T> =
  | { readonly available: true; readonly value: T }
  | { readonly available: false; readonly reason: string };

export function available<T>(value: T): Availability<T> {
  return { available: true, value };
}

export function unavailable<T>(reason: string): Availability<T> {
  return { available: false, reason };
}

/** The two top-priority groups every comparison in §1 contrasts. */
export const COMPARISON_GROUPS = ['mismatched', 'other-top'] as const;
export type ComparisonGroup = (typeof COMPARISON_GROUPS)[number];

export const GROUP_LABELS: Readonly<Record<ComparisonGroup, string>> = {
  mismatched: 'Mismatched',
  'other-top': 'Other top-priority',
};

/** Floating-point slack for comparing k/n with a share such as 1 − 0.3, so 7/10 counts as ≥ 0.7. */
export const CUME_DIST_TOLERANCE = 1e-12;
