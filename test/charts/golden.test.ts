import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { computeInvestmentMismatch } from '../../src/analysis/investment-mismatch/compute-investment-mismatch.js';
import { DEFAULT_INVESTMENT_OPTIONS } from '../../src/analysis/investment-mismatch/mismatch-types.js';
import { computePriority } from '../../src/analysis/priority/priority-score.js';
import { computeZones } from '../../src/analysis/zones/compute-zones.js';
import type { ChartDefinition } from '../../src/charts/chart-definition.js';
import { buildMismatchHeatmap } from '../../src/charts/investment-mismatch/mismatch-heatmap.js';
import { buildPriorityBarsChart } from '../../src/charts/priority/priority-bars.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import { buildZoneDistributionChart } from '../../src/charts/zones/zone-distribution-chart.js';
import { handWorkedRows } from '../analysis/investment-mismatch/fixture-rows.js';
import { variedCustomer } from '../analysis/value-segments/value-customer-fixture.js';
import { CJK_LABEL, labelBarSpec, lineSpec, testSharp } from './helpers.js';

/**
 * Goldens are regenerated only with UPDATE_GOLDEN=1 (look at the new files before committing).
 * Two tolerances, because a mean alone hides small changes: the mean absolute difference per
 * channel (0–255) catches shifts and recolouring (a moved title costs ≈ 8), and the number of
 * pixels off by more than 64 in some channel catches a changed glyph (one CJK character ≈ 300
 * pixels, ≈ 0.03 of mean) while tolerating anti-aliasing noise from another libvips build.
 */
const MAX_MEAN_ABSOLUTE_DIFFERENCE = 0.5;
const MAX_STRONGLY_DIFFERENT_PIXELS = 60;
const update = process.env.UPDATE_GOLDEN === '1';

interface ImageDifference {
  meanAbsolute: number;
  stronglyDifferentPixels: number;
}

async function compareImages(actual: Buffer, expected: Buffer): Promise<ImageDifference> {
  const sharp = await testSharp();
  const a = await sharp(actual).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(expected).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([a.info.width, a.info.height]).toEqual([b.info.width, b.info.height]);
  let total = 0;
  let stronglyDifferentPixels = 0;
  for (let pixel = 0; pixel < a.data.length; pixel += 3) {
    let strongest = 0;
    for (let channel = pixel; channel < pixel + 3; channel++) {
      const difference = Math.abs((a.data[channel] ?? 0) - (b.data[channel] ?? 0));
      total += difference;
      strongest = Math.max(strongest, difference);
    }
    if (strongest > 64) stronglyDifferentPixels++;
  }
  return { meanAbsolute: total / a.data.length, stronglyDifferentPixels };
}

function expectSimilar(difference: ImageDifference): void {
  expect(difference.meanAbsolute).toBeLessThan(MAX_MEAN_ABSOLUTE_DIFFERENCE);
  expect(difference.stronglyDifferentPixels).toBeLessThanOrEqual(MAX_STRONGLY_DIFFERENT_PIXELS);
}

/** Real command charts from the hand-worked fixtures: takeaway title, labels, scales and colours together. */
function priorityBars(): TopLevelSpec {
  const ranked = computePriority(
    Array.from({ length: 14 }, (_, i) => variedCustomer(i, i === 2 ? CJK_LABEL : `Organisation ${i}`)),
  ).ranked;
  return buildPriorityBarsChart(ranked.slice(0, 12), ranked.length, []).spec;
}

function mismatchHeatmap(): TopLevelSpec {
  const result = computeInvestmentMismatch(handWorkedRows(), { ...DEFAULT_INVESTMENT_OPTIONS, minCellSize: 3 });
  return (buildMismatchHeatmap(result.topGroup, 3) as ChartDefinition).spec;
}

function cohortZones(): TopLevelSpec {
  const zones = computeZones({
    method: 'activity',
    rows: ['Stagnant', 'Stable', 'Stable', 'Accelerating'].map((velocity, i) => ({
      key: `k${i}`,
      organization: null,
      velocity,
      riskLevel: 'Low',
      weightedEngagement: i,
    })),
  });
  const chart = buildZoneDistributionChart(zones, 'every customer', {
    label: 'The cohort',
    counts: { red: 1, yellow: 0, green: 1 },
  });
  return (chart as ChartDefinition).spec;
}

const goldens: readonly { name: string; spec: () => TopLevelSpec }[] = [
  { name: 'bar-cjk-label', spec: () => labelBarSpec(CJK_LABEL) },
  { name: 'line-retention', spec: lineSpec },
  { name: 'priority-top', spec: priorityBars },
  { name: 'mismatch-heatmap', spec: mismatchHeatmap },
  { name: 'zone-cohort-vs-all', spec: cohortZones },
];

describe('charts/golden', () => {
  for (const golden of goldens) {
    it(`renders ${golden.name} like test/golden/${golden.name}.png`, async () => {
      const file = fileURLToPath(new URL(`../golden/${golden.name}.png`, import.meta.url));
      const png = await renderChartPng(golden.spec());
      if (update) writeFileSync(file, png);
      expect(existsSync(file), `missing ${file}; run UPDATE_GOLDEN=1 npx vitest run test/charts`).toBe(true);
      expectSimilar(await compareImages(png, readFileSync(file)));
    });
  }

  it('fails on a one-character label change and on a recoloured mark', async () => {
    const golden = readFileSync(fileURLToPath(new URL('../golden/bar-cjk-label.png', import.meta.url)));
    const relabelled = await compareImages(await renderChartPng(labelBarSpec('华南区 客户')), golden);
    expect(relabelled.stronglyDifferentPixels).toBeGreaterThan(MAX_STRONGLY_DIFFERENT_PIXELS);
    const recoloured = await compareImages(
      await renderChartPng({ ...labelBarSpec(CJK_LABEL), config: { mark: { color: '#D55E00' } } }),
      golden,
    );
    expect(recoloured.meanAbsolute).toBeGreaterThan(MAX_MEAN_ABSOLUTE_DIFFERENCE);
  });
});
