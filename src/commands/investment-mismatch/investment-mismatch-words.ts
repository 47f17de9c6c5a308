import type { Correlation } from '../../analysis/stats/pearson.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, translator } from '../../i18n/translate.js';

/** What every part of the method section words and formats with: the reader's catalogue and number formatter. */
export interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly locale: Locale;
}

export function wordsFor(locale: Locale): Words {
  return { t: translator(locale), fmt: numberFormat(locale), locale };
}

/** The export columns each part needs: without them a part says which column is missing, which a person can fix. */
export const BULLET_COLUMNS = {
  roi: ['customer_lifetime_value', 'acquisition_cost'],
  stage: ['customer_lifetime_value', 'acquisition_cost', 'lifecycle_stage'],
  cells: ['industry_vertical', 'company_size_tier'],
  onboarding: ['customer_onboarding_score'],
  team: ['customer_lifetime_value', 'acquisition_cost', 'team_size', 'decision_maker_level'],
} as const;

export function missingColumnReason(
  columns: readonly string[],
  missing: readonly string[],
  locale: Locale = 'en',
): string | null {
  const absent = columns.filter((c) => missing.includes(c));
  if (absent.length === 0) return null;
  return translator(locale)('mismatch.details.missingColumns', {
    columns: absent.map((c) => `\`${c}\``).join(', '),
    count: absent.length,
  });
}

export function formatCorrelation(c: Correlation, locale: Locale = 'en'): string {
  const { t, fmt } = wordsFor(locale);
  if (c.kind === 'too-few-rows') return t('mismatch.details.corrTooFew', { n: fmt.count(c.n) });
  if (c.kind === 'constant') return t('mismatch.details.corrConstant', { n: fmt.count(c.n) });
  return t('mismatch.details.corrOk', {
    r: fmt.fixed(c.r, 2),
    n: fmt.count(c.n),
    t: fmt.fixed(c.t, 2),
    p: fmt.pValue(c.p),
  });
}

/** An ROI as a ratio (6.64× / 6.64 倍), or the missing-value word. */
export const roiText = ({ t, fmt }: Words, x: number | null | undefined) =>
  x === null || x === undefined ? fmt.missing : t('common.ratio', { value: fmt.fixed(x, 2) });
