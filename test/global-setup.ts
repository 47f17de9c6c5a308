import type { TestProject } from 'vitest/node';
import { ensureDemoWarehouse } from '../src/data/demo/demo-warehouse-path.js';
import { startPostgres } from './helpers/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway Postgres; tests create a database each (test/helpers/postgres-database.ts). */
    pgAdminUrl: string;
  }
}

/**
 * Builds the demo warehouses once, before the workers start, instead of racing to build them in each; starts one
 * Postgres for the whole run (the Postgres store suite and the two-instance fault test need it). If Postgres cannot
 * start the run fails here, saying why: those tests are never skipped.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  ensureDemoWarehouse('full');
  ensureDemoWarehouse('empty-activity-funnel');
  const postgres = await startPostgres();
  project.provide('pgAdminUrl', postgres.adminUrl);
  return () => postgres.stop();
}
