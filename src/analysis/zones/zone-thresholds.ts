import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from './zone-rules.js';

/**
 * The zone thresholds a team may tune (issue 18): the activity score's red and green edges and the fallback's
 * cume_dist cut-offs. The score's weights and the velocity / risk tables stay fixed (analyses.md §2): they define
 * what the score means, while these only decide where on it a team wants to be told.
 */
export interface ZoneThresholds {
  readonly redBelow: number;
  readonly greenAbove: number;
  readonly fallbackRedCumeDist: number;
  readonly fallbackYellowCumeDist: number;
}

export type ThresholdKey = keyof ZoneThresholds;

/** The key=value names people type (`red_below=45`), in the order rules are listed. */
export const THRESHOLD_KEYS: Readonly<Record<string, ThresholdKey>> = {
  red_below: 'redBelow',
  green_above: 'greenAbove',
  fallback_red: 'fallbackRedCumeDist',
  fallback_yellow: 'fallbackYellowCumeDist',
};

export const THRESHOLD_NAMES: Readonly<Record<ThresholdKey, string>> = {
  redBelow: 'red_below',
  greenAbove: 'green_above',
  fallbackRedCumeDist: 'fallback_red',
  fallbackYellowCumeDist: 'fallback_yellow',
};

export const DEFAULT_ZONE_THRESHOLDS: ZoneThresholds = {
  redBelow: DEFAULT_ZONE_OPTIONS.redBelow,
  greenAbove: DEFAULT_ZONE_OPTIONS.greenAbove,
  fallbackRedCumeDist: DEFAULT_ZONE_OPTIONS.fallbackRedCumeDist,
  fallbackYellowCumeDist: DEFAULT_ZONE_OPTIONS.fallbackYellowCumeDist,
};

/** What is wrong with one proposed value, by key; the presenter words it (rule-text.ts, the `rules.problem.*` messages). */
export type ThresholdProblem =
  | { readonly key: ThresholdKey; readonly kind: 'not-a-number'; readonly raw: string }
  | { readonly key: ThresholdKey; readonly kind: 'out-of-range'; readonly min: number; readonly max: number }
  | { readonly key: ThresholdKey; readonly kind: 'order'; readonly other: ThresholdKey };

/** Score thresholds live on the 0–100 zone score; cume_dist cut-offs are shares strictly between 0 and 1. */
export const THRESHOLD_RANGES: Readonly<Record<ThresholdKey, { readonly min: number; readonly max: number }>> = {
  redBelow: { min: 0, max: 100 },
  greenAbove: { min: 0, max: 100 },
  fallbackRedCumeDist: { min: 0.01, max: 0.99 },
  fallbackYellowCumeDist: { min: 0.01, max: 0.99 },
};

/**
 * Reads proposed values over `base` (the thresholds in force): each raw text must be a plain number within its
 * range, and the edges must keep their order (red below ≤ green above; fallback red ≤ fallback yellow), else no
 * zone could be yellow or red would sit above yellow. Returns every problem, not just the first.
 */
export function readThresholds(
  base: ZoneThresholds,
  raw: Readonly<Partial<Record<ThresholdKey, string>>>,
): { readonly thresholds: ZoneThresholds; readonly problems: readonly ThresholdProblem[] } {
  const next: Record<ThresholdKey, number> = { ...base };
  const problems: ThresholdProblem[] = [];
  for (const key of Object.keys(THRESHOLD_RANGES) as ThresholdKey[]) {
    const text = raw[key];
    if (text === undefined) continue;
    const trimmed = text.trim();
    const value = /^-?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!Number.isFinite(value)) {
      problems.push({ key, kind: 'not-a-number', raw: text });
      continue;
    }
    const range = THRESHOLD_RANGES[key];
    if (value < range.min || value > range.max) {
      problems.push({ key, kind: 'out-of-range', ...range });
      continue;
    }
    next[key] = value;
  }
  const failed = new Set(problems.map((p) => p.key));
  if (!failed.has('redBelow') && !failed.has('greenAbove') && next.redBelow > next.greenAbove) {
    problems.push({ key: raw.redBelow === undefined ? 'greenAbove' : 'redBelow', kind: 'order', other: 'greenAbove' });
  }
  if (
    !failed.has('fallbackRedCumeDist') &&
    !failed.has('fallbackYellowCumeDist') &&
    next.fallbackRedCumeDist > next.fallbackYellowCumeDist
  ) {
    problems.push({
      key: raw.fallbackRedCumeDist === undefined ? 'fallbackYellowCumeDist' : 'fallbackRedCumeDist',
      kind: 'order',
      other: 'fallbackYellowCumeDist',
    });
  }
  return { thresholds: next, problems };
}

/** The zone options with these thresholds (weights and tables unchanged). */
export function zoneOptionsWith(thresholds: ZoneThresholds, base: ZoneOptions = DEFAULT_ZONE_OPTIONS): ZoneOptions {
  return { ...base, ...thresholds };
}

export function sameThresholds(a: ZoneThresholds, b: ZoneThresholds): boolean {
  return (Object.keys(THRESHOLD_RANGES) as ThresholdKey[]).every((k) => a[k] === b[k]);
}

/** The keys whose values differ, in listing order. */
export function changedKeys(before: ZoneThresholds, after: ZoneThresholds): ThresholdKey[] {
  return (Object.keys(THRESHOLD_RANGES) as ThresholdKey[]).filter((k) => before[k] !== after[k]);
}
