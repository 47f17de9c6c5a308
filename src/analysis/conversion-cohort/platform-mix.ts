import { type Correlation, pearson, pearsonOfPairs } from '../stats/pearson.js';
import type { CohortActivityRow } from './cohort-inputs.js';

/** The eight (marketo, stripe, zendesk) combinations, most platforms first. */
export const PLATFORM_LABELS = ['111', '110', '101', '011', '100', '010', '001', '000'] as const;

export interface HealthGroup {
  readonly n: number;
  /** Mean health of the group's customers that have a health score; null when none. */
  readonly meanHealth: number | null;
  /** Customers in the group with a health score. */
  readonly healthN: number;
}

export interface PlatformCombination {
  /** Zero-padded flags in the order marketo, stripe, zendesk: '011' = Stripe and Zendesk. */
  readonly label: string;
  readonly platforms: string;
  readonly cohort: HealthGroup;
  readonly all: HealthGroup;
}

export interface PlatformCount {
  readonly count: number;
  readonly cohort: HealthGroup;
  readonly all: HealthGroup;
}

export interface PlatformMix {
  readonly combinations: readonly PlatformCombination[];
  readonly byCount: readonly PlatformCount[];
  /** Pearson r of platform count (0–3) against health. */
  readonly correlation: { readonly cohort: Correlation; readonly all: Correlation };
  /** Customers left out because a flag was NULL or not a clean 0/1. */
  readonly notClean: { readonly cohort: number; readonly all: number };
}

/**
 * The label is built as a string from each flag, never as the number 100·M + 10·S + Z,
 * which drops leading zeros ('011' would print as '11'). Null when any flag is not clean.
 */
export function platformLabel(row: Pick<CohortActivityRow, 'inMarketo' | 'inStripe' | 'inZendesk'>): string | null {
  if (row.inMarketo === null || row.inStripe === null || row.inZendesk === null) return null;
  return `${row.inMarketo}${row.inStripe}${row.inZendesk}`;
}

export function describePlatforms(label: string): string {
  const names = ['Marketo', 'Stripe', 'Zendesk'].filter((_, i) => label[i] === '1');
  return names.length > 0 ? names.join(' + ') : 'none';
}

/** Running n, health count and health sum of one group. */
export interface Accumulator {
  n: number;
  healthN: number;
  sum: number;
}

/** Per flag combination and per platform count, over one set of customers: what platformMix compares. */
export interface PlatformTally {
  readonly byLabel: ReadonlyMap<string, Accumulator>;
  readonly byCount: readonly HealthGroup[];
  readonly correlation: Correlation;
  readonly notClean: number;
}

export function tallyPlatforms(rows: readonly CohortActivityRow[]): PlatformTally {
  const byLabel = emptyByLabel();
  const counts: (number | null)[] = new Array(rows.length);
  const health: (number | null)[] = new Array(rows.length);
  let notClean = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as CohortActivityRow;
    health[i] = row.health;
    const label = platformLabel(row);
    if (label === null) {
      notClean++;
      counts[i] = null;
      continue;
    }
    counts[i] = (row.inMarketo as number) + (row.inStripe as number) + (row.inZendesk as number);
    const acc = byLabel.get(label) as Accumulator;
    acc.n++;
    if (row.health !== null) {
      acc.healthN++;
      acc.sum += row.health;
    }
  }
  return { byLabel, byCount: byCountOf(byLabel), correlation: pearson(counts, health), notClean };
}

/**
 * tallyPlatforms over columns (flags and health as Float64Array, NaN = NULL), over every row or over `rows` (in
 * their order): the same sums in the same row order, so the same figures, without a row object per customer. A flag
 * other than 0/1 counts as not clean.
 */
export function tallyPlatformColumns(
  inMarketo: Float64Array,
  inStripe: Float64Array,
  inZendesk: Float64Array,
  health: Float64Array,
  rows?: ArrayLike<number>,
): PlatformTally {
  const byLabel = emptyByLabel();
  // Index m·4 + s·2 + z → its accumulator, so a row costs no string.
  const slots = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => byLabel.get(`${i >> 2}${(i >> 1) & 1}${i & 1}`) as Accumulator);
  const count = rows ? rows.length : health.length;
  const px = new Float64Array(count);
  const py = new Float64Array(count);
  let pairs = 0;
  let notClean = 0;
  for (let k = 0; k < count; k++) {
    const r = rows ? (rows[k] as number) : k;
    const m = inMarketo[r] as number;
    const s = inStripe[r] as number;
    const z = inZendesk[r] as number;
    if (!isFlag(m) || !isFlag(s) || !isFlag(z)) {
      notClean++;
      continue;
    }
    const acc = slots[m * 4 + s * 2 + z] as Accumulator;
    acc.n++;
    const h = health[r] as number;
    if (Number.isNaN(h)) continue;
    acc.healthN++;
    acc.sum += h;
    px[pairs] = m + s + z;
    py[pairs] = h;
    pairs++;
  }
  return { byLabel, byCount: byCountOf(byLabel), correlation: pearsonOfPairs(px, py, pairs), notClean };
}

function isFlag(v: number): boolean {
  return v === 0 || v === 1;
}

function emptyByLabel(): Map<string, Accumulator> {
  return new Map<string, Accumulator>(PLATFORM_LABELS.map((l) => [l, { n: 0, healthN: 0, sum: 0 }]));
}

function byCountOf(byLabel: ReadonlyMap<string, Accumulator>): HealthGroup[] {
  return [0, 1, 2, 3].map((count) => {
    const acc: Accumulator = { n: 0, healthN: 0, sum: 0 };
    for (const [label, a] of byLabel) {
      if (countOnes(label) !== count) continue;
      acc.n += a.n;
      acc.healthN += a.healthN;
      acc.sum += a.sum;
    }
    return toGroup(acc);
  });
}

function countOnes(label: string): number {
  let ones = 0;
  for (const ch of label) if (ch === '1') ones++;
  return ones;
}

function toGroup(acc: Accumulator): HealthGroup {
  return { n: acc.n, healthN: acc.healthN, meanHealth: acc.healthN > 0 ? acc.sum / acc.healthN : null };
}

/** n and mean health per flag combination and per platform count, cohort vs all latest activity rows. */
export function platformMix(cohort: readonly CohortActivityRow[], all: readonly CohortActivityRow[]): PlatformMix {
  return platformMixOf(tallyPlatforms(cohort), tallyPlatforms(all));
}

/** The mix from the two tallies, however they were counted (rows or columns). */
export function platformMixOf(c: PlatformTally, a: PlatformTally): PlatformMix {
  return {
    combinations: PLATFORM_LABELS.map((label) => ({
      label,
      platforms: describePlatforms(label),
      cohort: toGroup(c.byLabel.get(label) as Accumulator),
      all: toGroup(a.byLabel.get(label) as Accumulator),
    })),
    byCount: [0, 1, 2, 3].map((count) => ({
      count,
      cohort: c.byCount[count] as HealthGroup,
      all: a.byCount[count] as HealthGroup,
    })),
    correlation: { cohort: c.correlation, all: a.correlation },
    notClean: { cohort: c.notClean, all: a.notClean },
  };
}
