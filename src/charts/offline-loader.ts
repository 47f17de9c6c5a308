import type { Loader } from 'vega';
import { ChartRenderError, ChartRenderErrorCode } from './chart-errors.js';

/** A vega loader that also remembers what it refused, because vega only logs a failed load. */
export interface OfflineLoader extends Loader {
  readonly refused: readonly string[];
}

/**
 * A vega loader that refuses every URL, file and image. Chart specs carry their data inline;
 * a spec that names a URL is a bug, and rendering must never reach the network or the disk
 * (a Slack-triggered render that fetched would be a server-side request forgery vector).
 * vega catches a failed data load, warns and renders an empty chart, so the renderer checks
 * `refused` afterwards and throws instead of posting a misleading empty chart.
 */
export function createOfflineLoader(): OfflineLoader {
  const refused: string[] = [];
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(
      new ChartRenderError(
        ChartRenderErrorCode.networkRefused,
        `Chart specs must carry inline data; refused to load '${uri}'`,
      ),
    );
  };
  return { refused, load: refuse, sanitize: refuse, http: refuse, file: refuse };
}
