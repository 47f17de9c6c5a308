import type { CohortUnavailable } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import type { NumberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';

/**
 * Why the cohort cannot be formed, in the reader's language, from the row counts the analysis kept; the analysis's
 * own English sentence stays in --json.
 */
export function cohortUnavailableText(cohort: CohortUnavailable, t: Translate, fmt: NumberFormat): string {
  const { activityRows, funnelRows } = cohort;
  if (activityRows === 0 && funnelRows === 0) return t('cohort.unavailableWhy.bothEmpty');
  if (activityRows === 0) return t('cohort.unavailableWhy.activityEmpty');
  if (funnelRows === 0) return t('cohort.unavailableWhy.funnelEmpty');
  return t('cohort.unavailableWhy.noJoin', {
    activityRows: fmt.count(activityRows),
    funnelRows: fmt.count(funnelRows),
  });
}
