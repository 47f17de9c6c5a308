import { parentPort, type TransferListItem } from 'node:worker_threads';
import type { SerializedError, WorkerMessage, WorkerReply } from './worker-pool.js';

export interface WorkerHandler<Q, R> {
  handle(request: Q): Promise<R> | R;
  /** Extra fields to carry across for errors the owner rebuilds (e.g. a code). */
  errorDetails?(error: Error): Record<string, unknown> | undefined;
  /** Buffers to move rather than copy (e.g. a PNG). */
  transferList?(result: R): TransferListItem[];
}

/** The worker side of WorkerPool: answer each request with its result or its serialised error. */
export function serveWorkerRequests<Q, R>(handler: WorkerHandler<Q, R>): void {
  const port = parentPort;
  if (port === null) throw new Error('this module must run as a worker thread started by WorkerPool');
  port.on('message', async ({ id, request }: WorkerMessage<Q>) => {
    let reply: WorkerReply<R>;
    let transfer: TransferListItem[] = [];
    try {
      const result = await handler.handle(request);
      reply = { id, ok: true, result };
      transfer = handler.transferList?.(result) ?? [];
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const details = handler.errorDetails?.(error);
      const serialized: SerializedError = {
        name: error.name,
        message: error.message,
        ...(error.stack === undefined ? {} : { stack: error.stack }),
        ...(details === undefined ? {} : { details }),
      };
      reply = { id, ok: false, error: serialized };
    }
    port.postMessage(reply, transfer);
  });
}
