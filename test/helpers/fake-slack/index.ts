export { BLOCK_LIMITS, blockTextLength, findBlockKitViolations, type Surface } from './block-kit.js';
export { CallLog } from './call-log.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { ANY_METHOD, type Failure, FailureSwitches } from './failure-switches.js';
export { DEFAULT_BOT_TOKEN, FakeSlack, type FakeSlackOptions } from './fake-slack.js';
export {
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
  type ResponsePost,
  type ResponseUrlInit,
  type ResponseUrlState,
} from './response-urls.js';
export {
  type ApiArgs,
  type ApiResult,
  RESPONSE_URL_METHOD,
  type RecordedCall,
  UPLOAD_METHOD,
  type Violation,
  type Warning,
} from './types.js';
export {
  FAKE_CHANNELS,
  FAKE_TEAM,
  FAKE_USERS,
  type FakeChannel,
  type FakeChannelSeed,
  type FakeFile,
  type FakeMessage,
  type FakeUser,
  type FakeUserSeed,
} from './workspace.js';
