import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger, scrubSecrets } from '../logging.js';

function describe(messages: readonly unknown[]): string {
  return scrubSecrets(
    messages.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' '),
  );
}

/**
 * Bolt and WebClient log through this, so their lines land in Radar's pino stream (with the same redaction) instead of
 * a second console format. The level is Radar's (LOG_LEVEL); Bolt's `setLevel` is recorded but does not override it.
 */
export function createBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'bolt' });
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...messages) => child.debug(describe(messages)),
    info: (...messages) => child.info(describe(messages)),
    warn: (...messages) => child.warn(describe(messages)),
    error: (...messages) => child.error(describe(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (name) => {
      child = logger.child({ component: name });
    },
  };
}
