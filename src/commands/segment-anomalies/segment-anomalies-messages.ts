/** Every sentence /segment-anomalies shows a CSM, in one place (a later step moves them into a message catalogue). */
export const SEGMENT_MESSAGES = {
  summary:
    'Customers whose retention is far from what their profitability segment predicts, named, and what sets them apart',
  help: [
    'Answers "whose retention does their segment get wrong?": NetSuite customers whose retention probability is more than 15 points away from their profitability segment\'s average, named, with the ones likely to leave first and the next action.',
    'Use `all` to read every segmentation snapshot instead of the latest per customer, `segment=` for one segment, `threshold=` for another distance (0–1).',
  ],
  takeaway: (below: string, points: string, worst: string) =>
    `${below} are far less likely to stay than their segment predicts (retention over ${points} points below it); ${worst} is the least predictable segment.`,
  takeawayNoneBelow: (anomalies: string, points: string) =>
    `No customer retains far below their segment; ${anomalies} retain over ${points} points above it.`,
  takeawayNone: (points: string) => `Every customer retains within ${points} points of their segment's average.`,
  accountsTitle: 'Act on these first (furthest below their segment)',
  why: (retention: string, segment: string, mean: string) => `retention ${retention} vs ${segment} average ${mean}`,
  noneQualify: 'None qualify: no customer retains far below their segment.',
  segmentsTitle: 'Retention by profitability segment',
  customers: (n: string) => `${n} customers`,
  customer: '1 customer',
  rows: (rows: string, customers: string) => `${rows} snapshot rows of ${customers} customers`,
  snapshotNote: (rows: string, customers: string) =>
    `Every snapshot row counts (${rows} rows of ${customers} customers): one customer can appear several times.`,
  unavailable: (reason: string) => `No customer to analyse: ${reason}`,
  population: 'NetSuite customers',
  populationRows: 'NetSuite snapshot rows',
} as const;
