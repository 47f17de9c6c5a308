import { nextAction } from '../../analysis/next-action/next-action.js';
import { redCustomers } from '../../analysis/zones/compute-zones.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';
import { accountName } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { COHORT_MESSAGES as M } from './conversion-cohort-messages.js';

const f = numberFormat();
const SHOWN = 10;

/** The zones view's main message: how many are red, and the reds to call first (lowest zone score first). */
export function zonesLead(zones: ZonesResult, provenance: Provenance, absence: string): AnswerLead {
  const context = contextLine(provenance, { population: M.zonesPopulation });
  const zoned = zones.n - zones.noZone;
  const reds = redCustomers(zones, Number.POSITIVE_INFINITY);
  const action = nextAction({ zone: 'red', route: null }).text;
  const table: AnswerLead['tables'][number] = {
    kind: 'table',
    title: M.zonesTableTitleAll,
    table: {
      columns: ['Zone', 'Customers', 'Share', 'What to do'],
      align: ['left', 'right', 'right', 'left'],
      rows: (['red', 'yellow', 'green'] as const).map((zone) => [
        zone,
        f.count(zones.counts[zone]),
        zoned > 0 ? f.percent(zones.counts[zone] / zoned) : 'n/a',
        nextAction({ zone, route: null }).text,
      ]),
    },
  };
  const notes: string[] = [];
  if (zones.method === 'value-fallback' && zones.activityUnavailable) {
    notes.push(M.fallbackNote(zones.activityUnavailable));
  }
  const first = reds[0];
  const takeaway =
    zoned === 0
      ? M.zonesNone(absence)
      : first === undefined
        ? M.zonesNoRed(f.count(zoned))
        : M.zonesTakeaway(
            f.count(zones.counts.red),
            f.percent(zones.counts.red / zoned),
            accountName(first.organization, first.key),
          );
  return {
    takeaway,
    accountsTotal: reds.length,
    accountsTitle: M.zonesAccountsTitle,
    accounts: reds.slice(0, SHOWN).map((c) => ({
      lookup: c.key,
      organisation: c.organization,
      email: c.key,
      why: c.reason,
      action,
    })),
    noAccounts: M.zonesNoAccounts,
    tables: zoned === 0 ? [] : [table],
    notes,
    context,
    list: {
      columns: ['email', 'organisation', 'zone score (0-100)', 'why red', 'next action'],
      rows: reds.map((c) => [c.key, c.organization, c.score, c.reason, action]),
    },
  };
}
