/** What /value-segments was asked. */
export interface ValueSegmentsOptions {
  /** portfolio_contribution_pct cut between HV and SMB, as a fraction. */
  readonly cut: number;
}
