import { mean } from '../stats/descriptive.js';
import { type Correlation, pearson } from '../stats/pearson.js';
import { push } from './group-map.js';
import { COMPARISON_GROUPS, type ComparisonGroup } from './mismatch-types.js';
import type { ScoredPopulation } from './score-customers.js';

/**
 * §1 team-size bullet: mean (winsorised) ROI for mismatched vs the other top customers by
 * team_size bin × executive decision maker, and corr(team_size, ROI) per group. Also ROI by
 * each decision_maker_level and by bin alone, which the charts show.
 */

export const TEAM_SIZE_BINS = [
  { id: 'small', label: '≤ 10', test: (x: number) => x <= 10 },
  { id: 'medium', label: '11–50', test: (x: number) => x > 10 && x <= 50 },
  { id: 'large', label: '> 50', test: (x: number) => x > 50 },
] as const;

export type TeamSizeBinId = (typeof TEAM_SIZE_BINS)[number]['id'];

/** Decision makers counted as executive (labels compared after trimming, case kept). */
export const EXECUTIVE_LEVELS: readonly string[] = ['C-Level', 'VP'];

export interface RoiCell {
  readonly group: ComparisonGroup;
  /** Customers in the cell with an ROI (the mean's n). */
  readonly n: number;
  readonly meanRoi: number | null;
}

export interface TeamExecCell extends RoiCell {
  readonly bin: TeamSizeBinId;
  readonly binLabel: string;
  readonly executive: boolean;
}

export interface TeamBinCell extends RoiCell {
  readonly bin: TeamSizeBinId;
  readonly binLabel: string;
}

export interface DecisionLevelCell extends RoiCell {
  readonly level: string;
}

export interface TeamAndLevel {
  readonly teamExec: readonly TeamExecCell[];
  readonly teamBins: readonly TeamBinCell[];
  /** Sorted by the mismatched group's mean ROI, highest first. */
  readonly decisionLevels: readonly DecisionLevelCell[];
  readonly teamSizeRoi: Readonly<Record<ComparisonGroup, Correlation>>;
  /** Top customers with an ROI but no team size / no decision level. */
  readonly missingTeamSize: number;
  readonly missingDecisionLevel: number;
}

export function analyseTeamAndLevel(population: ScoredPopulation): TeamAndLevel {
  const exec = new Map<string, number[]>();
  const bins = new Map<string, number[]>();
  const levels = new Map<string, number[]>();
  const teamXs: Record<ComparisonGroup, (number | null)[]> = { mismatched: [], 'other-top': [] };
  const roiYs: Record<ComparisonGroup, (number | null)[]> = { mismatched: [], 'other-top': [] };
  let missingTeamSize = 0;
  let missingDecisionLevel = 0;
  for (const c of population.customers) {
    if (!c.top || c.roi === null) continue;
    const group: ComparisonGroup = c.mismatched ? 'mismatched' : 'other-top';
    teamXs[group].push(c.teamSize);
    roiYs[group].push(c.roi);
    if (c.decisionLevel === null) missingDecisionLevel++;
    else push(levels, `${group}|${c.decisionLevel}`, c.roi);
    if (c.teamSize === null) {
      missingTeamSize++;
      continue;
    }
    const bin = TEAM_SIZE_BINS.find((b) => b.test(c.teamSize as number));
    if (!bin) continue;
    push(bins, `${group}|${bin.id}`, c.roi);
    if (c.decisionLevel !== null) push(exec, `${group}|${bin.id}|${EXECUTIVE_LEVELS.includes(c.decisionLevel)}`, c.roi);
  }

  const teamExec: TeamExecCell[] = [];
  const teamBins: TeamBinCell[] = [];
  for (const bin of TEAM_SIZE_BINS) {
    for (const group of COMPARISON_GROUPS) {
      teamBins.push({ group, bin: bin.id, binLabel: bin.label, ...roiCell(bins.get(`${group}|${bin.id}`)) });
      for (const executive of [true, false]) {
        const values = exec.get(`${group}|${bin.id}|${executive}`);
        teamExec.push({ group, bin: bin.id, binLabel: bin.label, executive, ...roiCell(values) });
      }
    }
  }

  const levelNames = [...new Set([...levels.keys()].map((k) => k.slice(k.indexOf('|') + 1)))];
  const decisionLevels: DecisionLevelCell[] = [];
  for (const level of levelNames) {
    for (const group of COMPARISON_GROUPS)
      decisionLevels.push({ group, level, ...roiCell(levels.get(`${group}|${level}`)) });
  }
  sortByMismatchedRoi(decisionLevels);

  return {
    teamExec,
    teamBins,
    decisionLevels,
    teamSizeRoi: {
      mismatched: pearson(teamXs.mismatched, roiYs.mismatched),
      'other-top': pearson(teamXs['other-top'], roiYs['other-top']),
    },
    missingTeamSize,
    missingDecisionLevel,
  };
}

/** In place: by the mismatched group's mean ROI of the level, highest first (none last), then by name. */
export function sortByMismatchedRoi(decisionLevels: DecisionLevelCell[]): void {
  const mismatchedMean = (level: string) =>
    decisionLevels.find((d) => d.level === level && d.group === 'mismatched')?.meanRoi ?? Number.NEGATIVE_INFINITY;
  decisionLevels.sort((a, b) => mismatchedMean(b.level) - mismatchedMean(a.level) || a.level.localeCompare(b.level));
}

function roiCell(values: readonly number[] | undefined): { n: number; meanRoi: number | null } {
  return { n: values?.length ?? 0, meanRoi: mean(values ?? []) };
}
