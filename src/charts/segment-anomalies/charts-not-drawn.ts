import type { SegmentAnomaliesResult } from '../../analysis/segment-anomalies/segment-anomalies.js';
import { numberFormat } from '../../format/number-format.js';
import { SMALL_GROUP } from './chart-parts.js';
import { separatingFeatures } from './feature-distributions.js';
import { everyGridCellSmall } from './imbalance-volatility-heatmap.js';
import { scoreTracksRevenue } from './value-mismatch-scatter.js';

const f = numberFormat();

/**
 * One short line per chart the builders leave out because it would show nothing (issue 15: "dropped, with the
 * reason in the answer"). Charts left out for want of data are not listed: the answer already says the data is missing.
 */
export function segmentAnomalyChartsNotDrawn(result: SegmentAnomaliesResult): string[] {
  const lines: string[] = [];
  // Features missing altogether is a data gap the features section already explains, not boxes that overlap.
  const comparable = result.featureContrasts.some((c) => c.anomalous.box && c.normal.box);
  if (comparable && separatingFeatures(result).length === 0) {
    lines.push(
      "Feature distributions not drawn: anomalous and normal customers overlap on every feature (each group's median inside the other's middle half).",
    );
  }
  if (everyGridCellSmall(result)) {
    lines.push(
      `Imbalance × volatility grid not drawn: every cell has fewer than ${f.count(SMALL_GROUP)} customers, too few to compare.`,
    );
  }
  const r = scoreTracksRevenue(result);
  if (r !== null) lines.push(`Score vs revenue not drawn: the two move together (r = ${f.fixed(r, 2)}).`);
  return lines;
}
