import type { PriorityZone, RowZones, ZoneLookup } from '../../analysis/priority/priority-filter.js';
import type { PriorityResult, ScoredCustomer } from '../../analysis/priority/priority-score.js';

const ZONES: readonly (PriorityZone | null)[] = [null, 'red', 'yellow', 'green'];
const CODE: Readonly<Record<PriorityZone, number>> = { red: 1, yellow: 2, green: 3 };

/** Zone codes in rank order, per ranking (built once per export and options) and per zone lookup (likewise). */
const built = new WeakMap<PriorityResult, WeakMap<ZoneLookup, Uint8Array>>();

/**
 * Every ranked customer's zone, looked up by email once per ranking and set of zones, then read by rank: /priority
 * asks for the zone of each of its million rows (the list, the zone filter), and a million email lookups cost
 * seconds each time. A row not of this ranking (never the case in /priority) is looked up by email.
 */
export function zonesByRank(result: PriorityResult, lookup: ZoneLookup): RowZones {
  let perLookup = built.get(result);
  if (!perLookup) {
    perLookup = new WeakMap();
    built.set(result, perLookup);
  }
  let codes = perLookup.get(lookup);
  if (!codes) {
    const { ranked } = result;
    codes = new Uint8Array(ranked.length);
    for (let p = 0; p < ranked.length; p++) {
      const zone = lookup((ranked[p] as ScoredCustomer).customer.email);
      codes[p] = zone === null ? 0 : CODE[zone];
    }
    perLookup.set(lookup, codes);
  }
  const byRank = codes;
  return {
    zoneOfRow(row) {
      const p = row.rank - 1;
      return result.ranked[p] === row ? (ZONES[byRank[p] as number] ?? null) : lookup(row.customer.email);
    },
  };
}
