import { configureChartFonts } from './chart-fonts.js';

type Sharp = typeof import('sharp');

let sharpModule: Promise<Sharp> | undefined;

/**
 * sharp is imported only here, after FONTCONFIG_FILE points at the package fonts: fontconfig
 * reads it once, the first time sharp draws text, and would otherwise scan system fonts.
 * The render pool also calls this on the main thread before starting workers, as sharp
 * requires on Linux so its shared libraries outlive every worker. A module of its own, so that
 * the main thread loads sharp without vega and vega-lite (render-png.ts), which only chart
 * workers run (≈ 30 MB of resident memory on the main thread).
 */
export function loadSharp(): Promise<Sharp> {
  if (sharpModule === undefined) {
    configureChartFonts();
    sharpModule = import('sharp').then((module) => {
      // libvips' operation cache (50 MB by default, shared by every thread) only pays off for repeated operations on
      // the same input; every SVG here is new, and repeated specs hit our own PNG cache first.
      module.default.cache(false);
      return module.default;
    });
  }
  return sharpModule;
}
