import { type ComparisonGroup, GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE } from '../theme.js';

/** Shared pieces of the §1 charts: group colours, label widths, and the industry × size heatmap. */

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Industry and level names longer than this end in an ellipsis ("Financial Services" fits). */
export const CATEGORY_LABEL_WIDTH = 22;

/** Mismatched customers take the alarm colour (vermillion), the other top customers the calm blue. */
export const GROUP_COLORS: Readonly<Record<ComparisonGroup, string>> = {
  mismatched: CATEGORY_PALETTE[3],
  'other-top': CATEGORY_PALETTE[0],
};

/** The two groups' names in the chart's language, with their colours. */
export function groupColorScale(locale: Locale = 'en') {
  const t = translator(locale);
  return {
    domain: [t('chart.mismatch.group.mismatched'), t('chart.mismatch.group.other-top')],
    range: [GROUP_COLORS.mismatched, GROUP_COLORS['other-top']],
  };
}

export const GROUP_COLOR_SCALE = {
  domain: [GROUP_LABELS.mismatched, GROUP_LABELS['other-top']],
  range: [GROUP_COLORS.mismatched, GROUP_COLORS['other-top']],
};

/** Size tiers in their natural order; tiers an export adds go after them alphabetically. */
const SIZE_ORDER = ['Startup', 'Small', 'Medium', 'Mid-Market', 'Large', 'Enterprise'];

export function orderSizeTiers(tiers: Iterable<string>): string[] {
  const unique = [...new Set(tiers)];
  const rank = (t: string) => {
    const i = SIZE_ORDER.indexOf(t);
    return i < 0 ? SIZE_ORDER.length : i;
  };
  return unique.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Groups with fewer customers than this are drawn pale and say "(few)": too small to compare. */
export const SMALL_GROUP = 20;

export function label(text: string): string {
  return truncateLabel(text, CATEGORY_LABEL_WIDTH);
}
