import { type ReplicaCheck, syncReplica } from './database-source.js';
import { recogniseSource, type SourceKind } from './source-kind.js';

export interface OpenedSource {
  readonly kind: SourceKind;
  /** What users are told: the export's path, or the database URL without its password. */
  readonly label: string;
  /** The SQLite file the provider, the workers and the snapshot cache open: the export, or the replica link. */
  readonly path: string;
  /** For a database source: brings the replica up to date (background re-checks, `radar prepare`). */
  readonly refresh?: () => Promise<ReplicaCheck>;
  /** For a database source: whether opening it had to copy the data (false when the replica was current). */
  readonly copied?: boolean;
}

/**
 * The asynchronous step before any command runs: a SQLite export is used as it is; a database source is checked and,
 * if its fingerprint changed since the last copy, copied into its local replica (the only time a command waits for
 * a copy). Everything after this reads a SQLite file.
 */
export async function openSource(
  value: string,
  options: { readonly cacheRoot: string; readonly now?: () => Date },
): Promise<OpenedSource> {
  const source = recogniseSource(value);
  if (source.kind === 'sqlite') return { kind: 'sqlite', label: value, path: value };
  const kind = source.kind;
  const refresh = () => syncReplica(kind, source.location, options);
  const first = await refresh();
  return { kind, label: first.label, path: first.replica.currentPath, refresh, copied: first.replica.built };
}
