import { openEngine } from './open-engine.js';
import { currentReplicaVersion, planReplica, type Replica, refreshReplica } from './replica.js';
import type { EngineKind } from './warehouse-engine.js';

export interface DatabaseSourceOptions {
  readonly cacheRoot: string;
  readonly now?: () => Date;
}

export interface ReplicaCheck {
  /** The replica now current, and whether this check had to build it. */
  readonly replica: Replica;
  readonly label: string;
}

/**
 * One look at a database source: connect read-only, list and fingerprint (cheap), and copy the data only when the
 * fingerprint or the copied columns changed since the current replica. The engine is closed before returning, so no
 * transaction stays open on the server between checks.
 */
export async function syncReplica(
  kind: EngineKind,
  location: string,
  options: DatabaseSourceOptions,
): Promise<ReplicaCheck> {
  const engine = await openEngine(kind, location);
  try {
    const plan = await planReplica(engine, options.now);
    const unchanged = currentReplicaVersion(options.cacheRoot, engine.label) === plan.version;
    const replica = await refreshReplica(engine, { cacheRoot: options.cacheRoot, ...optionalNow(options) }, plan);
    return { replica: unchanged ? { ...replica, built: false } : replica, label: engine.label };
  } finally {
    await engine.close();
  }
}

function optionalNow(options: DatabaseSourceOptions): { now?: () => Date } {
  return options.now === undefined ? {} : { now: options.now };
}
