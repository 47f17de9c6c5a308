import { join } from 'node:path';
import { createFixtureWarehouse } from './fixture-warehouse.js';
import { loadIntoPostgres } from './load-into-postgres.js';
import { createTestDatabase } from './postgres-database.js';
import { createTempDir } from './temp-dir.js';

/**
 * A small hand-made export that lacks the funnel table and the value table's churn_probability column, with messy
 * values (case and spaces in emails, text in a numeric column), loaded into a fresh Postgres database as schema
 * `partial`: the Postgres source tests' shared fixture.
 */
export const PARTIAL_ACTIVITY = [
  { primary_email: 'ana@acme.com', activity_analysis_timestamp: '2026-11-01', customer_health_score: 40 },
  { primary_email: 'ANA@acme.com ', activity_analysis_timestamp: '2026-11-08', customer_health_score: '55' },
  { primary_email: 'bo@beta.io', activity_analysis_timestamp: '2026-11-08T10:00:00Z', customer_health_score: 'n/a' },
  { primary_email: null, activity_analysis_timestamp: '2026-11-08', customer_health_score: 70 },
];
const value = [
  { primary_email: 'ana@acme.com', analysis_timestamp: '2026-11-08', customer_tier: 'Gold', adjusted_ltv: 1200.5 },
  { primary_email: 'bo@beta.io', analysis_timestamp: '2026-11-07', customer_tier: 'Silver', adjusted_ltv: '900' },
];

export interface PartialSource {
  readonly dir: string;
  readonly cacheRoot: string;
  readonly fixturePath: string;
  readonly database: { readonly url: string; readonly drop: () => Promise<void> };
  /** RADAR_WAREHOUSE for the loaded copy. */
  readonly sourceUrl: string;
  cleanup(): Promise<void>;
}

export async function createPartialSource(prefix: string): Promise<PartialSource> {
  const dir = createTempDir(prefix);
  const fixturePath = join(dir.path, 'partial.sqlite');
  createFixtureWarehouse(
    fixturePath,
    { activity: PARTIAL_ACTIVITY, value },
    { omitTables: ['funnel'], omitColumns: { value: ['churn_probability'] } },
  );
  const database = await createTestDatabase();
  await loadIntoPostgres(fixturePath, database.url, 'partial');
  return {
    dir: dir.path,
    cacheRoot: join(dir.path, 'cache'),
    fixturePath,
    database,
    sourceUrl: `${database.url}?schema=partial`,
    async cleanup() {
      await database.drop();
      dir.cleanup();
    },
  };
}

/** The URL with one part changed (user, password, database). */
export function withDatabase(url: string, change: (u: URL) => void): string {
  const u = new URL(url);
  change(u);
  return u.toString();
}
