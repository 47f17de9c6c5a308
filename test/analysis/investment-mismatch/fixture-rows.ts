import type { InvestmentInputRow } from '../../../src/analysis/investment-mismatch/mismatch-types.js';

/** A customer with neutral defaults; each test overrides what it exercises. */
export function customer(email: string, overrides: Partial<InvestmentInputRow> = {}): InvestmentInputRow {
  return {
    email,
    priority: 1,
    sales: 0,
    adoption: 0,
    support: 0,
    lifetimeValue: null,
    acquisitionCost: null,
    onboarding: null,
    teamSize: null,
    decisionLevel: null,
    industry: null,
    sizeTier: null,
    lifecycleStage: null,
    ...overrides,
  };
}

/**
 * Ten valid customers A–J plus three invalid ones, chosen so every figure can be worked by hand.
 * Sales span 0–100, adoption and support 0–1, so norm(sales) = s/100, norm(a) = a, norm(u) = u,
 * and with the default weights the composite is 0.4·s/100 + 0.35·a + 0.25·u:
 *   A 0, B 1, C 0.5, D 0.2, E 0.8, F 0.1, G 0.9, H 0.3, I 0.6, J 0.16 + 0.245 + 0 = 0.405.
 * Priorities 1,2,3,4,5,7,7,8,9,10 (F and G tie at 7). ROI = clv / 100: A has cost 0 (no ROI),
 * B–J 2,3,4,5,6,7,8,9,100.
 */
export function handWorkedRows(): InvestmentInputRow[] {
  const roi = (value: number) => ({ lifetimeValue: value * 100, acquisitionCost: 100 });
  return [
    customer('a@x.io', {
      priority: 1,
      sales: 0,
      adoption: 0,
      support: 0,
      lifetimeValue: 50,
      acquisitionCost: 0,
      industry: 'Tech',
      sizeTier: 'Small',
    }),
    customer('b@x.io', {
      priority: 2,
      sales: 100,
      adoption: 1,
      support: 1,
      ...roi(2),
      industry: 'Tech',
      sizeTier: 'Large',
      lifecycleStage: 'Growth',
    }),
    customer('c@x.io', {
      priority: 3,
      sales: 50,
      adoption: 0.5,
      support: 0.5,
      ...roi(3),
      industry: 'Retail',
      sizeTier: 'Large',
      lifecycleStage: 'Growth',
    }),
    customer('d@x.io', { priority: 4, sales: 20, adoption: 0.2, support: 0.2, ...roi(4), lifecycleStage: 'Growth' }),
    customer('e@x.io', {
      priority: 5,
      sales: 80,
      adoption: 0.8,
      support: 0.8,
      ...roi(5),
      industry: 'Retail',
      lifecycleStage: 'Growth',
    }),
    customer('f@x.io', {
      priority: 7,
      sales: 10,
      adoption: 0.1,
      support: 0.1,
      ...roi(6),
      industry: 'Tech',
      sizeTier: 'Small',
      lifecycleStage: 'Dormant',
      onboarding: 2.0,
      teamSize: 5,
      decisionLevel: 'C-Level',
    }),
    customer('g@x.io', {
      priority: 7,
      sales: 90,
      adoption: 0.9,
      support: 0.9,
      ...roi(7),
      industry: 'Retail',
      sizeTier: 'Large',
      lifecycleStage: 'Dormant',
      onboarding: 2.4,
      teamSize: 10,
      decisionLevel: 'Manager',
    }),
    customer('h@x.io', {
      priority: 8,
      sales: 30,
      adoption: 0.3,
      support: 0.3,
      ...roi(8),
      industry: 'Tech',
      sizeTier: 'Small',
      lifecycleStage: 'Dormant',
      onboarding: 3.0,
      teamSize: 11,
      decisionLevel: 'VP',
    }),
    customer('i@x.io', {
      priority: 9,
      sales: 60,
      adoption: 0.6,
      support: 0.6,
      ...roi(9),
      industry: 'Retail',
      sizeTier: 'Large',
      lifecycleStage: 'Dormant',
      onboarding: 3.6,
      teamSize: 50,
      decisionLevel: 'VP',
    }),
    customer('j@x.io', {
      priority: 10,
      sales: 40,
      adoption: 0.7,
      support: 0,
      ...roi(100),
      industry: 'Retail',
      sizeTier: 'Large',
      lifecycleStage: 'Dormant',
      onboarding: 4.0,
      teamSize: 51,
      decisionLevel: 'Director',
    }),
    // Invalid: they must not move the min-max ranges (sales 1000 would halve every norm).
    customer('k@x.io', { priority: 10, sales: null, adoption: 0.5, support: 0.5 }),
    customer('l@x.io', { priority: 10, sales: 1000, adoption: null, support: null }),
    customer('m@x.io', { priority: null, sales: 1000, adoption: 0.5, support: 0.5 }),
  ];
}
