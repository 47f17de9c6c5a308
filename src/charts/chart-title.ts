import type { ChartDefinition, TopLevelSpec } from './chart-definition.js';
import { chartWords } from './chart-words.js';
import { measureTextWidth } from './font-metrics.js';
import { CHART_SIZE, FONT_SIZES } from './theme.js';

/**
 * Chart titles state the finding, so they run longer than a label: they wrap (by measured
 * width, never cut) to at most two lines; subtitles wrap too. The data date is stamped on
 * every chart's subtitle in one place (stampDataDate), so no builder needs to know it.
 */

/** Width a title line may take: the chart minus its padding. */
const TITLE_WIDTH = CHART_SIZE.width - 48;

/** Greedy word wrap by rendered width; a word wider than the line stays whole on its own line. */
export function wrapByWidth(text: string, fontSize: number, fontWeight: number, maxWidth = TITLE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && measureTextWidth(candidate, { fontSize, fontWeight }) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface ChartTitle {
  readonly text: string[];
  readonly subtitle: string[];
}

/** A vega-lite title block: the takeaway (wrapped) and subtitle lines (each wrapped). */
export function chartTitle(takeaway: string, subtitle: string | readonly string[] = []): ChartTitle {
  const lines = typeof subtitle === 'string' ? [subtitle] : subtitle;
  return {
    text: wrapByWidth(takeaway, FONT_SIZES.title, 700),
    subtitle: lines.filter((l) => l !== '').flatMap((l) => wrapByWidth(l, FONT_SIZES.subtitle, 400)),
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-16 02:58 UTC" → "16 Nov 2026" (as people read dates); other text is returned as given. */
export function readableDate(dataDate: string, locale = 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dataDate);
  if (!match) return dataDate;
  const [, year, month, day] = match;
  if (locale === 'en') return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${year}-${month}-${day}T00:00:00Z`),
  );
}

/** Adds "data as of <date>" to the subtitle of a chart, so every chart names its data date. */
export function stampDataDate(chart: ChartDefinition, dataDate: string | null, locale = 'en'): ChartDefinition {
  if (dataDate === null) return chart;
  const spec = chart.spec as unknown as { title?: { text: unknown; subtitle?: string | string[] } };
  if (spec.title === undefined || typeof spec.title !== 'object') return chart;
  const stamp = `${chartWords(locale).dataAsOf} ${readableDate(dataDate, locale)}`;
  const previous = spec.title.subtitle;
  const lines = previous === undefined ? [] : typeof previous === 'string' ? [previous] : [...previous];
  const last = lines.pop();
  const joined = last === undefined ? stamp : `${last}; ${stamp}`;
  const fitted = last !== undefined && wrapByWidth(joined, FONT_SIZES.subtitle, 400).length === 1;
  const subtitle = fitted ? [...lines, joined] : [...lines, ...(last === undefined ? [] : [last]), stamp];
  const title = { ...spec.title, subtitle };
  return { ...chart, spec: { ...(chart.spec as object), title } as unknown as TopLevelSpec };
}
