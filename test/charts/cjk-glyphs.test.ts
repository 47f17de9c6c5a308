import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderChartPng, renderChartSvg } from '../../src/charts/render-png.js';
import { PIXEL_RATIO } from '../../src/charts/theme.js';
import { CJK_LABEL, labelBarSpec, testSharp } from './helpers.js';

const run = promisify(execFile);

/**
 * Fontconfig reads its config once per process, so the "no CJK font" render runs in a child
 * process whose fontconfig lists only the Latin package (in a separate config folder).
 */
async function renderWithLatinFontsOnly(label: string): Promise<Buffer> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const fonts = new URL('../../src/charts/chart-fonts.ts', import.meta.url).href;
  const render = new URL('../../src/charts/render-png.ts', import.meta.url).href;
  const helpers = new URL('./helpers.ts', import.meta.url).href;
  const script = `
    const { configureChartFonts } = await import(${JSON.stringify(fonts)});
    configureChartFonts({ scripts: ['latin'] });
    const { renderChartPng } = await import(${JSON.stringify(render)});
    const { labelBarSpec } = await import(${JSON.stringify(helpers)});
    const png = await renderChartPng(labelBarSpec(process.env.LABEL));
    process.stdout.write(png.toString('base64'));
  `;
  const { stdout } = await run(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
    env: { ...process.env, LABEL: label },
    maxBuffer: 64 * 1024 * 1024,
  });
  return Buffer.from(stdout, 'base64');
}

/** Left edge of the plot in SVG units: the translate of vega's root mark group. */
function plotLeft(svg: string): number {
  const origin = /<g [^>]*transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg);
  if (origin === null) throw new Error('no root group in the SVG');
  return Number(origin[1]);
}

describe('charts/cjk', () => {
  it('draws Chinese labels with the CJK font: only the label pixels change when the font is missing', async () => {
    const withCjk = await renderChartPng(labelBarSpec(CJK_LABEL));
    const latinOnly = await renderWithLatinFontsOnly(CJK_LABEL);
    expect(withCjk.equals(latinOnly)).toBe(false);

    const sharp = await testSharp();
    const a = await sharp(withCjk).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(latinOnly).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([b.info.width, b.info.height]).toEqual([a.info.width, a.info.height]);

    // Bounding box of every pixel that differs between the two renders.
    let [minX, minY, maxX, maxY, changed] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1, 0];
    for (let y = 0; y < a.info.height; y++) {
      for (let x = 0; x < a.info.width; x++) {
        const i = (y * a.info.width + x) * 3;
        if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) {
          changed++;
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    expect(changed).toBeGreaterThan(200);
    // Layout does not depend on the installed fonts (widths come from the TTFs), so the change
    // is confined to the y-axis label: one line of 13 px text, left of the plot.
    const plotStart = plotLeft(await renderChartSvg(labelBarSpec(CJK_LABEL), { scale: 1 })) * PIXEL_RATIO;
    expect(maxY - minY).toBeLessThan(24 * PIXEL_RATIO);
    expect(maxX).toBeLessThan(plotStart);
    expect(minX).toBeGreaterThan(plotStart - 100 * PIXEL_RATIO);

    // And the CJK render has ink there: dark glyph strokes, not a blank gap.
    let ink = 0;
    for (let y = minY; y <= maxY; y++) {
      for (let x = minX; x <= maxX; x++) {
        const i = (y * a.info.width + x) * 3;
        if ((a.data[i] ?? 255) + (a.data[i + 1] ?? 255) + (a.data[i + 2] ?? 255) < 3 * 128) ink++;
      }
    }
    expect(ink).toBeGreaterThan(300);
  });

  it('measures CJK labels with the CJK font metrics, wider than Latin text of the same length', async () => {
    const svg = await renderChartSvg(labelBarSpec(CJK_LABEL), { scale: 1 });
    const latinSvg = await renderChartSvg(labelBarSpec('ABCDEF'), { scale: 1 });
    // Six CJK-width characters need more room than six Latin capitals, so the plot starts further right.
    expect(plotLeft(svg)).toBeGreaterThan(plotLeft(latinSvg));
  });
});
