import { z } from 'zod';

/** Charts posted when the user does not say: enough to tell the story, few enough to read in a channel. */
export const DEFAULT_CHART_LIMIT = 3;

export const COMMON_OPTIONS = {
  charts: {
    schema: z.enum(['default', 'all', 'none']),
    allowed: 'default|all|none',
    description: `how many charts to attach: up to ${DEFAULT_CHART_LIMIT} (default), all, or none`,
  },
} as const;

export const COMMON_WORDS = {
  help: 'show what the command computes and its options',
  private: 'answer only to you (in Slack: ephemeral text, charts in your DM with Radar)',
  list: 'every account of the group, with raw numbers (CSV), not just the first ten',
} as const;
