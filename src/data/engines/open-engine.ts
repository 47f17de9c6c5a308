import { UnsupportedSourceError } from '../warehouse-source-errors.js';
import type { EngineKind, WarehouseEngine } from './warehouse-engine.js';

/**
 * One opener per engine, each imported on first use so a SQLite user never loads pg or DuckDB. Adding an engine is
 * one line here.
 */
export const ENGINE_OPENERS: Readonly<Record<EngineKind, (location: string) => Promise<WarehouseEngine>>> = {
  postgres: async (url) => (await import('./postgres-engine.js')).openPostgresEngine(url),
  duckdb: async (path) => {
    throw new UnsupportedSourceError(path, 'this build of Radar does not include the DuckDB engine yet');
  },
};

export function openEngine(kind: EngineKind, location: string): Promise<WarehouseEngine> {
  return ENGINE_OPENERS[kind](location);
}
