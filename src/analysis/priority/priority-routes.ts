/**
 * §4 routes, first that applies: a priority that fell by more than the drop threshold since
 * the previous snapshot → manual intervention; HV with priority cume_dist ≥ 0.8 → dedicated
 * acceleration; SMB → automated nurture; everyone else → standard engagement.
 */

export const PRIORITY_ROUTES = [
  'manual-intervention',
  'dedicated-acceleration',
  'automated-nurture',
  'standard',
] as const;
export type PriorityRoute = (typeof PRIORITY_ROUTES)[number];

export const ROUTE_LABELS: Readonly<Record<PriorityRoute, string>> = {
  'manual-intervention': 'Manual intervention',
  'dedicated-acceleration': 'Dedicated acceleration',
  'automated-nurture': 'Automated nurture',
  standard: 'Standard engagement',
};

/** What a CSM does next on each route: the card's "suggested next action". */
export const ROUTE_ACTIONS: Readonly<Record<PriorityRoute, string>> = {
  'manual-intervention': 'Call the customer: their priority fell since the previous snapshot; find out what changed.',
  'dedicated-acceleration': 'Assign a dedicated CSM and plan an expansion conversation.',
  'automated-nurture': 'Keep them in the automated nurture programme; no personal outreach needed now.',
  standard: 'Standard engagement: regular check-ins.',
};
