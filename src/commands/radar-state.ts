/**
 * Radar's own state as the /radar rules and /radar status answers need it, read by the caller (Slack app or CLI)
 * from the state store and handed to the command as plain data: commands run in worker threads that cannot reach
 * the store, exactly like the open alerts /customer shows.
 */
export interface RadarStateSnapshot {
  readonly thresholds: {
    readonly redBelow: number;
    readonly greenAbove: number;
    readonly fallbackRedCumeDist: number;
    readonly fallbackYellowCumeDist: number;
  };
  /** Who changed the thresholds last and when (epoch ms); null = never changed (the defaults). */
  readonly changedBy: string | null;
  readonly changedAt: number | null;
  /** Interventions logged in Radar (customer key, epoch ms), for the backtest's "recovered on its own". */
  readonly interventions: readonly { readonly key: string; readonly at: number }[];
  /** Absent when Radar runs without state (plain CLI use): /radar status then says alerts are off. */
  readonly status?: RadarStatusFacts;
}

export interface RadarStatusFacts {
  readonly version: string;
  /** Period keys (`2026-11-23T10:00Z`) of the last runs; null when never run. */
  readonly lastScan: string | null;
  readonly nextScanMs: number | null;
  readonly lastDigest: string | null;
  /** The next Monday 09:00 UTC (each manager gets theirs at 09:00 in their own zone). */
  readonly nextDigestMs: number;
  readonly alerts: { readonly open: number; readonly acknowledged: number; readonly snoozed: number };
  readonly outbox: { readonly pending: number; readonly dead: number };
  /** The snapshot cache keeper's state; null where none runs (the CLI). */
  readonly cache: { readonly kind: string; readonly at?: number; readonly error?: string } | null;
  /** Problems the self-health check has open, with when they started. */
  readonly problems: readonly { readonly problem: string; readonly since: number | null; readonly detail: string }[];
  /** RADAR_STALE_AFTER in ms; null when not judged (the bundled demo's data date is fixed). */
  readonly staleAfterMs: number | null;
  /** Where the state lives (file path or Postgres URL without its password). */
  readonly stateLocation: string;
}
