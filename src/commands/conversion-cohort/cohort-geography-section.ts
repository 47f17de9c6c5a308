import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import type { AnswerSection } from '../command-answer.js';
import { distributionRows, type Words } from './cohort-words.js';

/** Where the cohort is, or why that cannot be told, in the reader's language. */
export function geographySection(geography: CohortGeography | null, { t, fmt }: Words): AnswerSection {
  const title = t('cohort.details.bullet.geography');
  if (geography === null) return { kind: 'unavailable', title, reason: t('cohort.details.empty') };
  if (geography.kind === 'unavailable') {
    return { kind: 'unavailable', title, reason: geographyReason(geography, { t, fmt }) };
  }
  return {
    kind: 'table',
    title: t('cohort.details.geographyTitle'),
    table: {
      columns: t('cohort.details.geographyColumns').split('|'),
      align: ['left', 'right', 'right'],
      rows: distributionRows(geography.countries, fmt),
    },
    note: t('cohort.details.geographyNote', {
      count: geography.matched,
      matched: fmt.count(geography.matched),
      customers: fmt.count(geography.customers),
      state: geography.states.levels[0]?.label ?? fmt.missing,
    }),
  };
}

/**
 * Why geography is not available, in the reader's language, from the join the analysis kept; the analysis's own
 * English sentence stays in --json.
 */
function geographyReason(
  geography: Extract<CohortGeography, { kind: 'unavailable' }>,
  { t, fmt }: Pick<Words, 't' | 'fmt'>,
): string {
  const join = geography.join;
  if (join === null) return geography.reason;
  if (join.missingTables.length > 0) {
    return t('cohort.details.geo.missingTables', { tables: join.missingTables.join(', ') });
  }
  if (join.customers === 0) return t('cohort.details.empty');
  const tried = join.attempts
    .map((a) =>
      t('cohort.details.geo.attempt', {
        column: a.column,
        withId: fmt.count(a.customersWithId),
        matched: fmt.count(a.matchedInMapping),
      }),
    )
    .join(t('cohort.details.geo.attemptSeparator'));
  if (join.resolved === 0) {
    return t('cohort.details.geo.noneResolved', {
      customers: fmt.count(join.customers),
      tried,
      mappingRows: fmt.count(join.mappingRows),
    });
  }
  if (join.matchedInAddress === 0) {
    return t('cohort.details.geo.noAddress', {
      resolved: fmt.count(join.resolved),
      customers: fmt.count(join.customers),
      tried,
      addressRows: fmt.count(join.addressRows),
      addressIds: fmt.count(join.addressIds),
    });
  }
  return geography.reason;
}
