import type { SlackMessage } from '../block-types.js';
import { mrkdwnSection } from '../mrkdwn.js';
import type { AlertChannels } from './slack-transport.js';

/** A line from Radar itself (a threshold change, a health notice): already worded, mrkdwn, one section. */
export function renderRadarNotice(text: string): SlackMessage {
  return { text, blocks: [mrkdwnSection(text)] };
}

/** Health notices go to the admin channel (default the alert channel); threshold changes to the alert channel. */
export function noticeChannel(channels: AlertChannels, to: 'alert' | 'admin'): string {
  return to === 'admin' ? (channels.adminChannel ?? channels.alertChannel) : channels.alertChannel;
}
