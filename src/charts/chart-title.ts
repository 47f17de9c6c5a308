import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { ChartDefinition, TopLevelSpec } from './chart-definition.js';
import { measureTextWidth } from './font-metrics.js';
import { CHART_SIZE, FONT_SIZES } from './theme.js';

/**
 * Chart titles state the finding, so they run longer than a label: they wrap (by measured
 * width, never cut) to at most two lines; subtitles wrap too. The data date is stamped on
 * every chart's subtitle in one place (stampDataDate), so no builder needs to know it.
 */

/** Width a title line may take: the chart minus its padding. */
const TITLE_WIDTH = CHART_SIZE.width - 48;

/**
 * Greedy wrap by rendered width. Latin text breaks at spaces; Chinese (and Japanese, Korean ideographs) may break
 * between any two characters, as Chinese typesetting does, except before closing punctuation (，。）、 …), which stays
 * with the character it follows. A word wider than the line stays whole on its own line.
 */
export function wrapByWidth(text: string, fontSize: number, fontWeight: number, maxWidth = TITLE_WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { piece, spaced } of breakableUnits(text)) {
    const candidate = line === '' ? piece : `${line}${spaced ? ' ' : ''}${piece}`;
    if (line !== '' && measureTextWidth(candidate, { fontSize, fontWeight }) > maxWidth) {
      lines.push(line);
      line = piece;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Ideographs, kana and hangul: a line may break before each of them. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** Punctuation that may not start a line (kinsoku): it sticks to what precedes it. */
const NO_LINE_START = '，。、；：？！）》」』】〉”’…%％·';
const UNIT = new RegExp(`[（《「『【〈“‘]*[${CJK}][${NO_LINE_START}]*|[^\\s${CJK}]+[${NO_LINE_START}]*`, 'gu');

/** The pieces a line may break between, each marked when a space separated it from the one before. */
export function breakableUnits(text: string): { piece: string; spaced: boolean }[] {
  const units: { piece: string; spaced: boolean }[] = [];
  let end = 0;
  for (const match of text.matchAll(UNIT)) {
    units.push({ piece: match[0], spaced: units.length > 0 && match.index > end });
    end = match.index + match[0].length;
  }
  return units;
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
export function readableDate(dataDate: string, locale: Locale = 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(dataDate);
  if (!match) return dataDate;
  const [, year, month, day] = match;
  if (locale === 'en') return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${year}-${month}-${day}T00:00:00Z`),
  );
}

/** Adds "data as of <date>" to the subtitle of a chart, so every chart names its data date. */
export function stampDataDate(chart: ChartDefinition, dataDate: string | null, locale: Locale = 'en'): ChartDefinition {
  const t = translator(locale);
  if (dataDate === null) return chart;
  const spec = chart.spec as unknown as { title?: { text: unknown; subtitle?: string | string[] } };
  if (spec.title === undefined || typeof spec.title !== 'object') return chart;
  const stamp = t('chart.dataAsOf', { date: readableDate(dataDate, locale) });
  const previous = spec.title.subtitle;
  const lines = previous === undefined ? [] : typeof previous === 'string' ? [previous] : [...previous];
  const last = lines.pop();
  const joined = last === undefined ? stamp : t('chart.subtitleJoin', { subtitle: last, stamp });
  const fitted = last !== undefined && wrapByWidth(joined, FONT_SIZES.subtitle, 400).length === 1;
  const subtitle = fitted ? [...lines, joined] : [...lines, ...(last === undefined ? [] : [last]), stamp];
  const title = { ...spec.title, subtitle };
  return { ...chart, spec: { ...(chart.spec as object), title } as unknown as TopLevelSpec };
}
