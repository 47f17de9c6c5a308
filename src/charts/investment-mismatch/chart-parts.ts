import { type ComparisonGroup, GROUP_LABELS } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { formatNumber } from '../format.js';
import { cellLabelColor, heatmapCellMark, isDarkCell } from '../heatmap-cells.js';
import { truncateLabel } from '../labels.js';
import { CATEGORY_PALETTE, withTheme } from '../theme.js';

/** Shared pieces of the §1 charts: group colours, label widths, and the industry × size heatmap. */

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Industry and level names longer than this end in an ellipsis ("Financial Services" fits). */
export const CATEGORY_LABEL_WIDTH = 22;

/** Mismatched customers take the alarm colour (vermillion), the other top customers the calm blue. */
export const GROUP_COLORS: Readonly<Record<ComparisonGroup, string>> = {
  mismatched: CATEGORY_PALETTE[3],
  'other-top': CATEGORY_PALETTE[0],
};

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

export function roiLabel(x: number | null): string {
  return x === null ? 'n/a' : `${formatNumber(x, 'significant')}×`;
}

export function label(text: string): string {
  return truncateLabel(text, CATEGORY_LABEL_WIDTH);
}

export interface HeatmapCell {
  readonly industry: string;
  readonly sizeTier: string;
  readonly value: number | null;
  readonly valueText: string;
  readonly n: number;
}

export interface HeatmapInput {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string | readonly string[];
  readonly legendTitle: string;
  readonly altText: string;
  readonly cells: readonly HeatmapCell[];
  /** Industries top to bottom. */
  readonly industries: readonly string[];
  readonly scheme: string;
  readonly legendFormat: string;
}

/** A heatmap whose every cell shows its value and n; dark cells get white text. */
export function buildHeatmap(input: HeatmapInput): ChartDefinition {
  const present = input.cells.map((c) => c.value).filter((v): v is number => v !== null);
  const low = Math.min(...present);
  const high = Math.max(...present);
  const values = input.cells.map((c) => ({
    industry: label(c.industry),
    size: c.sizeTier,
    value: c.value,
    text: `${c.valueText}\nn ${formatNumber(c.n, 'integer')}`,
    dark: isDarkCell(c.value, low, high),
  }));
  const spec = {
    $schema: SCHEMA,
    title: { text: input.title, subtitle: input.subtitle },
    data: { values },
    encoding: {
      x: {
        field: 'size',
        type: 'ordinal',
        sort: orderSizeTiers(input.cells.map((c) => c.sizeTier)),
        title: 'Company size tier',
        axis: { orient: 'top', labelAngle: 0 },
      },
      y: { field: 'industry', type: 'ordinal', sort: input.industries.map(label), title: 'Industry' },
    },
    layer: [
      {
        mark: heatmapCellMark(),
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            title: input.legendTitle,
            scale: { scheme: input.scheme },
            legend: { orient: 'right', direction: 'vertical', format: input.legendFormat, gradientLength: 260 },
          },
        },
      },
      {
        // Two lines drawn from the cell centre: shift up half a line so both sit inside the cell.
        mark: { type: 'text', lineBreak: '\n', fontSize: 12, baseline: 'middle', dy: -7 },
        encoding: {
          text: { field: 'text' },
          color: cellLabelColor('datum.dark'),
        },
      },
    ],
  };
  return { id: input.id, title: input.title, altText: input.altText, spec: withTheme(spec as unknown as TopLevelSpec) };
}
