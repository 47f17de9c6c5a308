import { isRadarError, type LocalizedText, RadarError } from '../errors.js';
import type { SerializedError } from './worker-pool.js';

/**
 * A RadarError thrown in a worker, rebuilt on the main thread with the same code, message and exit code; a
 * catalogue message stays a key and values, so it is still shown in the reader's language.
 */
class WorkerRadarError extends RadarError {
  constructor(
    readonly code: string,
    message: string | LocalizedText,
    override readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The fields a RadarError needs to cross a thread boundary (for serveWorkerRequests' errorDetails). */
export function radarErrorDetails(error: Error): Record<string, unknown> | undefined {
  return isRadarError(error)
    ? { radar: true, code: error.code, exitCode: error.exitCode, userMessage: error.userMessage, text: error.text }
    : undefined;
}

/** Rebuilds a worker's error: a RadarError stays one (so callers still show its message), anything else an Error. */
export function reviveRadarError(error: SerializedError): Error {
  const details = error.details;
  if (details?.radar === true) {
    const text = details.text as LocalizedText | undefined;
    return new WorkerRadarError(String(details.code), text ?? String(details.userMessage), Number(details.exitCode));
  }
  const rebuilt = Object.assign(new Error(error.message), { name: error.name });
  if (error.stack !== undefined) rebuilt.stack = error.stack;
  return rebuilt;
}
