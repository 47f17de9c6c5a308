import { isKnownRiskLevel, isKnownVelocity } from '../zones/zone-rules.js';
import type { CohortActivityRow } from './cohort-inputs.js';

/** Row and column order of the heatmap: lowest risk and best momentum first; unknown levels follow. */
export const RISK_ORDER = ['Very Low', 'Low', 'Medium', 'High', 'Critical'];
export const VELOCITY_ORDER = ['Accelerating', 'Stable', 'Volatile', 'Declining', 'Stagnant'];

/** The label a NULL level is shown under: kept visible, never folded into a known level. */
export const MISSING_LEVEL = '(missing)';

export interface RiskVelocityCell {
  readonly risk: string;
  readonly velocity: string;
  readonly n: number;
  readonly meanHealth: number | null;
  readonly healthN: number;
}

export interface RiskVelocityTable {
  readonly cells: readonly RiskVelocityCell[];
  readonly riskLevels: readonly string[];
  readonly velocities: readonly string[];
}

export interface RiskVelocity {
  readonly cohort: RiskVelocityTable;
  readonly all: RiskVelocityTable;
  /** Levels outside the known five (and missing ones), kept as their own rows and flagged. */
  readonly unknownRiskLevels: readonly string[];
  readonly unknownVelocities: readonly string[];
}

function orderLevels(levels: Iterable<string>, known: readonly string[]): string[] {
  const rank = (l: string) => {
    const i = known.indexOf(l);
    return i >= 0 ? i : l === MISSING_LEVEL ? known.length + 1 : known.length;
  };
  return [...levels].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function crossTab(rows: readonly CohortActivityRow[]): RiskVelocityTable {
  const cells = new Map<string, Map<string, { n: number; healthN: number; sum: number }>>();
  for (const row of rows) {
    const risk = row.riskLevel ?? MISSING_LEVEL;
    const velocity = row.velocity ?? MISSING_LEVEL;
    let byVelocity = cells.get(risk);
    if (!byVelocity) {
      byVelocity = new Map();
      cells.set(risk, byVelocity);
    }
    let cell = byVelocity.get(velocity);
    if (!cell) {
      cell = { n: 0, healthN: 0, sum: 0 };
      byVelocity.set(velocity, cell);
    }
    cell.n++;
    if (row.health !== null) {
      cell.healthN++;
      cell.sum += row.health;
    }
  }
  const riskLevels = orderLevels(cells.keys(), RISK_ORDER);
  const velocitySet = new Set<string>();
  for (const byVelocity of cells.values()) for (const v of byVelocity.keys()) velocitySet.add(v);
  const velocities = orderLevels(velocitySet, VELOCITY_ORDER);
  const out: RiskVelocityCell[] = [];
  for (const risk of riskLevels) {
    const byVelocity = cells.get(risk) as Map<string, { n: number; healthN: number; sum: number }>;
    for (const velocity of velocities) {
      const cell = byVelocity.get(velocity);
      if (!cell) continue;
      out.push({
        risk,
        velocity,
        n: cell.n,
        healthN: cell.healthN,
        meanHealth: cell.healthN > 0 ? cell.sum / cell.healthN : null,
      });
    }
  }
  return { cells: out, riskLevels, velocities };
}

/** n and mean health per activity_risk_level × engagement_velocity cell, cohort and all. */
export function riskVelocity(cohort: readonly CohortActivityRow[], all: readonly CohortActivityRow[]): RiskVelocity {
  const allTable = crossTab(all);
  return {
    cohort: crossTab(cohort),
    all: allTable,
    unknownRiskLevels: allTable.riskLevels.filter((l) => l === MISSING_LEVEL || !isKnownRiskLevel(l)),
    unknownVelocities: allTable.velocities.filter((l) => l === MISSING_LEVEL || !isKnownVelocity(l)),
  };
}
