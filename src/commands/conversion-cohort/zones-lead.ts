import { nextAction } from '../../analysis/next-action/next-action.js';
import { redCustomers } from '../../analysis/zones/compute-zones.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { accountName } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { zoneReason } from '../customer/zone-reason.js';
import { tableGapText } from '../table-gap-text.js';
import { zoneWord } from './cohort-lead.js';

const SHOWN = 10;

/** The zones view's main message: how many are red, and the reds to call first (lowest zone score first). */
export function zonesLead(
  zones: ZonesResult,
  provenance: Provenance,
  absence: string,
  locale: Locale = 'en',
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const context = contextLine(provenance, { population: t('zones.population') }, locale);
  const zoned = zones.n - zones.noZone;
  const reds = redCustomers(zones, Number.POSITIVE_INFINITY);
  const action = actionText(nextAction({ zone: 'red', route: null }), locale);
  const table: AnswerLead['tables'][number] = {
    kind: 'table',
    title: t('zones.tableTitle'),
    table: {
      columns: t('zones.columns').split('|'),
      align: ['left', 'right', 'right', 'left'],
      rows: (['red', 'yellow', 'green'] as const).map((zone) => [
        zoneWord(zone, locale),
        f.count(zones.counts[zone]),
        zoned > 0 ? f.percent(zones.counts[zone] / zoned) : f.missing,
        actionText(nextAction({ zone, route: null }), locale),
      ]),
    },
  };
  const notes: string[] = [];
  if (zones.method === 'value-fallback' && zones.activityUnavailable) {
    notes.push(t('zones.fallbackNote', { reason: tableGapText(t, zones.activityUnavailable) }));
  }
  const first = reds[0];
  const takeaway =
    zoned === 0
      ? t('zones.none', { reason: absence })
      : first === undefined
        ? t('zones.noRed', { zoned: f.count(zoned) })
        : t('zones.takeaway', {
            red: f.count(zones.counts.red),
            share: f.percent(zones.counts.red / zoned),
            who: accountName(first.organization, first.key, locale),
          });
  return {
    takeaway,
    accountsTotal: reds.length,
    accountsTitle: t('zones.accountsTitle'),
    accounts: reds.slice(0, SHOWN).map((c) => ({
      lookup: c.key,
      organisation: c.organization,
      email: c.key,
      why: zoneReason(c, locale),
      action,
    })),
    noAccounts: t('zones.noAccounts'),
    tables: zoned === 0 ? [] : [table],
    notes,
    context,
    list: {
      columns: t('zones.csv.columns').split('|'),
      rows: reds.map((c) => [c.key, c.organization, c.score, zoneReason(c, locale), action]),
    },
  };
}
