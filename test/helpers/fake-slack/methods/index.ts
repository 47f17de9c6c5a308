import { authTest } from './auth.js';
import { chatDelete, chatPostEphemeral, chatPostMessage, chatUpdate } from './chat.js';
import type { MethodHandler } from './context.js';
import { conversationsInfo, conversationsJoin, conversationsOpen } from './conversations.js';
import { filesCompleteUploadExternal, filesGetUploadURLExternal } from './files.js';
import { conversationsHistory, conversationsReplies } from './history.js';
import { usersInfo } from './users.js';
import { viewsOpen, viewsPublish, viewsUpdate } from './views.js';

export type { MethodContext, MethodHandler } from './context.js';

/** The Web API methods the fake implements; anything else answers `unknown_method`, as Slack does. */
export const METHODS: ReadonlyMap<string, MethodHandler> = new Map([
  ['auth.test', authTest],
  ['chat.postMessage', chatPostMessage],
  ['chat.postEphemeral', chatPostEphemeral],
  ['chat.update', chatUpdate],
  ['chat.delete', chatDelete],
  ['views.publish', viewsPublish],
  ['views.open', viewsOpen],
  ['views.update', viewsUpdate],
  ['users.info', usersInfo],
  ['conversations.open', conversationsOpen],
  ['conversations.join', conversationsJoin],
  ['conversations.info', conversationsInfo],
  ['conversations.history', conversationsHistory],
  ['conversations.replies', conversationsReplies],
  ['files.getUploadURLExternal', filesGetUploadURLExternal],
  ['files.completeUploadExternal', filesCompleteUploadExternal],
]);
