import type { Translate } from './translate.js';

/** Sentences one after another as the language writes them (a space in English, nothing in Chinese). */
export function joinSentences(t: Translate, sentences: readonly string[]): string {
  return joinWith(t, 'common.sentences', sentences);
}

/** Items of a list in a line ("a, b, c" / "a，b，c"). */
export function joinList(t: Translate, items: readonly string[]): string {
  return joinWith(t, 'common.list', items);
}

/** Names enumerated in a sentence ("health, churn risk" / "健康分、流失风险"). */
export function joinEnumeration(t: Translate, items: readonly string[]): string {
  return joinWith(t, 'common.enumeration', items);
}

function joinWith(
  t: Translate,
  key: 'common.sentences' | 'common.list' | 'common.enumeration',
  parts: readonly string[],
): string {
  const kept = parts.filter((p) => p !== '');
  if (kept.length === 0) return '';
  return kept.slice(1).reduce((first, second) => t(key, { first, second }), kept[0] as string);
}
