/**
 * One NetSuite customer row as §5 reads it: cleaned and typed by src/data, every input
 * nullable because real exports leave any of them empty.
 */
export interface NetsuiteCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly segment: string | null;
  readonly stage: string | null;
  readonly seasonalPreference: string | null;
  readonly retention: number | null;
  readonly totalRevenue: number | null;
  readonly score: number | null;
  readonly transactionCount: number | null;
  readonly avgTransactionsPerMonth: number | null;
  readonly ageDays: number | null;
  readonly volatility: number | null;
  readonly q1: number | null;
  readonly q2: number | null;
  readonly q3: number | null;
  readonly q4: number | null;
}

/** A missing category is shown under this label rather than dropped. */
export const NOT_RECORDED = '(not recorded)';
