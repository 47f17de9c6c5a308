import { parentPort, type Worker } from 'node:worker_threads';

/** What a worker thread started for one task sends back: its result, or why it failed. */
export type OneTaskReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** In the worker: runs the task and posts its reply, a thrown error included (never an unhandled crash). */
export function replyWithTaskResult<T>(task: () => T): void {
  let reply: OneTaskReply<T>;
  try {
    reply = { ok: true, value: task() };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
}

/**
 * In the starting thread: the task's result, or a rejection when it failed, the thread died or it exited without
 * replying. `what` names the thread in that last message.
 */
export function taskResultOf<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: OneTaskReply<T>) =>
      reply.ok ? resolve(reply.value) : reject(new Error(reply.message)),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit code ${code})`)));
  });
}
