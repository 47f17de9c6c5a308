/**
 * A child process for test-clock.test.ts: opens the serve clock as `radar serve` does (RADAR_TEST_CLOCK from its
 * environment), registers one every-minute job on its ticker, then reports `listening` and waits for steps.
 */
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { openServeClock } from '../../src/slack/test-clock.js';

const logger = createLogger({ level: 'silent' });
const clock = await openServeClock(loadConfig(process.env), logger);
clock.ticker.schedule('* * * * *', async () => undefined, 'every-minute');
clock.report('listening');
