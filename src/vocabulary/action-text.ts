import type { NextActionKind } from '../analysis/next-action/next-action.js';
import type { Locale } from '../i18n/locale.js';
import { type MessageKey, translator } from '../i18n/translate.js';

/** The next action (one rule, src/analysis/next-action) in the reader's language: "Intervene within 48 hours". */
export function actionText(action: { readonly kind: NextActionKind } | NextActionKind, locale: Locale): string {
  const kind = typeof action === 'string' ? action : action.kind;
  return translator(locale)(`action.${kind}` as MessageKey);
}
