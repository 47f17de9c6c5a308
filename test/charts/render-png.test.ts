import { describe, expect, it } from 'vitest';
import { ChartRenderError } from '../../src/charts/chart-errors.js';
import { clearRenderCaches, renderChartPng, renderChartSvg } from '../../src/charts/render-png.js';
import { CHART_SIZE, PIXEL_RATIO } from '../../src/charts/theme.js';
import { CJK_LABEL, labelBarSpec, lineSpec, testSharp } from './helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('charts/render-png', () => {
  it('renders a themed chart as a PNG at twice the CSS size, with ink in several colours', async () => {
    const png = await renderChartPng(labelBarSpec('North America'));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const sharp = await testSharp();
    const metadata = await sharp(png).metadata();
    expect(metadata.width).toBe(CHART_SIZE.width * PIXEL_RATIO);
    expect(metadata.height).toBe(CHART_SIZE.height * PIXEL_RATIO);

    const stats = await sharp(png).stats();
    // Not blank: the darkest pixel is text-dark, not background-white.
    expect(Math.min(...stats.channels.slice(0, 3).map((channel) => channel.min))).toBeLessThan(60);
    // Not single-coloured: every colour channel varies, and the blue bars make red and blue differ.
    for (const channel of stats.channels.slice(0, 3)) expect(channel.stdev).toBeGreaterThan(10);
    expect(stats.isOpaque).toBe(true);
  });

  it('honours a custom scale', async () => {
    const png = await renderChartPng(lineSpec(), { scale: 1 });
    const metadata = await (await testSharp())(png).metadata();
    expect([metadata.width, metadata.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
  });

  it('writes the chart font stack into the SVG so fontconfig resolves the package fonts', async () => {
    const svg = await renderChartSvg(labelBarSpec(CJK_LABEL));
    expect(svg).toContain('font-family="Noto Sans, Noto Sans SC, Noto Sans KR, sans-serif"');
    expect(svg).toContain(CJK_LABEL);
  });

  it('refuses to load data from a URL instead of rendering an empty chart', async () => {
    const spec = { ...labelBarSpec('x'), data: { url: 'https://example.com/accounts.json' } };
    const failure = renderChartPng(spec);
    await expect(failure).rejects.toBeInstanceOf(ChartRenderError);
    await expect(failure).rejects.toMatchObject({ code: 'network-refused' });
    await expect(failure).rejects.toThrow(/example\.com/);
  });

  it('renders a repeated spec to the same bytes, and an edited spec afresh', async () => {
    const spec = labelBarSpec('Repeat');
    const first = await renderChartPng(spec);
    expect((await renderChartPng(spec)).equals(first)).toBe(true);
    expect((await renderChartPng(labelBarSpec('Repeat'))).equals(first)).toBe(true);
    expect((await renderChartPng(labelBarSpec('Another'))).equals(first)).toBe(false);
    const url = { ...labelBarSpec('x'), data: { url: 'https://example.com/again.json' } };
    await expect(renderChartPng(url)).rejects.toMatchObject({ code: 'network-refused' });
    await expect(renderChartPng(url)).rejects.toMatchObject({ code: 'network-refused' });
  });

  it('answers a repeated spec from its PNG cache with the bytes of an uncached render, as a copy the caller owns', async () => {
    const spec = lineSpec();
    clearRenderCaches();
    const fresh = await renderChartPng(spec);
    const freshAtScaleOne = await renderChartPng(spec, { scale: 1 });
    clearRenderCaches();
    await renderChartPng(spec);
    // Same spec and scale: from the cache. Same spec at another scale: a different PNG, rendered afresh.
    const cached = await renderChartPng(spec);
    const otherScale = await renderChartPng(spec, { scale: 1 });
    expect(cached.equals(fresh)).toBe(true);
    expect(otherScale.equals(freshAtScaleOne)).toBe(true);
    expect(otherScale.equals(fresh)).toBe(false);
    // A caller that changes (or transfers) its bytes does not change what the next caller gets.
    cached.fill(0);
    expect((await renderChartPng(spec)).equals(fresh)).toBe(true);
  });

  it('refuses local files and images too', async () => {
    const fileSpec = { ...labelBarSpec('x'), data: { url: 'file:///etc/passwd' } };
    await expect(renderChartPng(fileSpec)).rejects.toMatchObject({ code: 'network-refused' });
    const imageSpec = labelBarSpec('x');
    const withImage = {
      ...imageSpec,
      mark: 'image',
      encoding: {
        ...('encoding' in imageSpec ? imageSpec.encoding : {}),
        url: { value: 'http://169.254.169.254/x.png' },
      },
    } as typeof imageSpec;
    await expect(renderChartPng(withImage)).rejects.toMatchObject({ code: 'network-refused' });
  });

  it('reports a spec vega-lite cannot compile as invalid-spec', async () => {
    const broken = { data: { values: [] }, mark: 'no-such-mark' } as unknown as Parameters<typeof renderChartPng>[0];
    await expect(renderChartPng(broken)).rejects.toMatchObject({ code: 'invalid-spec' });
  });
});
