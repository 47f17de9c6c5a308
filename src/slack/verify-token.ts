import { webApi } from '@slack/bolt';
import type { RadarConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { classifySlackError, describeSlackFailure } from './slack-errors.js';

/** Slack's answers to auth.test that mean the token itself is wrong, and what to do about each. */
const TOKEN_PROBLEMS: Readonly<Record<string, string>> = {
  invalid_auth: 'is not a valid token for this Slack workspace',
  not_authed: 'was not sent (it is empty)',
  account_inactive: 'belongs to an app or user that was deactivated',
  token_revoked: 'was revoked (the app was uninstalled or the token rotated)',
  token_expired: 'has expired (token rotation is on; use a fresh token)',
  missing_scope: 'lacks a required scope',
  not_allowed_token_type: 'is not a bot token',
};

export interface BotIdentity {
  readonly teamId: string;
  readonly team: string;
  readonly botUserId: string;
}

/**
 * Checks SLACK_BOT_TOKEN with auth.test before anything starts, so a wrong token fails fast with one line that names
 * the variable and the fix instead of a stack trace at the first slash command.
 */
export async function verifyBotToken(config: RadarConfig): Promise<BotIdentity> {
  const client = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL === undefined ? {} : { slackApiUrl: config.SLACK_API_URL }),
    retryConfig: { retries: 1, minTimeout: 500, maxTimeout: 1000 },
    timeout: 10_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  try {
    const result = await client.auth.test();
    return { teamId: result.team_id ?? '', team: result.team ?? '', botUserId: result.user_id ?? '' };
  } catch (error) {
    const failure = classifySlackError(error);
    if (failure.kind === 'platform') {
      const problem = TOKEN_PROBLEMS[failure.error] ?? `was refused by Slack (${failure.error})`;
      throw new ConfigError(
        `SLACK_BOT_TOKEN ${problem} (auth.test: ${failure.error}). Copy the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page and start again.`,
      );
    }
    const where = config.SLACK_API_URL ?? 'https://slack.com/api/';
    throw new ConfigError(
      `Could not check SLACK_BOT_TOKEN: ${describeSlackFailure(failure)} at ${where}. Check the network (and SLACK_API_URL if set) and start again.`,
    );
  }
}
