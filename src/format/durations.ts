import { type Translate, translator } from '../i18n/translate.js';
import { numberFormat } from './number-format.js';

/** "21 days", "5 hours", "40 minutes" (21天 in Chinese): an age in its largest whole unit. */
export function formatAgeText(ms: number, t: Translate = translator('en')): string {
  const f = numberFormat(t.locale);
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return t('stale.age.minutes', { n: minutes, count: f.count(minutes) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('stale.age.hours', { count: f.count(hours) });
  return t('stale.age.days', { count: f.count(Math.floor(hours / 24)) });
}

/** "2026-11-23 10:00 UTC": an instant as an admin compares it with logs (the same in every language). */
export function formatInstantText(ms: number): string {
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'n/a';
}
