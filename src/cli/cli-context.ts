import type { CommandContext } from '../commands/command-definition.js';
import type { RadarConfig } from '../config.js';
import { defaultDemoDirectory, ensureDemoWarehouse } from '../data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../data/warehouse-provider.js';
import type { Locale } from '../i18n/locale.js';

export interface CliSession {
  readonly context: CommandContext;
  readonly warehousePath: string;
  readonly usingDemo: boolean;
  close(): void;
}

/**
 * The warehouse named by --warehouse / RADAR_WAREHOUSE, or the bundled demo when neither is set; answers in
 * `locale` (--lang), else RADAR_LANGUAGE.
 */
export function openCliSession(
  config: RadarConfig,
  now: () => Date = () => new Date(),
  locale: Locale = config.language,
): CliSession {
  const usingDemo = config.RADAR_WAREHOUSE === undefined;
  const warehousePath =
    config.RADAR_WAREHOUSE ??
    ensureDemoWarehouse(config.RADAR_DEMO ?? 'full', defaultDemoDirectory(), demoBuildProgress());
  const provider = createWarehouseProvider(
    warehousePath,
    config.RADAR_CACHE_DIR === undefined ? {} : { cacheRoot: config.RADAR_CACHE_DIR },
  );
  return {
    context: { warehouse: provider.get, now, locale },
    warehousePath,
    usingDemo,
    close: provider.close,
  };
}

/**
 * The first start builds the demo warehouse (several seconds on a small machine): say so on stderr, with the share
 * done, instead of leaving the screen blank. Rewrites one line on a terminal; prints each step otherwise.
 */
export function demoBuildProgress(stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr) {
  let lastShown = -1;
  return (share: number): void => {
    const percent = Math.floor(share * 100);
    if (percent === lastShown) return;
    lastShown = percent;
    const line = `Building the demo warehouse (one time)… ${percent}%`;
    if (stream.isTTY) stream.write(`\r${line}${percent === 100 ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}
