import type { TableGap } from '../table-gap.js';
import { tallyZones } from './compute-zones.js';
import type { ZoneMethod } from './zone-rules.js';
import { type ZoneThresholds, zoneOptionsWith } from './zone-thresholds.js';
import type { ActivityZoneInput, ValueZoneInput, ZoneInputs } from './zone-types.js';

const DAY_MS = 86_400_000;
export const BACKTEST_WEEK_MS = 7 * DAY_MS;
/** An alert "recovered on its own" when the customer is out of red within this long with no intervention logged. */
export const RECOVERY_WINDOW_MS = 14 * DAY_MS;
/** Weeks looked back at most (a quarter): older snapshots say little about today's noise. */
export const DEFAULT_BACKTEST_WEEKS = 12;

/** Every snapshot row of the table the zone method reads, with its parsed snapshot instant (rows in rowid order). */
export type ZoneHistory =
  | {
      readonly method: 'activity';
      readonly rows: readonly { readonly at: number; readonly input: ActivityZoneInput }[];
    }
  | {
      readonly method: 'value-fallback';
      readonly rows: readonly { readonly at: number; readonly input: ValueZoneInput }[];
      readonly activityUnavailable: TableGap;
    };

export interface BacktestInput {
  readonly history: ZoneHistory;
  /** Interventions logged in Radar (customer key, when). */
  readonly interventions: readonly { readonly key: string; readonly at: number }[];
  readonly current: ZoneThresholds;
  readonly proposed: ZoneThresholds;
  readonly maxWeeks?: number;
}

export interface BacktestWeek {
  /** The cut-off instant: each customer as of its latest snapshot at or before it. */
  readonly at: number;
  readonly red: number;
  /** Red at this cut-off and not red (or not yet there) a week before: an alert. Null for the oldest cut-off. */
  readonly entered: number | null;
  /** Entered customers seen again within 14 days (a later cut-off exists). */
  readonly judged: number;
  /** Of those, out of red at a cut-off within 14 days, with no intervention logged in that window. */
  readonly recoveredUnaided: number;
}

export interface RulesBacktest {
  readonly thresholds: ZoneThresholds;
  /** Oldest first. */
  readonly weeks: readonly BacktestWeek[];
  readonly redNow: number;
  readonly entered: number;
  /** Mean alerts a week over the weeks that have a week before them; null with a single cut-off. */
  readonly newPerWeek: number | null;
  readonly judged: number;
  readonly recoveredUnaided: number;
}

export interface BacktestResult {
  readonly method: ZoneMethod;
  readonly activityUnavailable: TableGap | null;
  /** Cut-offs, oldest first. */
  readonly cutoffs: readonly number[];
  /** Customers at the latest cut-off. */
  readonly customersNow: number;
  readonly current: RulesBacktest;
  readonly proposed: RulesBacktest;
  /** Alerts the rules in force raised that the proposed ones would not, and how many of them recovered unaided. */
  readonly disappearing: { readonly alerts: number; readonly judged: number; readonly recoveredUnaided: number };
  /** Alerts only the proposed rules would raise. */
  readonly appearing: number;
  /** Rows left out because their snapshot instant is missing or unparseable. */
  readonly rowsWithoutInstant: number;
}

/**
 * What the rules in force and the proposed ones would have alerted on, over the export's own weekly history. A
 * cut-off every 7 days back from the data date; at each, every customer as of its latest snapshot at or before the
 * cut-off (snapshots jitter and some customers lag a run, so exact timestamps do not line up). Cut-offs stop when
 * fewer than half of today's customers existed yet. Zones at each cut-off are computed over that cut-off's
 * population, as a scan on that day would have. Pure: rows in, counts out.
 */
export function backtestRules(input: BacktestInput): BacktestResult {
  const snapshots = cutSnapshots(input.history, input.maxWeeks ?? DEFAULT_BACKTEST_WEEKS);
  const interventions = new Map<string, number[]>();
  for (const i of input.interventions) {
    const list = interventions.get(i.key) ?? [];
    list.push(i.at);
    interventions.set(i.key, list);
  }
  const current = runRules(snapshots, input.current, interventions);
  const proposed = runRules(snapshots, input.proposed, interventions);
  let disappearing = 0;
  let disappearingJudged = 0;
  let disappearingRecovered = 0;
  for (const [id, outcome] of current.entries) {
    if (proposed.entries.has(id)) continue;
    disappearing++;
    if (outcome === 'unjudged') continue;
    disappearingJudged++;
    if (outcome === 'recovered-unaided') disappearingRecovered++;
  }
  let appearing = 0;
  for (const id of proposed.entries.keys()) if (!current.entries.has(id)) appearing++;
  return {
    method: input.history.method,
    activityUnavailable: input.history.method === 'value-fallback' ? input.history.activityUnavailable : null,
    cutoffs: snapshots.cutoffs,
    customersNow: snapshots.byCutoff.at(-1)?.rows.length ?? 0,
    current: current.summary,
    proposed: proposed.summary,
    disappearing: { alerts: disappearing, judged: disappearingJudged, recoveredUnaided: disappearingRecovered },
    appearing,
    rowsWithoutInstant: snapshots.rowsWithoutInstant,
  };
}

interface Snapshots {
  readonly cutoffs: number[];
  /** Zone inputs as of each cut-off, oldest first. */
  readonly byCutoff: ZoneInputs[];
  readonly rowsWithoutInstant: number;
}

function cutSnapshots(history: ZoneHistory, maxWeeks: number): Snapshots {
  type Row = { readonly at: number; readonly input: { readonly key: string } };
  const byKey = new Map<string, Row[]>();
  let rowsWithoutInstant = 0;
  let latest = Number.NEGATIVE_INFINITY;
  for (const row of history.rows as readonly Row[]) {
    if (!Number.isFinite(row.at)) {
      rowsWithoutInstant++;
      continue;
    }
    const list = byKey.get(row.input.key) ?? [];
    list.push(row);
    byKey.set(row.input.key, list);
    if (row.at > latest) latest = row.at;
  }
  // Oldest first; a stable sort keeps rowid order within one instant, so the later row of a tie wins below.
  for (const list of byKey.values()) list.sort((a, b) => a.at - b.at);
  const cutoffs: number[] = [];
  const byCutoff: ZoneInputs[] = [];
  if (byKey.size === 0) return { cutoffs, byCutoff, rowsWithoutInstant };
  let todays = 0;
  for (let k = 0; k < maxWeeks; k++) {
    const at = latest - k * BACKTEST_WEEK_MS;
    const rows: unknown[] = [];
    for (const list of byKey.values()) {
      let found: Row | undefined;
      for (const row of list) {
        if (row.at > at) break;
        found = row;
      }
      if (found !== undefined) rows.push(found.input);
    }
    if (k === 0) todays = rows.length;
    else if (rows.length * 2 < todays) break;
    cutoffs.unshift(at);
    byCutoff.unshift(
      history.method === 'activity'
        ? { method: 'activity', rows: rows as ActivityZoneInput[] }
        : {
            method: 'value-fallback',
            rows: rows as ValueZoneInput[],
            activityUnavailable: history.activityUnavailable,
          },
    );
  }
  return { cutoffs, byCutoff, rowsWithoutInstant };
}

type EntryOutcome = 'unjudged' | 'stayed' | 'recovered-unaided';

function runRules(
  snapshots: Snapshots,
  thresholds: ZoneThresholds,
  interventions: ReadonlyMap<string, readonly number[]>,
): { readonly summary: RulesBacktest; readonly entries: Map<string, EntryOutcome> } {
  const options = zoneOptionsWith(thresholds);
  const zones = snapshots.byCutoff.map((inputs) => {
    const red = new Set<string>();
    const notRed = new Set<string>();
    for (const c of tallyZones(inputs, options).customers) (c.zone === 'red' ? red : notRed).add(c.key);
    return { red, notRed };
  });
  const { cutoffs } = snapshots;
  const entries = new Map<string, EntryOutcome>();
  const weeks: BacktestWeek[] = [];
  let entered = 0;
  let judged = 0;
  let recoveredUnaided = 0;
  for (let w = 0; w < zones.length; w++) {
    const here = zones[w] as (typeof zones)[number];
    const at = cutoffs[w] as number;
    if (w === 0) {
      weeks.push({ at, red: here.red.size, entered: null, judged: 0, recoveredUnaided: 0 });
      continue;
    }
    const before = zones[w - 1] as (typeof zones)[number];
    let weekEntered = 0;
    let weekJudged = 0;
    let weekRecovered = 0;
    for (const key of here.red) {
      if (before.red.has(key)) continue;
      weekEntered++;
      const later: number[] = [];
      for (let j = w + 1; j < zones.length && (cutoffs[j] as number) - at <= RECOVERY_WINDOW_MS; j++) later.push(j);
      let outcome: EntryOutcome = 'unjudged';
      if (later.length > 0) {
        weekJudged++;
        const recovered = later.some((j) => zones[j]?.notRed.has(key) === true);
        const helped = (interventions.get(key) ?? []).some((t) => t >= at && t <= at + RECOVERY_WINDOW_MS);
        outcome = recovered && !helped ? 'recovered-unaided' : 'stayed';
        if (outcome === 'recovered-unaided') weekRecovered++;
      }
      entries.set(`${w}\u0000${key}`, outcome);
    }
    entered += weekEntered;
    judged += weekJudged;
    recoveredUnaided += weekRecovered;
    weeks.push({ at, red: here.red.size, entered: weekEntered, judged: weekJudged, recoveredUnaided: weekRecovered });
  }
  const comparedWeeks = Math.max(0, zones.length - 1);
  return {
    summary: {
      thresholds,
      weeks,
      redNow: zones.at(-1)?.red.size ?? 0,
      entered,
      newPerWeek: comparedWeeks === 0 ? null : entered / comparedWeeks,
      judged,
      recoveredUnaided,
    },
    entries,
  };
}
