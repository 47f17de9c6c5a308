import type { SeededRandom } from './seeded-random.js';

/**
 * All demo timestamps hang off one fixed data date, never the wall clock, so a generation is
 * reproducible byte for byte. The latest snapshot run finished early on 2026-11-16 (UTC).
 */
export const DEMO_DATA_DATE = '2026-11-16';
export const DATA_DATE_MS = Date.UTC(2026, 10, 16, 3, 0, 0);
export const DAY_MS = 86_400_000;

export type TimestampStyle = 'space' | 'iso';

/** `YYYY-MM-DD HH:MM:SS` (what dbt writes) or ISO `YYYY-MM-DDTHH:MM:SSZ` (what some exporters write). */
export function formatTimestamp(ms: number, style: TimestampStyle): string {
  const seconds = Math.floor(ms / 1000);
  const secondOfDay = seconds - Math.floor(seconds / 86_400) * 86_400;
  const time = `${pad2(Math.floor(secondOfDay / 3600))}:${pad2(Math.floor(secondOfDay / 60) % 60)}:${pad2(secondOfDay % 60)}`;
  return style === 'iso' ? `${formatDate(ms)}T${time}Z` : `${formatDate(ms)} ${time}`;
}

/**
 * `YYYY-MM-DD` in UTC, as `toISOString().slice(0, 10)` gives for years 0–9999, but by
 * arithmetic (Hinnant's civil-from-days): the generator formats tens of millions of dates at 1M customers.
 */
export function formatDate(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Values real exports hold where a timestamp should be; every one of them must parse to NULL. */
const UNPARSEABLE_TIMESTAMPS = ['N/A', '11/02/2026 10:00', 'pending', '2026-13-02 25:61:00', ''] as const;

export interface SnapshotSeriesOptions {
  readonly count: number;
  /** Days between consecutive snapshots (jittered by up to a day). */
  readonly stepDays: number;
  /** Share of rows written in ISO style rather than the space style. */
  readonly isoShare: number;
  /** Chance that the two latest snapshots carry exactly the same instant (rowid must break the tie). */
  readonly latestTieChance: number;
  /** Chance, per older row, of an unparseable or NULL timestamp. */
  readonly junkChance: number;
  /** How far before the run the latest snapshot may fall, in days (customers skipped by a run). */
  readonly maxLagDays: number;
}

/** The weekly snapshot runs of the activity and funnel marts: same cadence and the same mess in both. */
export const WEEKLY_MART_SNAPSHOTS: Omit<SnapshotSeriesOptions, 'count'> = {
  stepDays: 7,
  isoShare: 0.3,
  latestTieChance: 0.04,
  junkChance: 0.004,
  maxLagDays: 10,
};

/**
 * Snapshot timestamps for one customer in insertion (chronological) order. A tied pair is
 * written once in each style when possible, because "2026-11-02 10:00:00" and
 * "2026-11-02T10:00:00Z" are the same instant and only parsing, not text order, sees that.
 */
export function snapshotSeries(rng: SeededRandom, options: SnapshotSeriesOptions): (string | null)[] {
  const lagDays = rng.chance(0.15) ? rng.int(1, options.maxLagDays) : 0;
  const latest = DATA_DATE_MS - lagDays * DAY_MS - rng.int(0, 2 * 3600) * 1000;
  const instants: number[] = [];
  for (let k = options.count - 1; k >= 0; k--) {
    const jitter = k === 0 ? 0 : rng.int(-6 * 3600, 6 * 3600) * 1000;
    instants.push(latest - k * options.stepDays * DAY_MS + jitter);
  }
  const styles: TimestampStyle[] = instants.map(() => (rng.chance(options.isoShare) ? 'iso' : 'space'));
  const last = instants.length - 1;
  if (last >= 1 && rng.chance(options.latestTieChance)) {
    instants[last - 1] = instants[last] ?? latest;
    if (rng.chance(0.5)) {
      styles[last - 1] = 'iso';
      styles[last] = 'space';
    }
  }
  return instants.map((ms, i) => {
    if (i < last && rng.chance(options.junkChance)) {
      return rng.chance(0.3) ? null : rng.pick(UNPARSEABLE_TIMESTAMPS);
    }
    return formatTimestamp(ms, styles[i] ?? 'space');
  });
}
