import type { NewOutboxEntry } from '../outbox-types.js';

/** What one health check found now: failing or not, with the figures that say why. */
export interface HealthObservation {
  /** Stable id: `stale-data`, `delivery`, `snapshot-cache`, `job-late:scan`, … */
  readonly problem: string;
  readonly failing: boolean;
  readonly detail: string;
}

/** A problem as Radar's state remembers it across checks, restarts and instances. */
export interface HealthProblemState {
  readonly problem: string;
  readonly active: boolean;
  /** When the current episode started (null when not active). */
  readonly since: number | null;
  readonly detail: string;
  /** The admins were told about the current episode (so its end gets an all-clear). */
  readonly notified: boolean;
  /** When the last "problem started" notice went out: at most one a day per problem. */
  readonly lastNoticeAt: number | null;
}

export interface HealthNotice {
  readonly problem: string;
  readonly kind: 'started' | 'cleared';
  readonly detail: string;
  /** When the episode started (for the all-clear: how long it lasted). */
  readonly since: number;
}

export interface HealthPlan {
  /** Every problem's new state (unchanged ones included). */
  readonly states: readonly HealthProblemState[];
  readonly notices: readonly HealthNotice[];
}

export interface HealthRequest {
  readonly job: string;
  readonly period: string;
  readonly now: number;
  /** Pure: decides on the states read in the transaction; returns the plan and its outbox entries. */
  readonly plan: (previous: readonly HealthProblemState[]) => {
    readonly plan: HealthPlan;
    readonly entries: readonly NewOutboxEntry[];
  };
}

/** Outbox figures over a window, for the delivery health check. */
export interface DeliveryStats {
  /** Entries created in the window. */
  readonly created: number;
  /** Of those, entries that failed at least once (delivered later, waiting, or dead). */
  readonly failed: number;
  /** Of those, entries that gave up (dead letters). */
  readonly dead: number;
}

export interface HealthProblemRow {
  readonly problem: string;
  readonly active: number;
  readonly since: number | null;
  readonly detail: string;
  readonly notified: number;
  readonly last_notice_at: number | null;
}

export function toHealthProblem(row: HealthProblemRow): HealthProblemState {
  return {
    problem: row.problem,
    active: Number(row.active) === 1,
    since: row.since === null ? null : Number(row.since),
    detail: row.detail,
    notified: Number(row.notified) === 1,
    lastNoticeAt: row.last_notice_at === null ? null : Number(row.last_notice_at),
  };
}
