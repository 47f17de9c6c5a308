/**
 * Names and category levels for the demo warehouse. Levels follow the warehouse data specification (§2)
 * where the spec names them; where it says "levels unknown" these are plausible stand-ins.
 * Category levels stay clean ASCII; CJK text appears only in free-text name fields.
 */

/** R055 1.1.C.1: only ten distinct email domains, Faker-style free-mail and example domains. */
export const EMAIL_DOMAINS = [
  'gmail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'example.com',
  'example.org',
  'example.net',
  'aol.com',
  'icloud.com',
  'protonmail.com',
] as const;

// biome-ignore format: a word list reads better packed than one word per line
export const FIRST_NAMES = [
  'james', 'mary', 'john', 'patricia', 'robert', 'jennifer', 'michael', 'linda', 'william', 'elizabeth',
  'david', 'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'charles', 'karen',
  'daniel', 'nancy', 'matthew', 'lisa', 'anthony', 'betty', 'mark', 'sandra', 'steven', 'ashley',
  'paul', 'kimberly', 'andrew', 'emily', 'joshua', 'donna', 'kevin', 'michelle', 'brian', 'carol',
  'wei', 'fang', 'priya', 'arjun', 'sofia', 'mateo', 'yuki', 'hana', 'olga', 'lars', 'jane', 'amir',
] as const;

// biome-ignore format: a word list reads better packed than one word per line
export const LAST_NAMES = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez',
  'hernandez', 'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin',
  'lee', 'perez', 'thompson', 'white', 'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson',
  'walker', 'young', 'allen', 'king', 'wright', 'scott', 'torres', 'nguyen', 'hill', 'flores', 'chen',
  'wang', 'patel', 'kim', 'novak', 'silva', 'kowalski', 'tanaka', 'muller', 'rossi',
] as const;

// biome-ignore format: a word list reads better packed than one word per line
const COMPANY_STEMS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Cyberdyne', 'Soylent',
  'Wonka', 'Tyrell', 'Massive Dynamic', 'Pied Piper', 'Aperture', 'Gringotts', 'Oscorp', 'Nakatomi',
  'Dunder Mifflin', 'Bluth', 'Prestige Worldwide', 'Vehement', 'Sterling Cooper', 'Monarch', 'Wernham Hogg',
] as const;

const COMPANY_SUFFIXES = [
  'Inc',
  'LLC',
  'Group',
  'and Sons',
  'PLC',
  'Ltd',
  'Holdings',
  'Partners',
  'Labs',
  'Co',
] as const;

/** Company names as a CRM holds them; the same firm is spelled slightly differently in places. */
export function companyName(stem: number, suffix: number): string {
  const s = COMPANY_STEMS[stem % COMPANY_STEMS.length] ?? 'Acme';
  const x = COMPANY_SUFFIXES[suffix % COMPANY_SUFFIXES.length] ?? 'Inc';
  return `${s} ${x}`;
}
export const COMPANY_STEM_COUNT = COMPANY_STEMS.length;
export const COMPANY_SUFFIX_COUNT = COMPANY_SUFFIXES.length;

/** A few real exports carry Chinese organisation and person names; only free-text fields hold them. */
export const CJK_ORGANIZATION_NAMES = [
  '深圳云帆科技有限公司',
  '上海星河数据有限公司',
  '北京远航信息技术有限公司',
] as const;
export const CJK_PERSON_NAMES = ['王芳', '李伟', '张静', '陈杰'] as const;

export const TIERS = ['Basic', 'Bronze', 'Silver', 'Gold', 'Platinum'] as const;
export type Tier = (typeof TIERS)[number];

export const LIFECYCLE_STAGES = ['Activation', 'Growth', 'Maturity', 'Retention', 'Dormant'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const RFM_SEGMENTS = [
  'Champion',
  'Loyal Customer',
  'Potential Loyalist',
  'At Risk',
  'Hibernating',
  'Lost',
] as const;

export const ENGAGEMENT_MODELS = {
  executive: 'Executive Relationship Management',
  standard: 'Standard Engagement',
  recovery: 'Retention & Recovery Initiatives',
  dedicated: 'Dedicated Account Management',
} as const;

export const DECISION_MAKER_LEVELS = ['C-Level', 'VP', 'Director', 'Manager', 'Individual Contributor'] as const;
export const INDUSTRY_VERTICALS = [
  'Technology',
  'Healthcare',
  'Education',
  'Retail',
  'Financial Services',
  'Manufacturing',
  'Government',
  'Media',
] as const;
export const COMPANY_SIZE_TIERS = ['Startup', 'Small', 'Medium', 'Large', 'Enterprise'] as const;

/** The activity table's driver-style channel labels (spec §2.1: about ten at roughly 10% each). */
export const ACTIVITY_CHANNELS = [
  ['Content Marketing', 10.5],
  ['Sales Driven', 10.0],
  ['Marketing Driven', 10.2],
  ['Support Driven', 9.8],
  ['Product Led', 9.9],
  ['Referral Driven', 9.6],
  ['Partner Driven', 9.7],
  ['Event Driven', 10.1],
  ['Community Driven', 9.9],
  ['Multi-Channel', 10.3],
] as const;

/** The funnel table's six marketing channels (spec §2.2), near-uniform with Webinar slightly ahead. */
export const FUNNEL_CHANNELS = [
  ['Webinar', 18.7],
  ['Email', 16.7],
  ['Paid Search', 16.4],
  ['Event', 16.3],
  ['Organic Search', 16.1],
  ['Social Media', 15.8],
] as const;

export const RISK_LEVELS = ['Very Low', 'Low', 'Medium', 'High', 'Critical'] as const;
/** The odd extra level; it only ever appears together with the Stagnant velocity (spec §4.5). */
export const ODD_RISK_LEVEL = 'High Activity Risk';
export const VELOCITIES = ['Accelerating', 'Stable', 'Volatile', 'Declining'] as const;
export const STAGNANT = 'Stagnant';

export const SOURCE_SYSTEMS = ['marketo', 'stripe', 'zendesk'] as const;

/**
 * Faker `lorem` words that leaked into the address marts' country and state columns (spec §2.6).
 * The first entries are weighted up so the top values match R054 3.1.B.2.
 */
export const JUNK_PLACE_TEXT = [
  'School',
  'Rather various economic',
  'Yourself',
  'Model',
  'Trouble',
  'Staff even',
  'Participant',
  'Across report',
  'Speech behind',
  'Admit',
  'Police sea',
  'Whatever reason',
  'Remain goal',
  'Southern',
  'Visit',
  'Nature test',
] as const;

export const CITY_WORDS = ['Port', 'Lake', 'North', 'South', 'East', 'West', 'New', 'Mount'] as const;
export const CITY_STEMS = ['Johnview', 'Kellyburgh', 'Amandaside', 'Davidmouth', 'Smithton', 'Marychester'] as const;
export const STREET_NAMES = ['Oak', 'Maple', 'Cedar', 'Pine', 'Elm', 'Lake', 'Hill', 'Park', 'Church', 'Mill'] as const;
