import type { RespondFn } from '@slack/bolt';
import type { Translate } from '../../i18n/translate.js';
import type { Logger } from '../../logging.js';
import { editOfferBlocks, type RulesSlackDeps } from './register-rules-actions.js';

/**
 * After a /radar rules answer: the "Edit thresholds" button (in the answer's language), ephemeral, to RADAR_ADMINS only. Everyone else sees
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
  t: Translate,
): Promise<void> {
  if (deps.rules === undefined || request.command.slash !== '/radar') return;
  if (!/(^|\s)rules(\s|$)/i.test(request.text) || !deps.rules.admins.includes(request.userId)) return;
  try {
    await request.respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t('rules.slack.editOffer'),
      blocks: editOfferBlocks(t),
    });
  } catch (error) {
    deps.logger.warn({ err: error, user: request.userId }, 'could not offer the threshold editor');
  }
}
