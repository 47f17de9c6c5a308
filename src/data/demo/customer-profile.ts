import {
  CJK_ORGANIZATION_NAMES,
  CJK_PERSON_NAMES,
  COMPANY_STEM_COUNT,
  COMPANY_SUFFIX_COUNT,
  companyName,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  type Tier,
} from './demo-vocabulary.js';
import type { PopulationPlan, ValueGroup } from './population-plan.js';
import { createRandom, type SeededRandom } from './seeded-random.js';

/**
 * The latent facts about one customer that several tables must agree on: identity, source
 * ids, value group and tier, and a quality factor that ties health, churn, LTV and RFM
 * together (spec §2.3: health vs LTV r ≈ 0.86, health vs churn r ≈ −0.91).
 */
export interface CustomerProfile {
  readonly index: number;
  /** Canonical (trimmed, lower-case) email; tables write case and whitespace variants of it. */
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly organization: string;
  readonly organizationId: string;
  readonly marketoLeadId: string | null;
  readonly stripeCustomerId: string | null;
  readonly zendeskUserId: string | null;
  /** A second Zendesk user merged later; older value snapshots still carry it (so ids resolve apart). */
  readonly legacyZendeskUserId: string | null;
  /** The Zendesk id is missing from the mapping, so resolution falls through to Marketo or Stripe. */
  readonly zendeskUnmapped: boolean;
  /** Customer rows carry an older address, so only the mapping finds this customer's sales. */
  readonly emailMissingFromCustomers: boolean;
  readonly customer360Id: string;
  /** A second golden id (an organisation-level duplicate) that some customer and mapping rows use. */
  readonly secondaryCustomer360Id: string;
  readonly group: ValueGroup;
  readonly tier: Tier;
  /** Standard-normal quality: higher means healthier, more valuable, less likely to churn. */
  readonly quality: number;
  readonly accountAgeDays: number;
  /** Free-text names in Chinese for a few customers (organisation and person name fields only). */
  readonly cjk: boolean;
}

const GROUP_TIERS: Record<ValueGroup, readonly (readonly [Tier, number])[]> = {
  smb: [
    ['Basic', 40],
    ['Bronze', 33],
    ['Silver', 27],
  ],
  hv: [
    ['Gold', 60],
    ['Platinum', 40],
  ],
  other: [
    ['Gold', 65],
    ['Platinum', 35],
  ],
};

/** Account age medians chosen so the means land near spec §2.3 (Gold/Platinum 451 days, SMB 545). */
const AGE_MEDIAN: Record<ValueGroup, number> = { smb: 490, hv: 410, other: 430 };

export function buildCustomerProfile(seed: number, plan: PopulationPlan, index: number): CustomerProfile {
  const rng = createRandom(seed, 'profile', index);
  const group = plan.groupOf(index);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const organization = companyName(rng.int(0, COMPANY_STEM_COUNT - 1), rng.int(0, COMPANY_SUFFIX_COUNT - 1));

  let hasMarketo = rng.chance(0.85);
  const hasStripe = rng.chance(0.85);
  const hasZendesk = rng.chance(0.85);
  if (!hasMarketo && !hasStripe && !hasZendesk) hasMarketo = true;
  const zendeskUnmapped = hasZendesk && (hasMarketo || hasStripe) && rng.chance(0.05);

  return {
    index,
    email: buildEmail(rng, firstName, lastName, index),
    firstName,
    lastName,
    organization,
    organizationId: stableHex(organization),
    // Offsets by index keep ids unique without a registry, whatever the population size.
    marketoLeadId: hasMarketo ? String(104_729 + index * 3 + rng.int(0, 2)) : null,
    stripeCustomerId: hasStripe ? `cus_${alphanumeric(rng, 14)}` : null,
    zendeskUserId: hasZendesk ? String(36_000_000_000 + index * 97 + rng.int(0, 48)) : null,
    legacyZendeskUserId:
      plan.extraValueSnapshots(index) > 0 && rng.chance(0.45) ? String(36_000_000_049 + index * 97) : null,
    zendeskUnmapped,
    emailMissingFromCustomers: rng.chance(0.006),
    customer360Id: rng.hex(32),
    secondaryCustomer360Id: rng.hex(32),
    group,
    tier: rng.weighted(GROUP_TIERS[group]),
    quality: rng.normal(),
    accountAgeDays: Math.round(Math.min(2_900, Math.max(31, rng.logNormal(AGE_MEDIAN[group], 0.42)))),
    cjk: index % 997 === 13,
  };
}

function buildEmail(rng: SeededRandom, first: string, last: string, index: number): string {
  // The index as a digit suffix makes every address unique: names never contain digits.
  const pattern = rng.int(0, 3);
  const local =
    pattern === 0
      ? `${first}.${last}${index}`
      : pattern === 1
        ? `${first}${last}${index}`
        : pattern === 2
          ? `${first.charAt(0)}${last}${index}`
          : `${first}_${last}${index}`;
  return `${local}@${rng.pick(EMAIL_DOMAINS)}`;
}

/**
 * How exports spell one address on different rows: mostly canonical, sometimes capitalised
 * ("Jane.Smith12@Gmail.com") or padded with spaces or a tab. `messiness` is the chance of a variant.
 */
export function emailVariant(rng: SeededRandom, email: string, messiness: number): string {
  if (!rng.chance(messiness)) return email;
  const capitalised = email
    .split(/([._@])/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  switch (rng.int(0, 3)) {
    case 0:
      return capitalised;
    case 1:
      return ` ${capitalised} `;
    case 2:
      return `${email}\t`;
    default:
      return email.toUpperCase();
  }
}

export function displayName(profile: CustomerProfile): string {
  if (profile.cjk) return CJK_PERSON_NAMES[profile.index % CJK_PERSON_NAMES.length] ?? '王芳';
  return `${capitalise(profile.firstName)} ${capitalise(profile.lastName)}`;
}

export function organizationName(profile: CustomerProfile): string {
  if (profile.cjk)
    return CJK_ORGANIZATION_NAMES[profile.index % CJK_ORGANIZATION_NAMES.length] ?? '深圳云帆科技有限公司';
  return profile.organization;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function alphanumeric(rng: SeededRandom, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC.charAt(rng.int(0, ALPHANUMERIC.length - 1));
  return out;
}

/** A 32-hex id derived from text, so every customer of one organisation shares its id. */
function stableHex(text: string): string {
  let out = '';
  for (let salt = 0; salt < 4; salt++) {
    let hash = 0x811c9dc5 ^ salt;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
