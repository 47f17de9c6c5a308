/** Every sentence /investment-mismatch shows a CSM, in one place (a later step moves them into a message catalogue). */
export const INVESTMENT_MESSAGES = {
  summary:
    'Top-priority accounts that underperform on sales, product adoption and support, named, with where they cluster',
  help: [
    'Answers "which accounts do we invest most in that give least back?": the top 30% by investment priority score (from the export) whose composite performance (sales, product adoption, support resolution) is in the bottom half, named with lifetime value (LTV) and the next action (red zone first: intervene within 48 hours).',
    'Narrow it with `industry=` or `size=`; `list` gives every such account as a CSV.',
  ],
  takeaway: (mismatched: string, top: string, stageShare: string, stage: string) =>
    `${mismatched} of your ${top} top-priority accounts are underperforming — ${stageShare} of them are in the ${stage} stage.`,
  takeawayPlain: (mismatched: string, top: string) =>
    `${mismatched} of your ${top} top-priority accounts are underperforming on sales, product adoption and support.`,
  accountsTitle: 'Act on these first (largest lifetime value at risk)',
  why: (stage: string, ltv: string, performance: string) =>
    `${stage}, LTV ${ltv}, composite performance ${performance} (bottom half)`,
  noneQualify: 'None qualify: no top-priority account performs in the bottom half.',
  stagesTitle: 'Underperforming accounts by lifecycle stage',
  whyNote: (correlation: string) =>
    `Why it happens: the investment priority score barely moves with performance (correlation ${correlation}), so priority follows something other than today's results.`,
  tracksNote: (correlation: string) =>
    `The investment priority score moves with performance (correlation ${correlation}); the mismatch is the exception.`,
  population: 'customers with sales, adoption, support and priority',
  top: (share: string) => `top ${share} by investment priority score`,
  unknownStage: 'no stage',
} as const;
