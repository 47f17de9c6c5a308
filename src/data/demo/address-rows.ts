import type { DemoRow } from './demo-schema.js';
import { JUNK_PLACE_TEXT, SOURCE_SYSTEMS, STREET_NAMES } from './demo-vocabulary.js';
import { createRandom } from './seeded-random.js';

/** Address keys per customer: the mart covers a different, partly stale id space. */
const ADDRESS_KEYS_PER_CUSTOMER = 0.45;

/**
 * customer360__address as DB-054 has it (spec §2.6, §4.7): keyed on customer360_ids that
 * match no customer, mapping row or source id, with Faker lorem words in country and state.
 * "School" leads the Marketo rows and "Rather various economic" the Stripe rows after the
 * priority/rank de-duplication, as in R054 3.1.B.2. Yields one key's rows at a time.
 */
export function* generateAddressRows(seed: number, customers: number): Generator<DemoRow<'address'>> {
  const keys = Math.max(1, Math.round(customers * ADDRESS_KEYS_PER_CUSTOMER));
  for (let key = 0; key < keys; key++) {
    const rng = createRandom(seed, 'address', key);
    // 128-bit ids from their own stream look like golden ids but (odds ~2^-100) match none.
    const customer360Id = rng.hex(32);
    const system = rng.pick(SOURCE_SYSTEMS);
    const count = rng.int(1, 3);
    for (let rank = 1; rank <= count; rank++) {
      const country = junkPlace(rng.next(), system, rng.pick(JUNK_PLACE_TEXT));
      yield {
        customer360_id: customer360Id,
        source_system: system,
        address_type: rng.pick(['billing', 'shipping', 'mailing']),
        priority: rng.int(1, 3),
        rank,
        address_line_1: `${rng.int(1, 99999)} ${rng.pick(STREET_NAMES)} ${rng.pick(['Track', 'Ways', 'Pass', 'Drive'])}`,
        address_line_2: rng.chance(0.6) ? null : `Apt. ${rng.int(1, 999)}`,
        city: rng.pick(JUNK_PLACE_TEXT),
        state: rng.pick(JUNK_PLACE_TEXT),
        state_code: rng.pick(['AL', 'ZZ', 'QX', 'MO', 'NV']),
        postal_code: rng.digits(5),
        country,
        country_code: rng.pick(['US', 'XK', 'ZZ', 'GB']),
        country_alt_name: rng.chance(0.8) ? null : rng.pick(JUNK_PLACE_TEXT),
      };
    }
  }
}

/** Weighted junk so the top country per source system is the one R054 reports. */
function junkPlace(u: number, system: string, fallback: string): string {
  if (system === 'marketo' && u < 0.12) return 'School';
  if (system === 'stripe' && u < 0.07) return 'Rather various economic';
  return fallback;
}
