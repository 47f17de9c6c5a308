import { DateTime } from 'luxon';

/** The digest goes out on this weekday (ISO: 1 = Monday) at this local hour, in each manager's own time zone. */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR = 9;

/** A zone luxon cannot read (or an empty one from Slack) falls back to UTC rather than failing the digest. */
export function safeZone(timeZone: string | null | undefined): string {
  if (timeZone === null || timeZone === undefined || timeZone === '') return 'UTC';
  return DateTime.now().setZone(timeZone).isValid ? timeZone : 'UTC';
}

/** `2026-W48`: the ISO week of `ms` in the zone (the digest week is the recipient's local week). */
export function isoWeekKey(ms: number, timeZone: string): string {
  const local = DateTime.fromMillis(ms, { zone: safeZone(timeZone) });
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/**
 * Monday 09:00 local of the ISO week containing `ms` in that zone, as an instant. Luxon resolves the wall-clock
 * time in the zone's offset of that day, so the UTC instant moves by an hour across a DST change and 09:00 stays
 * 09:00 (a 09:00 that does not exist on a spring-forward day would be pushed to 10:00; no zone jumps at 09:00).
 */
export function digestDueAt(ms: number, timeZone: string): number {
  const local = DateTime.fromMillis(ms, { zone: safeZone(timeZone) });
  return local.set({ weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 }).toMillis();
}

/** The next digest instant strictly after `ms` (this week's if still ahead, else next week's). */
export function nextDigestAt(ms: number, timeZone: string): number {
  const thisWeek = digestDueAt(ms, timeZone);
  if (thisWeek > ms) return thisWeek;
  const zone = safeZone(timeZone);
  return DateTime.fromMillis(thisWeek, { zone }).plus({ weeks: 1 }).set({ hour: DIGEST_HOUR, minute: 0 }).toMillis();
}

/** Each language's way of writing a local date and time (luxon tokens; names come from Intl in that language). */
const LOCAL_FORMATS: Readonly<Record<string, string>> = {
  en: 'ccc d LLL yyyy, HH:mm ZZZZ',
  'zh-CN': 'yyyy年M月d日 ccc HH:mm ZZZZ',
};

/** "Mon 23 Nov 2026, 09:00 EST" / "2026年11月23日 周一 09:00 GMT-5": a local time as the recipient reads it. */
export function formatLocal(ms: number, timeZone: string, locale = 'en'): string {
  return DateTime.fromMillis(ms, { zone: safeZone(timeZone) })
    .setLocale(locale)
    .toFormat(LOCAL_FORMATS[locale] ?? (LOCAL_FORMATS.en as string));
}
