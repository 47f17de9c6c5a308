/** Every sentence /customer shows a CSM, in one place (a later step moves them into a message catalogue). */
export const CUSTOMER_MESSAGES = {
  summary: 'One customer on one card: zone, priority, churn risk, value, open alerts and the next action',
  help: [
    'Answers "where do we stand with this customer, and what do I do next?": one card with the zone and why, priority (−0.2 to 0.8, higher = call sooner) and rank, health score, churn risk, lifetime value (LTV), open alerts and the next action (red zone first: intervene within 48 hours).',
    'Find the customer by email, customer id, or part of the organisation or person name; several matches give a pick list.',
  ],
  takeaway: (who: string, zone: string, action: string) => `${who}: ${zone}. Next: ${action}.`,
  figuresTitle: 'Key figures',
  noZone: 'no zone',
  zoneText: (zone: string, score: string) => `${zone} zone (zone score ${score} / 100)`,
  rank: (rank: string, of: string) => `#${rank} of ${of}`,
  notRanked: 'not ranked (an input is missing)',
  fillInputs: 'Fill in the missing inputs in the value table so the customer can be ranked',
  alertsNotTracked: 'Open alerts: not tracked here (only with alert tracking running).',
  noAlerts: 'Open alerts: none.',
  alert: (state: string, since: string, assignee: string | null) =>
    `Open alert: ${state} since ${since}, ${assignee ? `assigned to <@${assignee}>` : 'unassigned'}.`,
  why: (reason: string) => `Why this zone: ${reason}`,
  pickTakeaway: (count: string, query: string) => `${count} match "${query}": pick one below.`,
  noMatchTakeaway: (query: string) => `No customer matches "${query}".`,
  closest: (list: string) => `Closest: ${list}.`,
  population: 'customer',
} as const;
