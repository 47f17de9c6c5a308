import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';

/**
 * Every word the charts put on an axis, legend or subtitle that is not data, from the message catalogue
 * (`chart.word.*`) in the chart's language. Names follow the glossary of the answers (docs/glossary.md); never a
 * snake_case column name.
 */
export interface ChartWords {
  readonly priority: string;
  readonly investmentPriority: string;
  readonly valueHealth: string;
  readonly engagementHealth: string;
  readonly churnRisk: string;
  readonly ltv: string;
  readonly zoneScore: string;
  readonly adoption: string;
  readonly support: string;
  readonly sales: string;
  readonly composite: string;
  readonly roi: string;
  readonly customers: string;
  readonly customerCount: string;
  readonly shareOfGroup: string;
  readonly anomalyRate: string;
  readonly allCustomers: string;
  readonly smallCell: (min: number) => string;
  readonly sampled: (shown: string, total: string) => string;
}

const cache = new Map<Locale, ChartWords>();

/** The chart words of a locale. */
export function chartWords(locale: Locale = 'en'): ChartWords {
  let words = cache.get(locale);
  if (words === undefined) {
    const t = translator(locale);
    words = {
      priority: t('chart.word.priority'),
      investmentPriority: t('chart.word.investmentPriority'),
      valueHealth: t('chart.word.valueHealth'),
      engagementHealth: t('chart.word.engagementHealth'),
      churnRisk: t('chart.word.churnRisk'),
      ltv: t('chart.word.ltv'),
      zoneScore: t('chart.word.zoneScore'),
      adoption: t('chart.word.adoption'),
      support: t('chart.word.support'),
      sales: t('chart.word.sales'),
      composite: t('chart.word.composite'),
      roi: t('chart.word.roi'),
      customers: t('chart.word.customers'),
      customerCount: t('chart.word.customerCount'),
      shareOfGroup: t('chart.word.shareOfGroup'),
      anomalyRate: t('chart.word.anomalyRate'),
      allCustomers: t('chart.word.allCustomers'),
      smallCell: (min) => t('chart.word.smallCell', { min }),
      sampled: (shown, total) => t('chart.word.sampled', { shown, total }),
    };
    cache.set(locale, words);
  }
  return words;
}

/** The English words, for code that has no reader yet. */
export const CHART_WORDS_EN: ChartWords = chartWords('en');
