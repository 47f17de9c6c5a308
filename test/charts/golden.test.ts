import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/charts/render-png.js';
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

const goldens: readonly { name: string; spec: () => TopLevelSpec }[] = [
  { name: 'bar-cjk-label', spec: () => labelBarSpec(CJK_LABEL) },
  { name: 'line-retention', spec: lineSpec },
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
