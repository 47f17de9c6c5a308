import type { PriorityRoute } from '../priority/priority-routes.js';
import type { ZoneName } from '../zones/zone-rules.js';

/**
 * The one rule deciding a customer's next action, used by /customer, /priority, the alert cards and the
 * digests, so the advice never contradicts itself. The zone comes first (a red customer is intervened on
 * within 48 hours whatever the route says); the route then refines the action within what the zone allows:
 * nobody outside green is offered an expansion conversation, and a fallen priority is always a call.
 */

export type NextActionKind =
  | 'intervene-48h'
  | 'call-fallen-priority'
  | 'guided-onboarding'
  | 'dedicated-onboarding'
  | 'dedicated-expansion'
  | 'expansion'
  | 'automated-nurture'
  | 'check-in'
  | 're-engage'
  | 'retention-check';

export interface NextAction {
  readonly kind: NextActionKind;
  /** The action in a few words, as lists and cards show it ("Intervene within 48 hours"). */
  readonly text: string;
  /** Within 48 hours (red) or this week (fallen priority). */
  readonly urgent: boolean;
}

export interface NextActionInput {
  readonly zone: ZoneName | null;
  readonly route: PriorityRoute | null;
  /** A top-priority account performing in the bottom half (/investment-mismatch): re-engage rather than expand. */
  readonly underperforming?: boolean;
  /** Retention far below what the customer's segment predicts (/segment-anomalies). */
  readonly retentionBelowSegment?: boolean;
}

export const NEXT_ACTION_TEXT: Readonly<Record<NextActionKind, string>> = {
  'intervene-48h': 'Intervene within 48 hours',
  'call-fallen-priority': 'Call this week: priority fell, find out what changed',
  'guided-onboarding': 'Guided onboarding and in-product nudges',
  'dedicated-onboarding': 'Dedicated CSM: guided onboarding before any expansion',
  'dedicated-expansion': 'Dedicated CSM: plan an expansion conversation',
  expansion: 'Expansion conversation at the next check-in',
  'automated-nurture': 'Automated nurture; no personal outreach needed now',
  'check-in': 'Regular check-ins',
  're-engage': 'Re-engage: review product adoption and support with them',
  'retention-check': 'Check in this week: find out why they may not stay',
};

export function nextAction(input: NextActionInput): NextAction {
  const kind = nextActionKind(input);
  return { kind, text: NEXT_ACTION_TEXT[kind], urgent: kind === 'intervene-48h' || kind === 'call-fallen-priority' };
}

/** The next action of every zone alone (no route known), as the zones table shows it. */
export function zoneAction(zone: ZoneName): string {
  return nextAction({ zone, route: null }).text;
}

function nextActionKind({ zone, route, underperforming, retentionBelowSegment }: NextActionInput): NextActionKind {
  if (zone === 'red') return 'intervene-48h';
  if (route === 'manual-intervention') return 'call-fallen-priority';
  if (underperforming) return 're-engage';
  if (retentionBelowSegment) return 'retention-check';
  if (zone === 'yellow') return route === 'dedicated-acceleration' ? 'dedicated-onboarding' : 'guided-onboarding';
  if (route === 'dedicated-acceleration') return 'dedicated-expansion';
  if (route === 'automated-nurture') return 'automated-nurture';
  if (zone === 'green') return 'expansion';
  return 'check-in';
}
