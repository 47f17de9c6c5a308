/**
 * One customer's latest row of `customer360__customer_value_analysis`, as §3, §4 and §6 read
 * it. Every number may be NULL in real exports; the analyses decide per figure what a NULL means.
 */

/** The inputs of the §4 priority score, on the latest or the previous snapshot. */
export interface PriorityInputs {
  readonly recency: number | null;
  readonly frequency: number | null;
  readonly monetary: number | null;
  readonly health: number | null;
  readonly churn: number | null;
}

export interface ValueCustomer extends PriorityInputs {
  /** Cleaned (trimmed, lower-cased) primary email: the key. */
  readonly email: string;
  readonly organization: string | null;
  readonly tier: string | null;
  /** `portfolio_contribution_pct`: a fraction (0.05 = 5%), not a percent. */
  readonly portfolioPct: number | null;
  readonly stage: string | null;
  readonly ltv: number | null;
  readonly revenue: number | null;
  readonly accountAgeDays: number | null;
  readonly daysSinceLastActivity: number | null;
  readonly rfmSegment: string | null;
  readonly engagementModel: string | null;
  /** The second-latest snapshot's inputs; null when the customer has only one snapshot. */
  readonly previous: PriorityInputs | null;
}

/** RFM composite = mean of recency, frequency and monetary (not `rfm_avg_score`); NULL if any is NULL. */
export function rfmComposite(row: PriorityInputs): number | null {
  const { recency: r, frequency: f, monetary: m } = row;
  if (r === null || f === null || m === null) return null;
  return (r + f + m) / 3;
}
