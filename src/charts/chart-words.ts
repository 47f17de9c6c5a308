/**
 * Every word the charts put on an axis, legend or subtitle that is not data, in one place, so
 * a message catalogue can translate them later (chartWords(locale) is the seam). Names follow
 * the glossary of the answers (docs/glossary.md); never a snake_case column name.
 */
export const CHART_WORDS_EN = {
  priority: 'priority (−0.2 to 0.8)',
  investmentPriority: 'investment priority score',
  valueHealth: 'health score (value table, ~1–5)',
  engagementHealth: 'engagement health (0–100, activity table)',
  churnRisk: 'churn risk',
  ltv: 'lifetime value (LTV)',
  zoneScore: 'zone score (0–100)',
  adoption: 'product adoption',
  support: 'support resolution',
  sales: 'sales',
  composite: 'composite performance',
  roi: 'ROI (LTV ÷ acquisition cost)',
  customers: 'customers',
  customerCount: 'Customers (count)',
  shareOfGroup: 'Share of the group (%)',
  anomalyRate: 'Anomaly rate (% of customers)',
  dataAsOf: 'data as of',
  allCustomers: 'All customers',
  smallCell: (min: number) => `grey: fewer than ${min} customers, too few to compare`,
  sampled: (shown: string, total: string) => `${shown} of ${total} shown, each group sampled in proportion`,
} as const;

export type ChartWords = typeof CHART_WORDS_EN;

/** The chart words for a locale; English until the message catalogue lands. */
export function chartWords(_locale = 'en'): ChartWords {
  return CHART_WORDS_EN;
}
