import { copyFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadScanInputs } from '../../src/alerts/scan-inputs.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { openWarehouse } from '../../src/data/open-warehouse.js';
import { WAREHOUSE_TABLES } from '../../src/data/warehouse-schema.js';

type ScanCustomer = ReturnType<typeof loadScanInputs>['customers'][number];

export interface ChangedWarehouse {
  readonly path: string;
  /** Customers made red (velocity Stagnant on every activity row), highest priority first. */
  readonly newlyRed: readonly string[];
  /** Red customers made healthy (velocity Stable, risk Very Low). */
  readonly recovered: readonly string[];
}

/** The demo's customers by priority rank, read once per demo file (several tests make several changed copies). */
const rankings = new Map<string, readonly ScanCustomer[]>();

function demoRanking(demo: string): readonly ScanCustomer[] {
  const known = rankings.get(demo);
  if (known !== undefined) return known;
  const warehouse = openWarehouse(demo);
  let inputs: ReturnType<typeof loadScanInputs>;
  try {
    inputs = loadScanInputs(warehouse);
  } finally {
    warehouse.close();
  }
  const ranked = [...inputs.customers].sort(
    (a, b) => (a.figures.priorityRank ?? Number.MAX_SAFE_INTEGER) - (b.figures.priorityRank ?? Number.MAX_SAFE_INTEGER),
  );
  rankings.set(demo, ranked);
  return ranked;
}

/**
 * A copy of the demo warehouse where `makeRed` non-red customers (the highest-priority ones) turn red and `recover`
 * red customers recover: "the data changed" between two scans, with the same customers (so not a new warehouse).
 */
export function changedDemoWarehouse(path: string, makeRed: number, recover: number): ChangedWarehouse {
  const demo = ensureDemoWarehouse('full');
  copyFileSync(demo, path);
  const ranked = demoRanking(demo);
  const newlyRed = ranked
    .filter((c) => c.zone === 'yellow' || c.zone === 'green')
    .slice(0, makeRed)
    .map((c) => c.key);
  const recovered = ranked
    .filter((c) => c.zone === 'red' && c.rule === 'score-below-red')
    .slice(0, recover)
    .map((c) => c.key);
  const table = WAREHOUSE_TABLES.activity.name;
  const db = new Database(path);
  try {
    const stagnant = db.prepare(
      `UPDATE ${table} SET engagement_velocity = 'Stagnant' WHERE lower(trim(primary_email)) = ?`,
    );
    // Engagement is left alone: it is min-max rescaled over everyone, so changing it would move other customers.
    const healthy = db.prepare(
      `UPDATE ${table} SET engagement_velocity = 'Stable', activity_risk_level = 'Very Low'
       WHERE lower(trim(primary_email)) = ?`,
    );
    db.transaction(() => {
      for (const key of newlyRed) stagnant.run(key);
      for (const key of recovered) healthy.run(key);
    })();
  } finally {
    db.close();
  }
  return { path, newlyRed, recovered };
}
