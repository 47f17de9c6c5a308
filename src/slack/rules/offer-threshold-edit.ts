import type { RespondFn } from '@slack/bolt';
import type { Logger } from '../../logging.js';
import { editOfferBlocks, type RulesSlackDeps } from './register-rules-actions.js';
import { RULES_SLACK_MESSAGES as M } from './rules-slack-messages.js';

/**
 * After a /radar rules answer: the "Edit thresholds" button, ephemeral, to RADAR_ADMINS only. Everyone else sees
 * the answer alone (and a forged press or submission is refused by the listeners anyway).
 */
export async function offerThresholdEdit(
  request: {
    readonly command: { readonly slash: string };
    readonly text: string;
    readonly userId: string;
    readonly respond: RespondFn;
  },
  deps: { readonly rules?: RulesSlackDeps; readonly logger: Logger },
): Promise<void> {
  if (deps.rules === undefined || request.command.slash !== '/radar') return;
  if (!/(^|\s)rules(\s|$)/i.test(request.text) || !deps.rules.admins.includes(request.userId)) return;
  try {
    await request.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: M.editOffer,
      blocks: editOfferBlocks(),
    });
  } catch (error) {
    deps.logger.warn({ err: error, user: request.userId }, 'could not offer the threshold editor');
  }
}
