import type { Summary } from './stats.js';

/** What one size's child process measured, written as JSON for the parent to merge. */
export interface SizeResult {
  readonly label: string;
  readonly customers: number;
  readonly warehouse: {
    readonly path: string;
    readonly bytes: number;
    readonly buildMs: number;
    readonly cached: boolean;
  };
  /** The snapshot cache the commands read, built (or found) by a separate `radar prepare`-like process first. */
  readonly snapshotCache: SnapshotCacheResult | null;
  readonly commands: readonly CommandResult[];
  readonly scan: ScanResult;
  readonly slack: SlackBurstResult | null;
  readonly charts: readonly ChartResult[];
  readonly peakRssMb: number;
  readonly wallMs: number;
}

export interface SnapshotCacheResult {
  /** False when a cache of this exact export was already there (an earlier bench run built it). */
  readonly built: boolean;
  /** Wall time of this step, including opening the warehouse. */
  readonly ms: number;
  /** How long the cache took to build when it was built (recorded in its manifest). */
  readonly buildMs: number;
  readonly bytes: number;
  readonly peakRssMb: number;
}

export interface CommandResult {
  readonly invocation: string;
  readonly charts: number;
  /** Runs made; p50 / p95 are over the runs after the first, or over the first alone when it was the only one. */
  readonly runs: number;
  /** The first run after the warehouse was opened (cold caches). */
  readonly first: PhaseTimes;
  /** Runs after the first. */
  readonly load: Summary;
  readonly analyse: Summary;
  readonly render: Summary;
  readonly present: Summary;
  readonly endToEnd: Summary;
  readonly error?: string;
}

export interface PhaseTimes {
  readonly load: number;
  readonly analyse: number;
  readonly render: number;
  readonly present: number;
  readonly endToEnd: number;
}

export interface ScanResult {
  readonly what: string;
  readonly customers: number;
  readonly red: number;
  readonly firstMs: number;
  readonly repeat: Summary;
}

export interface SlackBurstResult {
  readonly concurrency: number;
  readonly ack: Summary;
  readonly answered: Summary;
  readonly outcomes: Readonly<Record<string, number>>;
}

/** One chart's render times; bench/measure-charts.ts says exactly what each figure measures. */
export interface ChartResult {
  readonly id: string;
  readonly command: string;
  /** First render in a freshly started worker. */
  readonly coldMs: number;
  /** Warm worker, the spec it rendered just before (PNG cache hit). */
  readonly warm: Summary;
  /** Warm worker, spec it has not rendered before (new data): the figure the target is judged on. */
  readonly warmNewSpec: Summary;
  /** Process CPU ms (all threads) per new-data render: steadier than wall time on a loaded machine. */
  readonly warmNewSpecCpu: Summary;
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly platform: string;
  readonly loadAverageAtStart: readonly number[];
}

export interface BenchReport {
  readonly startedAt: string;
  readonly mode: 'full' | 'quick';
  readonly machine: MachineInfo;
  readonly coldStart: { readonly runs: readonly number[]; readonly p50: number } | null;
  /** `npm start` (bin/start.js) to the local prompt on a built clone. */
  readonly promptStart: { readonly runs: readonly number[]; readonly p50: number } | null;
  readonly sizes: readonly SizeResult[];
  readonly failures: readonly SizeFailure[];
  /** The Unicode cleaning rule against SQLite's ASCII built-ins on synthetic rows (bench/measure-cleaning-cost.ts). */
  readonly cleaningCost: CleaningCost;
  readonly wallMs: number;
}

export interface CleaningCost {
  readonly rows: number;
  readonly results: readonly CleaningCostResult[];
  /** Why the measurement did not finish; results are then empty. */
  readonly error?: string;
}

export interface CleaningCostResult {
  /** What is cleaned: an email key, a timestamp, or the latest-row ranking that uses both. */
  readonly step: 'email' | 'timestamp' | 'ranking';
  /** before = SQLite's ASCII built-ins; after = the rule as shipped; the others are for comparison. */
  readonly variant: 'before' | 'after' | 'alternative' | 'typescript';
  readonly label: string;
  /** The second run (the first warms the JIT and page cache). */
  readonly ms: number;
  readonly nsPerRow: number;
}

/** A size whose process did not finish (crash, out of memory). */
export interface SizeFailure {
  readonly label: string;
  readonly customers: number;
  readonly reason: string;
}
