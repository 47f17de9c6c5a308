import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { NumberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import type { Translate } from '../../i18n/translate.js';

/** What every part of the method section words and formats with: the reader's catalogue and number formatter. */
export interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly locale: Locale;
}

/** Rows shown in a distribution or cell table; the rest is in --json and the charts. */
export const TABLE_ROWS = 10;

export function distributionRows(d: Distribution, fmt: NumberFormat): string[][] {
  return d.levels.slice(0, TABLE_ROWS).map((l) => [l.label, fmt.count(l.n), fmt.percent(l.share)]);
}
