import type { PriorityFilters } from '../../analysis/priority/priority-filter.js';
import type { PriorityOptions } from '../../analysis/priority/priority-score.js';

/** What /priority was asked: how many to list, the filters, and the scoring. */
export interface PriorityCommandOptions {
  readonly top: number;
  readonly filters: PriorityFilters;
  readonly scoring: PriorityOptions;
}
