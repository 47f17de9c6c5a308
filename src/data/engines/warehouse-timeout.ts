/** How long one statement (Postgres) or one query or chunk fetch (DuckDB) may take; one setting for every engine. */
export const DEFAULT_WAREHOUSE_TIMEOUT_MS = 120_000;

/** RADAR_WAREHOUSE_TIMEOUT_MS as config.ts validated it (a bad value stops Radar at start, with a message). */
export function warehouseTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = Number(env.RADAR_WAREHOUSE_TIMEOUT_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_WAREHOUSE_TIMEOUT_MS;
}
