import type { CommandContext } from '../commands/command-definition.js';
import type { RadarConfig } from '../config.js';
import { defaultDemoDirectory, ensureDemoWarehouse } from '../data/demo/demo-warehouse-path.js';
import { type OpenedSource, openSource } from '../data/engines/open-source.js';
import { snapshotCacheRoot } from '../data/snapshot-cache/snapshot-cache-location.js';
import { createWarehouseProvider, type WarehouseProviderOptions } from '../data/warehouse-provider.js';
import type { Locale } from '../i18n/locale.js';

export interface CliSession {
  readonly context: CommandContext;
  /** The SQLite file commands read: the export, or a database source's local replica (never shown to users). */
  readonly warehousePath: string;
  /** How the source is named to users: the export's path, or the database URL without password. */
  readonly sourceLabel: string;
  readonly usingDemo: boolean;
  /** For a database source: looks for new data now if the last look is a minute old (runs in the background). */
  readonly checkSource?: () => void;
  /** Resolves when no background copy of the source is running. */
  readonly settled: () => Promise<void>;
  close(): void;
}

/**
 * The warehouse named by --warehouse / RADAR_WAREHOUSE, or the bundled demo when neither is set; answers in
 * `locale` (--lang), else RADAR_LANGUAGE. A database source is checked (and copied when it changed) before this
 * resolves, then re-checked in the background at most once a minute.
 */
export async function openCliSession(
  config: RadarConfig,
  now: () => Date = () => new Date(),
  locale: Locale = config.language,
  extra: Pick<WarehouseProviderOptions, 'onRefreshError'> = {},
): Promise<CliSession> {
  const usingDemo = config.RADAR_WAREHOUSE === undefined;
  const source = await openConfiguredSource(config);
  const provider = createWarehouseProvider(source.path, {
    ...(config.RADAR_CACHE_DIR === undefined ? {} : { cacheRoot: config.RADAR_CACHE_DIR }),
    ...(source.refresh === undefined ? {} : { refresh: source.refresh }),
    ...extra,
  });
  return {
    context: { warehouse: provider.get, now, locale },
    warehousePath: source.path,
    sourceLabel: source.label,
    usingDemo,
    ...(source.refresh === undefined ? {} : { checkSource: provider.check }),
    settled: provider.settled,
    close: provider.close,
  };
}

/** RADAR_WAREHOUSE opened as a SQLite file to read (the export, or a database's fresh replica), or the demo. */
export async function openConfiguredSource(config: RadarConfig): Promise<OpenedSource> {
  if (config.RADAR_WAREHOUSE === undefined) {
    const path = ensureDemoWarehouse(config.RADAR_DEMO ?? 'full', defaultDemoDirectory(), demoBuildProgress());
    return { kind: 'sqlite', label: path, path };
  }
  return openSource(config.RADAR_WAREHOUSE, { cacheRoot: snapshotCacheRoot(config.RADAR_CACHE_DIR) });
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
