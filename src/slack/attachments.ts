import type { webApi } from '@slack/bolt';
import type { ChartRenderer } from '../charts/render-pool.js';
import type { CommandAnswer } from '../commands/command-answer.js';
import { type Translate, translator } from '../i18n/translate.js';
import type { Logger } from '../logging.js';
import type { AttachmentFile } from './block-types.js';
import { truncate } from './mrkdwn.js';
import { withChannelJoin } from './post-message.js';
import { classifySlackError, describeSlackFailure } from './slack-errors.js';

export interface PreparedAttachments {
  readonly files: readonly AttachmentFile[];
  /** Charts that could not be drawn, by title. */
  readonly failedCharts: readonly string[];
}

/** Renders the answer's charts (in the renderer's workers) and adds the layout's CSV/text files after them. */
export async function prepareAttachments(
  answer: CommandAnswer,
  extraFiles: readonly AttachmentFile[],
  renderer: ChartRenderer,
  logger: Logger,
): Promise<PreparedAttachments> {
  const rendered = await Promise.all(
    answer.charts.map(async (chart): Promise<AttachmentFile | string> => {
      try {
        const content = await renderer.render(chart.spec);
        return { filename: `${chart.id}.png`, title: chart.title, content, altText: truncate(chart.altText, 1000) };
      } catch (error) {
        logger.warn({ err: error, chart: chart.id, command: answer.command }, 'chart render failed');
        return chart.title;
      }
    }),
  );
  const files = rendered.filter((r): r is AttachmentFile => typeof r !== 'string');
  const failedCharts = rendered.filter((r): r is string => typeof r === 'string');
  return { files: [...files, ...extraFiles], failedCharts };
}

/**
 * Uploads files in one files.uploadV2 call, always with `channel_id` so they are shared (never a private, unshared
 * upload). Returns undefined on success, else the reason for the user.
 */
export async function uploadAttachments(
  client: webApi.WebClient,
  channelId: string,
  files: readonly AttachmentFile[],
  comment: string,
  logger: Logger,
  /** The language of the reason returned (the reader's). */
  t: Translate = translator('en'),
): Promise<string | undefined> {
  if (files.length === 0) return undefined;
  try {
    await withChannelJoin(client, channelId, () =>
      client.filesUploadV2({
        channel_id: channelId,
        initial_comment: comment,
        file_uploads: files.map((f) => ({
          file: f.content,
          filename: f.filename,
          title: f.title,
          ...(f.altText === undefined ? {} : { alt_text: f.altText }),
        })),
      }),
    );
    return undefined;
  } catch (error) {
    const failure = classifySlackError(error);
    logger.warn({ err: error, channel: channelId, files: files.length }, 'upload failed');
    return describeSlackFailure(failure, t);
  }
}
