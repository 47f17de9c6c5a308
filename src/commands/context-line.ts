import { formatAgeText } from '../format/durations.js';
import { formatDate, numberFormat } from '../format/number-format.js';
import type { Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { CommandAnswer, Provenance } from './command-answer.js';

/**
 * The one context line closing every main message: how many, which filters, thresholds that differ from the
 * defaults, and the data date ("4,734 customers · tier=Gold · data as of 16 Nov 2026").
 */
export function contextLine(
  provenance: Pick<Provenance, 'n' | 'dataDate' | 'dataDateMs'>,
  parts: { readonly population: string; readonly filters?: readonly string[]; readonly changed?: readonly string[] },
  locale: Locale = 'en',
): string {
  const t = translator(locale);
  const items = [
    t('context.population', { count: numberFormat(locale).count(provenance.n), population: parts.population }),
  ];
  if (parts.filters && parts.filters.length > 0) items.push(parts.filters.join(', '));
  if (parts.changed && parts.changed.length > 0) items.push(parts.changed.join(', '));
  const date = provenance.dataDateMs ?? (provenance.dataDate === null ? null : Date.parse(provenance.dataDate));
  items.push(
    date === null || !Number.isFinite(date)
      ? t('context.dataDateUnknown')
      : t('context.dataAsOf', { date: formatDate(date, locale) }),
  );
  return items.join(' · ');
}

/**
 * RADAR_STALE_AFTER: an answer on data older than that carries one warning line under its context line, so nobody
 * acts on last month's numbers thinking they are today's.
 */
export function withStalenessWarning(
  answer: CommandAnswer,
  now: number,
  staleAfterMs: number,
  locale: Locale = 'en',
): CommandAnswer {
  const date = answer.provenance.dataDateMs ?? null;
  if (answer.lead === undefined || date === null || now - date <= staleAfterMs) return answer;
  const t = translator(locale);
  const warning = t('stale.warning', { age: formatAgeText(now - date, t), limit: formatAgeText(staleAfterMs, t) });
  return { ...answer, lead: { ...answer.lead, context: `${answer.lead.context}\n${warning}` } };
}
