import { findBlockKitViolations } from '../block-kit.js';
import type { ApiResult } from '../types.js';
import { FAKE_TEAM, type FakeView } from '../workspace.js';
import { fail, isRecord, type MethodContext, type MethodHandler, stringArg } from './context.js';
import { fileLookupFor } from './message-content.js';

/** Modal title, submit and close texts are plain_text of at most 24 characters. */
const MODAL_TEXT_MAX = 24;

type ViewCheck =
  | { readonly ok: true; readonly view: Record<string, unknown> }
  | { readonly ok: false; readonly result: ApiResult };

function rejected(result: ApiResult): ViewCheck {
  return { ok: false, result };
}

function checkView(ctx: MethodContext, expectedType: 'home' | 'modal'): ViewCheck {
  const view = ctx.args.view;
  if (!isRecord(view))
    return rejected(fail('invalid_arguments', ['[ERROR] view must be a JSON object [json-pointer:/view]']));
  if (view.type !== expectedType) {
    return rejected(fail('invalid_arguments', [`[ERROR] view type must be ${expectedType} [json-pointer:/view/type]`]));
  }
  const issues = findBlockKitViolations(view.blocks, 'view', fileLookupFor(ctx.workspace));
  if (expectedType === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const text = view[key];
      if (text === undefined && key !== 'title') continue;
      if (!isRecord(text) || typeof text.text !== 'string' || text.text.length === 0) {
        issues.push(`[ERROR] missing required field: ${key} [json-pointer:/view/${key}]`);
      } else if (text.text.length > MODAL_TEXT_MAX) {
        issues.push(`[ERROR] must be less than ${MODAL_TEXT_MAX + 1} characters [json-pointer:/view/${key}/text]`);
      }
    }
  }
  return issues.length > 0 ? rejected(fail('invalid_blocks', issues)) : { ok: true, view };
}

function viewJson(stored: FakeView): Record<string, unknown> {
  return { ...stored.view, id: stored.id, team_id: FAKE_TEAM.teamId, hash: `${stored.id}.hash` };
}

/** Publishes a user's App Home tab (replacing the previous one). */
export const viewsPublish: MethodHandler = (ctx) => {
  const userId = stringArg(ctx.args, 'user_id');
  if (userId === undefined || !ctx.workspace.users.has(userId)) return fail('user_not_found');
  const checked = checkView(ctx, 'home');
  if (!checked.ok) return checked.result;
  const stored: FakeView = { id: ctx.workspace.nextId('V'), type: 'home', view: checked.view, userId };
  ctx.workspace.homeViews.set(userId, stored);
  return { ok: true, view: viewJson(stored) };
};

/** Opens a modal; needs the trigger_id of an interaction. */
export const viewsOpen: MethodHandler = (ctx) => {
  const triggerId = stringArg(ctx.args, 'trigger_id');
  if (triggerId === undefined) return fail('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
  const checked = checkView(ctx, 'modal');
  if (!checked.ok) return checked.result;
  const stored: FakeView = { id: ctx.workspace.nextId('V'), type: 'modal', view: checked.view, triggerId };
  ctx.workspace.modals.push(stored);
  return { ok: true, view: viewJson(stored) };
};

/** Replaces an open modal (by view_id), as a modal's own button or input updating it does. */
export const viewsUpdate: MethodHandler = (ctx) => {
  const viewId = stringArg(ctx.args, 'view_id');
  const index = ctx.workspace.modals.findIndex((m) => m.id === viewId);
  if (viewId === undefined || index < 0) return fail('not_found');
  const checked = checkView(ctx, 'modal');
  if (!checked.ok) return checked.result;
  const previous = ctx.workspace.modals[index] as FakeView;
  const stored: FakeView = { ...previous, view: checked.view };
  ctx.workspace.modals[index] = stored;
  return { ok: true, view: viewJson(stored) };
};
