import { type CustomerProfile, displayName, organizationName } from './customer-profile.js';
import { DATA_DATE_MS, DAY_MS, formatDate } from './demo-clock.js';
import { round } from './demo-numbers.js';
import type { DemoRow } from './demo-schema.js';
import { CITY_STEMS, CITY_WORDS, STREET_NAMES } from './demo-vocabulary.js';
import { createRandom, type SeededRandom } from './seeded-random.js';

/**
 * customer360__customer rows for one customer: about seven per email (spec §2.4: 5,001 value
 * rows fan out to 36,019), mixing the primary golden id with an organisation-level duplicate,
 * usually one header row, and some NULL sales. Sales are heavy-tailed: typically 15–30k,
 * up to ≈3.5M (R055 range 151.62 – 3,564,026.72).
 */
export function buildCustomerRows(seed: number, profile: CustomerProfile): DemoRow<'customer'>[] {
  const rng = createRandom(seed, 'customer', profile.index);
  const count = 1 + binomial(rng, 12, 0.52);
  const baseSales = rng.logNormal(21_000 * Math.exp(0.25 * profile.quality), 1.25);
  // A few customers' rows still carry an address they no longer use: only the mapping finds them.
  const email = profile.emailMissingFromCustomers ? profile.email.replace('@', '.old@') : profile.email;
  const hasHeader = rng.chance(0.85);
  const rows: DemoRow<'customer'>[] = [];
  for (let k = 0; k < count; k++) {
    const primary = k === 0 || rng.chance(0.6);
    const header = k === 0 ? hasHeader : rng.chance(0.04);
    const sales = k === 0 ? baseSales : baseSales * rng.uniform(0.3, 1.2);
    const nullSales = rng.chance(k === 0 ? 0.03 : 0.12);
    const firstSale = DATA_DATE_MS - rng.int(60, profile.accountAgeDays + 60) * DAY_MS;
    rows.push({
      customer360_id: primary ? profile.customer360Id : profile.secondaryCustomer360Id,
      customer360_organization_id: profile.organizationId,
      is_organization_header: header ? 1 : 0,
      source_ids: sourceIds(profile),
      // Exports keep whatever case the source system had; readers must compare lower-cased.
      email: rng.chance(0.1) ? capitaliseEmail(email) : email,
      full_name: displayName(profile),
      organization_name: organizationName(profile),
      phone: rng.chance(0.15) ? null : `+1-${rng.digits(3)}-${rng.digits(3)}-${rng.digits(4)}`,
      ip_address: `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      address_line_1: `${rng.int(1, 9999)} ${rng.pick(STREET_NAMES)} Street`,
      address_line_2: rng.chance(0.7) ? null : `Suite ${rng.int(100, 999)}`,
      city: `${rng.pick(CITY_WORDS)} ${rng.pick(CITY_STEMS)}`,
      state: rng.pick(['CA', 'NY', 'TX', 'WA', 'IL', 'MA', 'FL', 'CO']),
      postal_code: rng.digits(5),
      country: 'United States',
      country_alt_name: rng.chance(0.5) ? 'USA' : null,
      first_sale_date: formatDate(firstSale),
      most_recent_sale_date: formatDate(Math.min(DATA_DATE_MS, firstSale + rng.int(0, 600) * DAY_MS)),
      total_sales_amount: nullSales ? null : round(Math.min(3_564_026.72, Math.max(151.62, sales)), 2),
    });
  }
  return rows;
}

/**
 * customer360__mapping rows: one per source id the mapping knows, pointing at the primary
 * golden id; ~12% of customers also have an organisation-level duplicate row for the same id,
 * so resolution must prefer the header row, then the smallest customer360_id (spec §2.5).
 */
export function buildMappingRows(seed: number, profile: CustomerProfile): DemoRow<'mapping'>[] {
  const rng = createRandom(seed, 'mapping', profile.index);
  const rows: DemoRow<'mapping'>[] = [];
  const ids: [system: 'marketo' | 'stripe' | 'zendesk', id: string | null][] = [
    ['zendesk', profile.zendeskUnmapped ? null : profile.zendeskUserId],
    ['marketo', profile.marketoLeadId],
    ['stripe', profile.stripeCustomerId],
  ];
  const duplicate = rng.chance(0.12);
  for (const [system, id] of ids) {
    if (id === null) continue;
    rows.push(mappingRow(profile, system, id, profile.customer360Id, rng.chance(0.9)));
    if (duplicate) rows.push(mappingRow(profile, system, id, profile.secondaryCustomer360Id, rng.chance(0.2)));
  }
  if (profile.legacyZendeskUserId !== null) {
    rows.push(mappingRow(profile, 'zendesk', profile.legacyZendeskUserId, profile.secondaryCustomer360Id, true));
  }
  return rows;
}

function mappingRow(
  profile: CustomerProfile,
  system: 'marketo' | 'stripe' | 'zendesk',
  id: string,
  customer360Id: string,
  header: boolean,
): DemoRow<'mapping'> {
  return {
    customer360_id: customer360Id,
    customer360_organization_id: profile.organizationId,
    is_organization_header: header ? 1 : 0,
    marketo_lead_id: system === 'marketo' ? id : null,
    stripe_customer_id: system === 'stripe' ? id : null,
    zendesk_user_id: system === 'zendesk' ? id : null,
    source_ids: `${system}:${id}`,
  };
}

function sourceIds(profile: CustomerProfile): string {
  const parts: string[] = [];
  if (profile.marketoLeadId !== null) parts.push(`marketo:${profile.marketoLeadId}`);
  if (profile.stripeCustomerId !== null) parts.push(`stripe:${profile.stripeCustomerId}`);
  if (profile.zendeskUserId !== null) parts.push(`zendesk:${profile.zendeskUserId}`);
  return parts.join(',');
}

function capitaliseEmail(email: string): string {
  return email.charAt(0).toUpperCase() + email.slice(1);
}

function binomial(rng: SeededRandom, trials: number, p: number): number {
  let successes = 0;
  for (let i = 0; i < trials; i++) if (rng.chance(p)) successes++;
  return successes;
}
