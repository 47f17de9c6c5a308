/**
 * Shared parts of the heatmaps: cells separated by a white border, and cell labels that
 * switch to white on dark cells so they stay readable on every colour scheme.
 */

/** Cells are rects with a 2 px white border, so neighbouring cells of similar colour stay apart (a fresh object per spec). */
export function heatmapCellMark() {
  return { type: 'rect', stroke: '#FFFFFF', strokeWidth: 2 } as const;
}

/** Where a cell counts as dark: beyond this share of the colour scale from its light end. */
export const DARK_CELL_SHARE = 0.6;

/** A cell label's colour: white where the vega expression `darkTest` holds, the theme's near-black elsewhere. */
export function cellLabelColor(darkTest: string) {
  return { condition: { test: darkTest, value: '#FFFFFF' }, value: '#1F1F1F' };
}

/** Whether a value sits in the dark part of a sequential scale running from `low` to `high`. */
export function isDarkCell(value: number | null, low: number, high: number): boolean {
  return value !== null && high > low && (value - low) / (high - low) > DARK_CELL_SHARE;
}

/** Fill of a cell whose n is below the stated minimum: drawn, labelled with its n, but not coloured as a finding. */
export const SMALL_CELL_COLOR = '#EDEDED';

/**
 * The one sequential scheme of every heatmap whose values start at zero (domainMin 0), so a
 * reader learns one colour meaning; diverging heatmaps use DIVERGING_SCHEME centred on a stated
 * reference. Both are colour-blind safe (blue and orange differ in hue and lightness).
 */
export const SEQUENTIAL_SCHEME = 'blues';
export const DIVERGING_SCHEME = 'blueorange';

/** How a heatmap colours its cells: the quantitative field, its legend title, scale and legend. */
export interface HeatmapCellColor {
  readonly field: string;
  readonly title: string;
  readonly scale: object;
  readonly legend: object;
}

/**
 * The two layers every heatmap draws: bordered cells coloured by `color` (grey where `datum.small`), and the
 * `text` label of each cell, white where `labelDarkTest` holds. `labelPlacement` moves the label (e.g. up, to
 * leave room for a second line).
 */
export function heatmapLayers(color: HeatmapCellColor, labelDarkTest: string, labelPlacement: object = {}) {
  return [
    {
      mark: heatmapCellMark(),
      encoding: {
        color: {
          condition: { test: 'datum.small', value: SMALL_CELL_COLOR },
          field: color.field,
          type: 'quantitative',
          title: color.title,
          scale: color.scale,
          legend: color.legend,
        },
      },
    },
    {
      mark: { type: 'text', lineBreak: '\n', ...labelPlacement },
      encoding: { text: { field: 'text' }, color: cellLabelColor(labelDarkTest) },
    },
  ];
}
