import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../../analysis/zones/zone-rules.js';
import type { ZoneRule } from '../../analysis/zones/zone-types.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import { glossaryFor } from '../../vocabulary/glossary.js';

/**
 * Why the customer is in their zone, in the reader's language. English keeps the analysis's own sentence (it names
 * every part of the score); other languages say the rule, the score and the thresholds it ran with (`options`) from the
 * catalogue (`zones.reason.<rule>`).
 */
export function zoneReason(
  zone: { readonly reason: string; readonly rule?: ZoneRule; readonly score?: number | null },
  locale: Locale,
  options: Pick<ZoneOptions, 'redBelow' | 'greenAbove'> = DEFAULT_ZONE_OPTIONS,
): string {
  if (locale === 'en') return zone.reason;
  const t = translator(locale);
  if (zone.rule === undefined) return t('zones.reason.noRow');
  const score = glossaryFor(locale).terms.zoneScore.format(zone.score ?? null);
  return t(`zones.reason.${zone.rule}` as MessageKey, {
    score,
    red: options.redBelow,
    green: options.greenAbove,
  });
}
