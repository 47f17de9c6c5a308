import { createRandom } from './seeded-random.js';

/** R056 groups: HV = Gold/Platinum with pct > 0.05, SMB = low tiers with pct ≤ 0.05, Other = the rest. */
export type ValueGroup = 'hv' | 'smb' | 'other';

/** Distinct emails in DB-055/056's value table (R056 1.1.A.2); the default demo size. */
export const DEFAULT_CUSTOMERS = 4_734;

/**
 * Extra value-table snapshots per repeated email, as (extra rows, emails). With the single
 * 24-row email this gives 111 repeated emails and 267 extra rows: 4,734 + 267 = 5,001 rows.
 */
const EXTRA_SNAPSHOT_BUCKETS: readonly (readonly [number, number])[] = [
  [1, 40],
  [2, 40],
  [3, 20],
  [5, 6],
  [8, 2],
  [9, 2],
];
const MOST_REPEATED_EXTRAS = 23;

/** Customer-level shares of the R056 row counts (HV 103, Other 23 of 5,001). */
const HV_SHARE = 103 / 5_001;
const OTHER_SHARE = 23 / 5_001;

const GROUP_CODES: readonly ValueGroup[] = ['smb', 'hv', 'other'];

/**
 * Decisions that need exact counts over the whole population, made once up front in compact
 * typed arrays (1 byte per customer, so a million customers cost 2 MB); everything else is
 * drawn per customer while streaming.
 */
export class PopulationPlan {
  private readonly groups: Uint8Array;
  private readonly extras: Uint8Array;
  /** The HV customer whose portfolio_contribution_pct is pinned to the observed maximum, 0.5. */
  readonly largestAccount: number;
  /** The SMB customer with 24 value rows. */
  readonly mostRepeated: number;

  constructor(
    readonly customers: number,
    seed: number,
  ) {
    if (!Number.isInteger(customers) || customers < 10) {
      throw new RangeError(`customers must be an integer ≥ 10, got ${customers}`);
    }
    const rng = createRandom(seed, 'population-plan');
    const scale = customers / DEFAULT_CUSTOMERS;

    this.groups = new Uint8Array(customers);
    const hv = Math.max(1, Math.round(customers * HV_SHARE));
    const other = Math.round(customers * OTHER_SHARE);
    this.groups.fill(1, 0, hv);
    this.groups.fill(2, hv, hv + other);
    rng.shuffleInPlace(this.groups);

    this.extras = new Uint8Array(customers);
    let filled = 0;
    for (const [extra, emails] of EXTRA_SNAPSHOT_BUCKETS) {
      const n = Math.round(emails * scale);
      this.extras.fill(extra, filled, Math.min(customers, filled + n));
      filled = Math.min(customers, filled + n);
    }
    rng.shuffleInPlace(this.extras);

    this.largestAccount = this.groups.indexOf(1);
    const start = rng.int(0, customers - 1);
    let mostRepeated = -1;
    for (let k = 0; k < customers && mostRepeated < 0; k++) {
      const i = (start + k) % customers;
      if (this.groups[i] === 0 && this.extras[i] === 0) mostRepeated = i;
    }
    this.mostRepeated = mostRepeated;
    if (mostRepeated >= 0) this.extras[mostRepeated] = MOST_REPEATED_EXTRAS;
  }

  groupOf(index: number): ValueGroup {
    return GROUP_CODES[this.groups[index] ?? 0] ?? 'smb';
  }

  /** Value-table rows for this customer beyond the first. */
  extraValueSnapshots(index: number): number {
    return this.extras[index] ?? 0;
  }
}
