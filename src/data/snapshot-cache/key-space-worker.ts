import { workerData } from 'node:worker_threads';
import { replyWithTaskResult } from '../../workers/one-task-reply.js';
import { codeKeySpace, type KeySpaceMember } from './key-spaces.js';

export interface KeySpaceWorkerData {
  readonly directory: string;
  readonly spaces: readonly { readonly space: string; readonly members: readonly KeySpaceMember[] }[];
  readonly batchRows: number;
}

/** Codes some of a build's key spaces beside the thread coding the others (key-spaces-in-parallel.ts). */
const { directory, spaces, batchRows } = workerData as KeySpaceWorkerData;
replyWithTaskResult(() => spaces.map(({ space, members }) => codeKeySpace(directory, space, members, batchRows)));
