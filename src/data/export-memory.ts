/**
 * Per-export structures (value customers, rankings, zone and cohort columns, decoded dictionaries…) are kept between
 * answers so that a repeat answer skips the load. At a million customers they add up past what one process should
 * hold (every command's structures together: ~1.8 GB of live heap and 0.4 GB of column buffers after the bench's
 * commands), so each thread releases them by recency of use when it is over a memory budget: when the thread's heap
 * plus array buffers is above EXPORT_MEMORY_BUDGET_BYTES after an answer, every structure that answer did not use is
 * let go, and before a structure is built, every one the answer in progress has not used yet. The next answer that
 * needs one builds it again, as a first answer does. Under the budget (the demo, 100k customers) nothing is released, so answers there are as fast as before. Building is deterministic, so a rebuilt
 * structure gives the same answer.
 */

/** One kept structure: `release` forgets it (the owner's memo), so the garbage collector can take it. */
export interface HeldStructure {
  /** Marks the structure as used by the answer in progress. */
  use(): void;
}

/** RADAR_EXPORT_MEMORY_MB, else 1 GB of heap plus array buffers per thread. */
export const EXPORT_MEMORY_BUDGET_BYTES = budgetFromEnv(process.env.RADAR_EXPORT_MEMORY_MB) ?? 1024 * 2 ** 20;

interface Entry {
  lastUsed: number;
  /** The release, holding its owner weakly: a replaced export's Warehouse must stay collectable. */
  readonly owner: WeakRef<object>;
  readonly release: (owner: never) => void;
}

const held = new Set<Entry>();
/** The answer in progress (per thread: every thread has its own module instance and its own structures). */
let answer = 0;

/**
 * Registers a structure just built from `owner` (the Warehouse or the snapshot cache it belongs to); `release` makes
 * the owner forget it. Only a weak reference to the owner is kept.
 */
export function holdExportStructure<O extends object>(owner: O, release: (owner: O) => void): HeldStructure {
  const entry: Entry = { lastUsed: answer, owner: new WeakRef(owner), release };
  held.add(entry);
  return {
    use() {
      entry.lastUsed = answer;
    },
  };
}

/**
 * Called before a structure is built: over the budget, what the answer in progress has not used yet is let go first,
 * so that the previous command's structures are not still held while this one builds its own (at 1M that overlap was
 * the process's peak). Returns how many structures were released.
 */
export function beforeBuild(usedBytes = threadMemoryBytes(), budget = EXPORT_MEMORY_BUDGET_BYTES): number {
  return usedBytes > budget ? releaseUnusedBy(answer) : 0;
}

/**
 * Called when an answer is complete: over the budget, releases what that answer did not use. `usedBytes` is the
 * thread's heap plus array buffers (garbage included, which overstates it; the next collection frees what is
 * released). Returns how many structures were released.
 */
export function answerFinished(usedBytes = threadMemoryBytes(), budget = EXPORT_MEMORY_BUDGET_BYTES): number {
  let released = 0;
  if (usedBytes > budget) released = releaseUnusedBy(answer);
  else for (const entry of held) if (entry.owner.deref() === undefined) held.delete(entry);
  answer++;
  return released;
}

function releaseUnusedBy(current: number): number {
  let released = 0;
  for (const entry of held) {
    if (entry.lastUsed >= current) continue;
    held.delete(entry);
    const owner = entry.owner.deref();
    if (owner === undefined) continue;
    (entry.release as (owner: object) => void)(owner);
    released++;
  }
  return released;
}

/** How many structures this thread keeps (tests). */
export function heldExportStructures(): number {
  return held.size;
}

export function threadMemoryBytes(): number {
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function budgetFromEnv(value: string | undefined): number | undefined {
  const mb = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(mb) && mb > 0 ? mb * 2 ** 20 : undefined;
}
