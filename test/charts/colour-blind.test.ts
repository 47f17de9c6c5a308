import { describe, expect, it } from 'vitest';
import { cellLabelColor } from '../../src/charts/heatmap-cells.js';
import { GROUP_COLOR_SCALE as MISMATCH_GROUP_SCALE } from '../../src/charts/investment-mismatch/chart-parts.js';
import { ROUTE_COLORS } from '../../src/charts/priority/priority-bars.js';
import { ANOMALY_COLOR_SCALE, GROUP_COLOR_SCALE } from '../../src/charts/segment-anomalies/chart-parts.js';
import { TEXT_COLORS, ZONE_COLORS } from '../../src/charts/theme.js';
import { SEGMENT_COLORS } from '../../src/charts/value-segments/segment-colors.js';
import { contrastRatio, DEUTERANOPIA, PROTANOPIA, seenDifference } from './color-vision.js';

/** CIE76 ΔE below which two flat colours are hard to tell apart at a glance (ΔE ≈ 2.3 is just noticeable). */
const MIN_DIFFERENCE = 20;

/** Colour sets whose members must stay apart: each chart's categories that carry the point. */
const MUST_DIFFER: Record<string, readonly string[]> = {
  zones: Object.values(ZONE_COLORS),
  routes: Object.values(ROUTE_COLORS),
  anomalies: ANOMALY_COLOR_SCALE.range,
  anomalousVsNormal: GROUP_COLOR_SCALE.range,
  mismatchedVsOtherTop: MISMATCH_GROUP_SCALE.range,
  valueSegments: Object.values(SEGMENT_COLORS),
};

const VISION = { typical: null, deuteranopia: DEUTERANOPIA, protanopia: PROTANOPIA } as const;

describe('chart colours under colour-vision simulation', () => {
  for (const [set, colours] of Object.entries(MUST_DIFFER)) {
    for (const [vision, matrix] of Object.entries(VISION)) {
      it(`${set} stay apart for ${vision} vision`, () => {
        for (let i = 0; i < colours.length; i++) {
          for (let j = i + 1; j < colours.length; j++) {
            const a = colours[i] as string;
            const b = colours[j] as string;
            expect(seenDifference(a, b, matrix), `${a} vs ${b}`).toBeGreaterThanOrEqual(MIN_DIFFERENCE);
          }
        }
      });
    }
  }

  it('the simulation is the published one: pure red and green collapse for deuteranopes', () => {
    // Machado et al. (2009): red #FF0000 and green #00FF00 differ hugely for typical vision and
    // far less for a deuteranope; teal vs grey (the old "above" colour) fell below the bar.
    expect(seenDifference('#FF0000', '#00FF00', null)).toBeGreaterThan(150);
    expect(seenDifference('#FF0000', '#00FF00', DEUTERANOPIA)).toBeLessThan(60);
    expect(seenDifference('#009E73', '#A6A6A6', DEUTERANOPIA)).toBeLessThan(MIN_DIFFERENCE);
  });

  it('text colours have at least 4.5:1 contrast on white (WCAG AA)', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    for (const colour of [...Object.values(TEXT_COLORS), cellLabelColor('x').value]) {
      expect(contrastRatio(colour, '#FFFFFF'), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
