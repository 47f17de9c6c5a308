import { taskResultOf } from '../../workers/one-task-reply.js';
import { siblingModule, startWorker } from '../../workers/worker-pool.js';
import type { TableId } from '../warehouse-schema.js';
import { DEFAULT_BATCH_ROWS } from './column-writer.js';
import type { KeySpaceWorkerData } from './key-space-worker.js';
import {
  type CodedKeySpace,
  codeKeySpace,
  type KeySpaceMember,
  type KeySpacesIndex,
  keySpacePlan,
  writeKeySpacesIndex,
} from './key-spaces.js';
import type { CachedTable } from './snapshot-manifest.js';

/**
 * writeKeySpaces on two threads, for `radar prepare`'s parallel build: the spaces are independent (each its own
 * coder), so this thread codes some while a worker codes the others, split by rows; the index is written in the
 * plan's order, so the files are the same as one thread's. At a million customers the spaces are ~21M rows
 * (7–10 s on one thread, after every table, with the other core idle).
 */
export async function writeKeySpacesInParallel(
  directory: string,
  tables: Partial<Record<TableId, CachedTable>>,
  batchRows: number = DEFAULT_BATCH_ROWS,
): Promise<KeySpacesIndex> {
  const plan = [...keySpacePlan(tables)];
  const [own, other] = splitByRows(plan);
  let worker: ReturnType<typeof startWorker> | undefined;
  let coded: Promise<readonly CodedKeySpace[]> = Promise.resolve([]);
  if (other.length > 0) {
    const data: KeySpaceWorkerData = {
      directory,
      spaces: other.map(([space, members]) => ({ space, members })),
      batchRows,
    };
    worker = startWorker(siblingModule(import.meta.url, 'key-space-worker'), data);
    coded = taskResultOf<readonly CodedKeySpace[]>(worker, 'a key space thread');
    // Awaited below; until then (this thread's own spaces may throw first) a failure must not go unhandled.
    coded.catch(() => {});
  }
  try {
    const mine = new Map(own.map(([space, members]) => [space, codeKeySpace(directory, space, members, batchRows)]));
    for (const space of await coded) mine.set(space.space, space);
    return writeKeySpacesIndex(
      directory,
      plan.map(([space]) => mine.get(space) as CodedKeySpace),
    );
  } finally {
    await worker?.terminate();
  }
}

type PlannedSpace = [space: string, members: KeySpaceMember[]];

/**
 * Two groups of about the same number of rows (largest spaces first, each to the lighter group): coding costs about
 * the same per row in every space.
 */
export function splitByRows(plan: readonly PlannedSpace[]): [PlannedSpace[], PlannedSpace[]] {
  const rows = (entry: PlannedSpace) => entry[1].reduce((n, m) => n + m.rows, 0);
  const groups: [PlannedSpace[], PlannedSpace[]] = [[], []];
  const totals = [0, 0];
  for (const entry of [...plan].sort((a, b) => rows(b) - rows(a))) {
    const g = (totals[0] as number) <= (totals[1] as number) ? 0 : 1;
    groups[g].push(entry);
    totals[g] = (totals[g] as number) + rows(entry);
  }
  return groups;
}
