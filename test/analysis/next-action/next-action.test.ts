import { describe, expect, it } from 'vitest';
import { nextAction } from '../../../src/analysis/next-action/next-action.js';
import { PRIORITY_ROUTES } from '../../../src/analysis/priority/priority-routes.js';

describe('analysis/next-action: one rule, the zone first', () => {
  it('tells every red customer to intervene within 48 hours, whatever the route or signal', () => {
    for (const route of [...PRIORITY_ROUTES, null]) {
      expect(nextAction({ zone: 'red', route, underperforming: true, retentionBelowSegment: true })).toEqual({
        kind: 'intervene-48h',
        text: 'Intervene within 48 hours',
        urgent: true,
      });
    }
  });

  it('never offers an expansion conversation outside green', () => {
    for (const zone of ['red', 'yellow'] as const) {
      for (const route of [...PRIORITY_ROUTES, null]) {
        expect(nextAction({ zone, route }).text).not.toMatch(/expansion conversation/i);
      }
    }
  });

  it('refines by route within the zone', () => {
    expect(nextAction({ zone: 'yellow', route: 'manual-intervention' }).kind).toBe('call-fallen-priority');
    expect(nextAction({ zone: 'yellow', route: 'dedicated-acceleration' }).kind).toBe('dedicated-onboarding');
    expect(nextAction({ zone: 'yellow', route: 'automated-nurture' }).kind).toBe('guided-onboarding');
    expect(nextAction({ zone: 'green', route: 'dedicated-acceleration' }).kind).toBe('dedicated-expansion');
    expect(nextAction({ zone: 'green', route: 'automated-nurture' }).kind).toBe('automated-nurture');
    expect(nextAction({ zone: 'green', route: 'standard' }).kind).toBe('expansion');
    expect(nextAction({ zone: null, route: 'standard' }).kind).toBe('check-in');
  });

  it('re-engages an underperforming account and checks in on one retaining below its segment', () => {
    expect(nextAction({ zone: 'green', route: null, underperforming: true }).kind).toBe('re-engage');
    expect(nextAction({ zone: null, route: null, retentionBelowSegment: true })).toMatchObject({
      kind: 'retention-check',
      urgent: false,
    });
  });
});
