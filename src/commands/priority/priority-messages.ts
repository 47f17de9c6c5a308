import type { PriorityRoute } from '../../analysis/priority/priority-routes.js';

/** Every sentence /priority shows a CSM, in one place (a later step moves them into a message catalogue). */
export const PRIORITY_MESSAGES = {
  summary: 'Who to call first: customers ranked by value, health and churn risk, each with the next action',
  help: [
    'Answers "whom should I call first?": every customer ranked by priority (−0.2 to 0.8, higher = call sooner), which rises with value (RFM score) and health score and falls with churn risk. Each named customer gets the next action: red zone first (intervene within 48 hours), then the route.',
    '`route=manual` lists the customers whose priority dropped since the previous snapshot; `list` gives every matching customer as a CSV.',
  ],
  takeawayFirst: (who: string, priority: string, action: string) => `Call ${who} first — ${priority}: ${action}.`,
  takeawayFell: (count: string, threshold: string) =>
    `${count} saw their priority drop by more than ${threshold} (add route=manual to list them).`,
  takeawayRoute: (count: string, route: string, who: string) => `${count} on the ${route} route; start with ${who}.`,
  accountsTitle: 'Act on these first (highest priority first)',
  routesTitle: 'Routes',
  noneRanked:
    'No customer can be ranked: no latest value row has recency, frequency, monetary, health score and churn risk all present.',
  noneMatch: (filter: string, present: string) => `No customer matches ${filter} (values present: ${present}).`,
  population: 'ranked customers',
  title: 'Priority — who to call first',
} as const;

/** Route names as the glossary spells them. */
export const ROUTE_NAMES: Readonly<Record<PriorityRoute, string>> = {
  'manual-intervention': 'manual intervention (priority dropped)',
  'dedicated-acceleration': 'dedicated acceleration',
  'automated-nurture': 'automated nurture',
  standard: 'standard engagement',
};
