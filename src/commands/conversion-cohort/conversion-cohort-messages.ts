/** Every sentence /conversion-cohort shows a CSM, in one place (a later step moves them into a message catalogue). */
export const COHORT_MESSAGES = {
  summary:
    'Customers sold quickly but kept waiting for support while still engaged, and the red / yellow / green zones',
  help: [
    'Answers "which engaged customers did we hand off too slowly, and who is at risk now?": customers who went from marketing to sales in 10–20 days but waited more than 30 days for support while their engagement stayed above average, named with their zone and next action (red zone: intervene within 48 hours).',
    '`zones` answers "who is in the red zone, and why?" for every customer: the zone score (0–100) from engagement velocity, activity risk level and engagement, red below 50.',
  ],
  cohortTakeaway: (size: string, days: string, red: string) =>
    `${size} engaged customers were sold quickly but waited over ${days} for support — ${red} of them are in the red zone now.`,
  cohortEmpty: (joined: string) =>
    `No customer fits the slow hand-off pattern (of ${joined} with activity and funnel data).`,
  cohortUnavailable: (reason: string) => `The slow hand-off cohort cannot be formed: ${reason}.`,
  cohortAccountsTitle: 'Act on these first (red zone first, then the lowest zone score)',
  cohortWhy: (zone: string, waited: string) => `${zone}, waited ${waited} for support`,
  noneQualify: 'None qualify: no customer is in the cohort.',
  zonesTableTitle: 'Zones: the cohort against every customer',
  cohortPopulation: 'customers in the cohort',
  zonesTakeaway: (red: string, share: string, who: string) =>
    `${red} customers are in the red zone (${share} of those with a zone): intervene within 48 hours, starting with ${who}.`,
  zonesNoRed: (zoned: string) => `No customer is in the red zone (${zoned} with a zone).`,
  zonesNone: (reason: string) => `No customer could be given a zone: ${reason}.`,
  zonesAccountsTitle: 'Red zone, lowest zone score (0–100) first',
  zonesNoAccounts: 'None qualify: no customer is in the red zone.',
  zonesTableTitleAll: 'Zones: every customer',
  zonesPopulation: 'customers',
  fallbackNote: (reason: string) =>
    `Zones come from the value table (${reason}): red means the lowest 10% by churn risk and health score.`,
  noZone: 'no zone',
} as const;
