import { expect } from 'vitest';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { MIN_FONT_SIZE } from '../../src/charts/theme.js';
import { contrastRatio } from './color-vision.js';

/**
 * The rules every chart obeys (issue 15), checked on the spec itself so each builder's test can
 * call them: a takeaway title (not a label with "(n = …)"), no snake_case words, no font below the
 * size that stays 9 px in Slack's 360 px preview, bars from zero, heatmap colours anchored.
 */

type Json = unknown;

function walk(node: Json, visit: (key: string, value: Json, parent: Record<string, Json>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, Json>;
    for (const [key, value] of Object.entries(record)) {
      visit(key, value, record);
      walk(value, visit);
    }
  }
}

function titleLines(chart: ChartDefinition): string[] {
  const title = (chart.spec as { title?: { text?: string | string[]; subtitle?: string | string[] } }).title;
  const asArray = (v: string | string[] | undefined) => (v === undefined ? [] : typeof v === 'string' ? [v] : v);
  return [...asArray(title?.text), ...asArray(title?.subtitle)];
}

/** Font sizes set anywhere in the spec (marks, axes, legends, headers, titles). */
export function fontSizes(chart: ChartDefinition): number[] {
  const sizes: number[] = [];
  walk(chart.spec, (key, value) => {
    if (/fontSize$/i.test(key) && typeof value === 'number') sizes.push(value);
  });
  return sizes;
}

/** Axis and legend titles, the words a reader sees besides data. */
function axisTitles(chart: ChartDefinition): string[] {
  const titles: string[] = [];
  walk(chart.spec, (key, value, parent) => {
    if (key === 'title' && typeof value === 'string' && 'field' in parent) titles.push(value);
  });
  return titles;
}

const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;

/** Every bar mark's quantitative scale includes zero (an explicit domain starts at or below 0). */
export function barDomains(chart: ChartDefinition): [number, number][] {
  const domains: [number, number][] = [];
  walk(chart.spec, (key, value) => {
    if (key !== 'scale' || value === null || typeof value !== 'object') return;
    const domain = (value as { domain?: unknown }).domain;
    if (Array.isArray(domain) && domain.length === 2 && domain.every((d) => typeof d === 'number')) {
      domains.push(domain as [number, number]);
    }
  });
  return domains;
}

/** Colour scales of quantitative fields (heatmaps): anchored at zero or diverging around a stated mid. */
export function quantitativeColorScales(chart: ChartDefinition): Record<string, Json>[] {
  const scales: Record<string, Json>[] = [];
  walk(chart.spec, (key, value) => {
    if (key !== 'color' || value === null || typeof value !== 'object') return;
    const channel = value as { type?: string; scale?: Record<string, Json> };
    if (channel.type === 'quantitative') scales.push(channel.scale ?? {});
  });
  return scales;
}

export function expectChartRules(chart: ChartDefinition, options: { bars?: boolean } = {}): void {
  const [title] = titleLines(chart);
  expect(chart.title, 'a takeaway, not a label with n').not.toMatch(/\(n = /);
  expect(title?.length ?? 0).toBeGreaterThan(0);
  for (const line of [...titleLines(chart), ...axisTitles(chart)]) {
    expect(line, `no column names in "${line}"`).not.toMatch(SNAKE_CASE);
  }
  for (const size of fontSizes(chart)) expect(size).toBeGreaterThanOrEqual(MIN_FONT_SIZE);
  walk(chart.spec, (key, value, parent) => {
    if (key === 'type' && value === 'text' && typeof parent.color === 'string') {
      expect(contrastRatio(parent.color, '#FFFFFF'), `text colour ${parent.color}`).toBeGreaterThanOrEqual(4.5);
    }
  });
  if (options.bars) {
    for (const [low] of barDomains(chart)) expect(low, 'bars start at zero').toBeLessThanOrEqual(0);
  }
  for (const scale of quantitativeColorScales(chart)) {
    const anchored = scale.domainMin === 0 || (Array.isArray(scale.domain) && scale.domain[0] === 0);
    const diverging = typeof scale.domainMid === 'number';
    expect(anchored || diverging, `colour scale anchored: ${JSON.stringify(scale)}`).toBe(true);
  }
}

/** The text drawn in a rendered SVG, one entry per text element (tspans joined). */
export function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  for (const match of svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = (match[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    texts.push(
      inner
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .trim(),
    );
  }
  return texts;
}
