import { availableParallelism, freemem } from 'node:os';

/**
 * What one chart worker thread adds to the process's resident memory once it has rendered the demo's 23 charts
 * three times: ≈ 90 MB when it has started and drawn one chart, 184–236 MB after 69 charts (its V8 isolate with
 * vega and vega-lite, plus librsvg/cairo/pango allocations in its own malloc arena). Measured with
 * `bench/measure-chart-workers.ts` (see src/charts/README.md).
 */
export const CHART_WORKER_MEMORY_BYTES = 200 * 2 ** 20;

/** Chart workers may take this share of the memory the machine has free at start-up; the rest is for the data. */
export const CHART_MEMORY_SHARE = 0.25;

/**
 * One answer draws at most three charts by default, so more workers than that only help several answers at once,
 * which the command workers and Slack acks need the cores for anyway.
 */
export const MAX_CHART_WORKERS = 3;

export interface MachineResources {
  /** Cores this process may use (`os.availableParallelism()`). */
  readonly cores: number;
  /** Bytes the process can still take: free memory, or what is left under a container's limit. */
  readonly availableMemoryBytes: number;
}

/**
 * How many chart workers to run: one core is kept for the main thread (Slack acks, the event loop), and the workers
 * together take at most CHART_MEMORY_SHARE of the available memory, never more than MAX_CHART_WORKERS; always at
 * least one, since rendering on the main thread would stall acks for a dense chart.
 */
export function chartWorkerCount(
  machine: MachineResources,
  workerMemoryBytes: number = CHART_WORKER_MEMORY_BYTES,
): number {
  if (!(workerMemoryBytes > 0)) throw new RangeError(`worker memory must be positive, got ${workerMemoryBytes}`);
  const byCores = Math.floor(machine.cores) - 1;
  const byMemory = Math.floor((Math.max(0, machine.availableMemoryBytes) * CHART_MEMORY_SHARE) / workerMemoryBytes);
  const count = Math.min(byCores, byMemory, MAX_CHART_WORKERS);
  return Number.isFinite(count) ? Math.max(1, count) : 1;
}

/**
 * This machine as chartWorkerCount sees it. Under a cgroup limit (a container) the free memory of the host says
 * nothing; what is left under the limit does.
 */
export function currentMachine(): MachineResources {
  // Node 20 returns undefined when there is no limit, later versions 0.
  const limit = process.constrainedMemory() ?? 0;
  const free = freemem();
  // "No limit" reads as 0 (or as 2^63 on cgroup v1, which the min below ignores).
  const available = limit > 0 ? Math.min(free, limit - process.memoryUsage.rss()) : free;
  return { cores: availableParallelism(), availableMemoryBytes: Math.max(0, available) };
}
