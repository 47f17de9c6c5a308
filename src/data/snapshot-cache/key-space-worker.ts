import { parentPort, workerData } from 'node:worker_threads';
import { type CodedKeySpace, codeKeySpace, type KeySpaceMember } from './key-spaces.js';

export interface KeySpaceWorkerData {
  readonly directory: string;
  readonly spaces: readonly { readonly space: string; readonly members: readonly KeySpaceMember[] }[];
  readonly batchRows: number;
}

export type KeySpaceWorkerReply =
  | { readonly ok: true; readonly coded: readonly CodedKeySpace[] }
  | { readonly ok: false; readonly message: string };

/** Codes some of a build's key spaces beside the thread coding the others (key-spaces-in-parallel.ts). */
const { directory, spaces, batchRows } = workerData as KeySpaceWorkerData;
let reply: KeySpaceWorkerReply;
try {
  reply = { ok: true, coded: spaces.map(({ space, members }) => codeKeySpace(directory, space, members, batchRows)) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
