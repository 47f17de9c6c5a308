import type { RadarConfig } from '../config.js';
import { formatDataDate } from '../data/clean-values.js';
import { openWarehouse } from '../data/open-warehouse.js';
import { buildSnapshotCacheInParallel } from '../data/snapshot-cache/build-snapshot-cache.js';
import { snapshotCacheRoot } from '../data/snapshot-cache/snapshot-cache-location.js';
import { openConfiguredSource } from './cli-context.js';

/**
 * `radar prepare`: builds the snapshot cache of the export now, for an admin who runs it right after the nightly
 * export lands (radar serve also builds it in the background, on one thread so commands keep a core). Uses every core.
 * For a database source it first brings the local replica up to date. Returns the lines to print.
 */
export async function prepareSnapshotCache(config: RadarConfig): Promise<string> {
  const source = await openConfiguredSource(config);
  const path = source.label;
  const warehouse = openWarehouse(source.path);
  try {
    const started = performance.now();
    const { cache, built } = await buildSnapshotCacheInParallel(warehouse, snapshotCacheRoot(config.RADAR_CACHE_DIR));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      ...(source.copied === undefined
        ? []
        : [
            source.copied
              ? `Copied the tables Radar reads from ${path} into a private local replica.`
              : `The local replica of ${path} is up to date (its fingerprint has not changed).`,
          ]),
      built
        ? `Built the snapshot cache of ${path} in ${seconds} s.`
        : `The snapshot cache of ${path} is already up to date (built ${cache.manifest.builtAt}).`,
      `Folder: ${cache.directory}`,
    ];
    for (const [tableId, table] of Object.entries(cache.manifest.tables)) {
      const latest = table.ranks[1].rows.toLocaleString('en-US');
      const rows = table.snapshot
        ? `latest row of ${latest} customers, second-latest of ${(table.ranks[2]?.rows ?? 0).toLocaleString('en-US')}`
        : `${latest} rows`;
      const dataDate = formatDataDate(table.keyStats.dataDateMs);
      lines.push(`  ${tableId} (${table.name}): ${rows}${dataDate ? `, data date ${dataDate}` : ''}`);
    }
    return lines.join('\n');
  } finally {
    warehouse.close();
  }
}
