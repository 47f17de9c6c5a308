import type { CodedColumn } from '../columns/coded-column.js';
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

type Cell = { n: number; healthN: number; sum: number };

export function crossTab(rows: readonly CohortActivityRow[]): RiskVelocityTable {
  const cells = new Map<string, Map<string, Cell>>();
  for (const row of rows) addTo(cells, row.riskLevel ?? MISSING_LEVEL, row.velocity ?? MISSING_LEVEL, row.health);
  return tableOf(cells);
}

/**
 * crossTab over columns (every row, or `rows` in their order): each distinct (risk, velocity) label pair accumulates
 * in row order, as the row path does, so the sums are the same bits. Codes are first mapped to labels (NULL and a
 * literal "(missing)" meet, as in rows).
 */
export function crossTabColumns(
  risk: CodedColumn,
  velocity: CodedColumn,
  health: Float64Array,
  rows?: ArrayLike<number>,
): RiskVelocityTable {
  const riskLabels = labelIndex(risk.dictionary);
  const velocityLabels = labelIndex(velocity.dictionary);
  const width = velocityLabels.labels.length;
  const n = new Float64Array(riskLabels.labels.length * width);
  const healthN = new Float64Array(n.length);
  const sum = new Float64Array(n.length);
  const count = rows ? rows.length : health.length;
  for (let k = 0; k < count; k++) {
    const r = rows ? (rows[k] as number) : k;
    const rc = risk.indices[r] as number;
    const vc = velocity.indices[r] as number;
    const cell =
      (rc < 0 ? riskLabels.missing : (riskLabels.ofCode[rc] as number)) * width +
      (vc < 0 ? velocityLabels.missing : (velocityLabels.ofCode[vc] as number));
    n[cell] = (n[cell] as number) + 1;
    const h = health[r] as number;
    if (Number.isNaN(h)) continue;
    healthN[cell] = (healthN[cell] as number) + 1;
    sum[cell] = (sum[cell] as number) + h;
  }
  const cells = new Map<string, Map<string, Cell>>();
  for (let cell = 0; cell < n.length; cell++) {
    if (n[cell] === 0) continue;
    const riskLabel = riskLabels.labels[Math.floor(cell / width)] as string;
    let byVelocity = cells.get(riskLabel);
    if (!byVelocity) {
      byVelocity = new Map();
      cells.set(riskLabel, byVelocity);
    }
    byVelocity.set(velocityLabels.labels[cell % width] as string, {
      n: n[cell] as number,
      healthN: healthN[cell] as number,
      sum: sum[cell] as number,
    });
  }
  return tableOf(cells);
}

/** Distinct labels of a dictionary plus MISSING_LEVEL, and each code's label. */
function labelIndex(dictionary: readonly string[]): { labels: string[]; ofCode: Int32Array; missing: number } {
  const at = new Map<string, number>();
  const ofCode = new Int32Array(dictionary.length);
  const indexOf = (label: string): number => {
    let i = at.get(label);
    if (i === undefined) {
      i = at.size;
      at.set(label, i);
    }
    return i;
  };
  dictionary.forEach((label, code) => {
    ofCode[code] = indexOf(label);
  });
  const missing = indexOf(MISSING_LEVEL);
  return { labels: [...at.keys()], ofCode, missing };
}

function addTo(cells: Map<string, Map<string, Cell>>, risk: string, velocity: string, health: number | null): void {
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
  if (health !== null) {
    cell.healthN++;
    cell.sum += health;
  }
}

function tableOf(cells: ReadonlyMap<string, ReadonlyMap<string, Cell>>): RiskVelocityTable {
  const riskLevels = orderLevels(cells.keys(), RISK_ORDER);
  const velocitySet = new Set<string>();
  for (const byVelocity of cells.values()) for (const v of byVelocity.keys()) velocitySet.add(v);
  const velocities = orderLevels(velocitySet, VELOCITY_ORDER);
  const out: RiskVelocityCell[] = [];
  for (const risk of riskLevels) {
    const byVelocity = cells.get(risk) as ReadonlyMap<string, Cell>;
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
  return riskVelocityOf(crossTab(cohort), crossTab(all));
}

/** The cohort and population tables side by side, with the levels outside the known ones flagged. */
export function riskVelocityOf(cohortTable: RiskVelocityTable, allTable: RiskVelocityTable): RiskVelocity {
  return {
    cohort: cohortTable,
    all: allTable,
    unknownRiskLevels: allTable.riskLevels.filter((l) => l === MISSING_LEVEL || !isKnownRiskLevel(l)),
    unknownVelocities: allTable.velocities.filter((l) => l === MISSING_LEVEL || !isKnownVelocity(l)),
  };
}
