import type { CommandContext } from '../commands/command-definition.js';
import type { RadarConfig } from '../config.js';
import { ensureDemoWarehouse } from '../data/demo/demo-warehouse-path.js';
import { createWarehouseProvider } from '../data/warehouse-provider.js';

export interface CliSession {
  readonly context: CommandContext;
  readonly warehousePath: string;
  readonly usingDemo: boolean;
  close(): void;
}

/** The warehouse named by --warehouse / RADAR_WAREHOUSE, or the bundled demo when neither is set. */
export function openCliSession(config: RadarConfig, now: () => Date = () => new Date()): CliSession {
  const usingDemo = config.RADAR_WAREHOUSE === undefined;
  const warehousePath = config.RADAR_WAREHOUSE ?? ensureDemoWarehouse(config.RADAR_DEMO ?? 'full');
  const provider = createWarehouseProvider(
    warehousePath,
    config.RADAR_CACHE_DIR === undefined ? {} : { cacheRoot: config.RADAR_CACHE_DIR },
  );
  return {
    context: { warehouse: provider.get, now },
    warehousePath,
    usingDemo,
    close: provider.close,
  };
}
