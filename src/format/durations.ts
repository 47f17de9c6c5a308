import { numberFormat } from './number-format.js';

const f = numberFormat();

/** "21 days", "5 hours", "40 minutes": an age in its largest whole unit. */
export function formatAgeText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return `${f.count(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${f.count(hours)} hours`;
  return `${f.count(Math.floor(hours / 24))} days`;
}

/** "2026-11-23 10:00 UTC": an instant as an admin compares it with logs. */
export function formatInstantText(ms: number): string {
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'n/a';
}
