/**
 * Every failure a user can cause or fix is a RadarError: it carries a stable `code` for
 * tests and logs, and a `userMessage` that says what is wrong and what to do. Anything
 * else reaching the top level is a bug and is reported as one, never as a stack trace.
 */
export abstract class RadarError extends Error {
  abstract readonly code: string;
  /** Exit code the CLI uses: 2 for bad input the user can correct, 1 for data problems. */
  readonly exitCode: number = 1;

  constructor(
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = new.target.name;
  }
}

/** The command text could not be understood; the message includes the usage. */
export class UsageError extends RadarError {
  readonly code = 'usage';
  override readonly exitCode = 2;
}

/** Configuration (env vars or flags) is invalid; the message names the variable and the fix. */
export class ConfigError extends RadarError {
  readonly code = 'config';
  override readonly exitCode = 2;
}

export function isRadarError(error: unknown): error is RadarError {
  return error instanceof RadarError;
}
