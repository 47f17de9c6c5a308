import type { EngineKind, WarehouseEngine } from './warehouse-engine.js';

/**
 * One opener per engine, each imported on first use so a SQLite user never loads pg or DuckDB. Adding an engine is
 * one line here.
 */
export const ENGINE_OPENERS: Readonly<Record<EngineKind, (location: string) => Promise<WarehouseEngine>>> = {
  postgres: async (url) => (await import('./postgres-engine.js')).openPostgresEngine(url),
  duckdb: async (path) => (await import('./duckdb-engine.js')).openDuckdbEngine(path),
};

export function openEngine(kind: EngineKind, location: string): Promise<WarehouseEngine> {
  return ENGINE_OPENERS[kind](location);
}
