import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import { SMALL_GROUP } from './chart-parts.js';
import { separatingFeatures } from './feature-distributions.js';
import { everyGridCellSmall } from './imbalance-volatility-heatmap.js';
import { scoreTracksRevenue } from './value-mismatch-scatter.js';

/**
 * One short line per chart the builders leave out because it would show nothing (issue 15: "dropped, with the
 * reason in the answer"). Charts left out for want of data are not listed: the answer already says the data is missing.
 */
export function segmentAnomalyChartsNotDrawn(result: SegmentAnomaliesResult, locale: Locale = 'en'): string[] {
  const t = translator(locale);
  const f = numberFormat(locale);
  const lines: string[] = [];
  // Features missing altogether is a data gap the features section already explains, not boxes that overlap.
  const comparable = result.featureContrasts.some((c) => c.anomalous.box && c.normal.box);
  if (comparable && separatingFeatures(result).length === 0) {
    lines.push(t('segment.details.notDrawn.features'));
  }
  if (everyGridCellSmall(result)) {
    lines.push(t('segment.details.notDrawn.grid', { small: f.count(SMALL_GROUP) }));
  }
  const r = scoreTracksRevenue(result);
  if (r !== null) lines.push(t('segment.details.notDrawn.scatter', { r: f.fixed(r, 2) }));
  return lines;
}
