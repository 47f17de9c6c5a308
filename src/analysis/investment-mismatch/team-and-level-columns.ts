import { distinctLevels } from '../columns/distinct-levels.js';
import { pearsonOfPairs } from '../stats/pearson.js';
import { COMPARISON_GROUPS, type ComparisonGroup } from './mismatch-types.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';
import {
  type DecisionLevelCell,
  EXECUTIVE_LEVELS,
  sortByMismatchedRoi,
  TEAM_SIZE_BINS,
  type TeamAndLevel,
  type TeamBinCell,
  type TeamExecCell,
} from './team-and-level.js';

/** Running ROI sums in row order per cell: the row path's mean over the values it pushed, to the bit. */
class RoiSums {
  readonly #sum: Float64Array;
  readonly #n: Int32Array;

  constructor(cells: number) {
    this.#sum = new Float64Array(cells);
    this.#n = new Int32Array(cells);
  }

  add(cell: number, roi: number): void {
    this.#sum[cell] = (this.#sum[cell] as number) + roi;
    this.#n[cell] = (this.#n[cell] as number) + 1;
  }

  /** roiCell's figures: n and the mean (null without values). */
  cell(cell: number): { n: number; meanRoi: number | null } {
    const n = this.#n[cell] as number;
    return { n, meanRoi: n > 0 ? (this.#sum[cell] as number) / n : null };
  }
}

/** analyseTeamAndLevel on scored columns: top customers with an ROI, grouped by team-size bin and level codes. */
export function analyseTeamAndLevelColumns(scored: ScoredColumns): TeamAndLevel {
  const { rows, flags, roi } = scored;
  const { teamSize } = scored.input;
  const n = rows.length;
  const level = distinctLevels(scored.input.decisionLevel, rows);
  const levelCount = level.levels.length;
  const executive = level.levels.map((l) => EXECUTIVE_LEVELS.includes(l));
  const groups = COMPARISON_GROUPS.length;
  const bins = TEAM_SIZE_BINS.length;
  // Cells: level × group; bin × group; (bin × group) × executive (0 = true, 1 = false, the row path's order).
  const byLevel = new RoiSums(levelCount * groups);
  const byBin = new RoiSums(bins * groups);
  const byExec = new RoiSums(bins * groups * 2);
  const levelOrder: number[] = [];
  const levelSeen = new Uint8Array(levelCount);
  const teamXs = [new Float64Array(n), new Float64Array(n)];
  const roiYs = [new Float64Array(n), new Float64Array(n)];
  const pairs = [0, 0];
  let missingTeamSize = 0;
  let missingDecisionLevel = 0;
  for (let i = 0; i < n; i++) {
    const y = roi[i] as number;
    if (((flags[i] as number) & TOP) === 0 || Number.isNaN(y)) continue;
    const r = rows[i] as number;
    const g = isMismatched(flags, i) ? 0 : 1;
    const x = teamSize[r] as number;
    if (!Number.isNaN(x)) {
      const k = pairs[g] as number;
      (teamXs[g] as Float64Array)[k] = x;
      (roiYs[g] as Float64Array)[k] = y;
      pairs[g] = k + 1;
    }
    const l = level.of[r] as number;
    if (l < 0) missingDecisionLevel++;
    else {
      if (levelSeen[l] === 0) {
        levelSeen[l] = 1;
        levelOrder.push(l);
      }
      byLevel.add(l * groups + g, y);
    }
    if (Number.isNaN(x)) {
      missingTeamSize++;
      continue;
    }
    const bin = binOf(x);
    if (bin < 0) continue;
    byBin.add(bin * groups + g, y);
    if (l >= 0) byExec.add((bin * groups + g) * 2 + (executive[l] ? 0 : 1), y);
  }

  const teamExec: TeamExecCell[] = [];
  const teamBins: TeamBinCell[] = [];
  TEAM_SIZE_BINS.forEach((bin, b) => {
    COMPARISON_GROUPS.forEach((group, g) => {
      teamBins.push({ group, bin: bin.id, binLabel: bin.label, ...byBin.cell(b * groups + g) });
      [true, false].forEach((isExecutive, e) => {
        teamExec.push({
          group,
          bin: bin.id,
          binLabel: bin.label,
          executive: isExecutive,
          ...byExec.cell((b * groups + g) * 2 + e),
        });
      });
    });
  });
  const decisionLevels: DecisionLevelCell[] = [];
  for (const l of levelOrder) {
    COMPARISON_GROUPS.forEach((group: ComparisonGroup, g) => {
      decisionLevels.push({ group, level: level.levels[l] as string, ...byLevel.cell(l * groups + g) });
    });
  }
  sortByMismatchedRoi(decisionLevels);
  const [mx, ox] = teamXs as [Float64Array, Float64Array];
  const [my, oy] = roiYs as [Float64Array, Float64Array];
  return {
    teamExec,
    teamBins,
    decisionLevels,
    teamSizeRoi: {
      mismatched: pearsonOfPairs(mx, my, pairs[0] as number),
      'other-top': pearsonOfPairs(ox, oy, pairs[1] as number),
    },
    missingTeamSize,
    missingDecisionLevel,
  };
}

/** The first bin whose test the size passes, as TEAM_SIZE_BINS.find does; -1 for none. */
function binOf(x: number): number {
  for (let b = 0; b < TEAM_SIZE_BINS.length; b++)
    if ((TEAM_SIZE_BINS[b] as (typeof TEAM_SIZE_BINS)[number]).test(x)) return b;
  return -1;
}
