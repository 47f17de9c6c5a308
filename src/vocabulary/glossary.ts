import { numberFormat } from '../format/number-format.js';

/**
 * The glossary (docs/glossary.md) in code: every answer, help text, alert card, digest and App Home takes a
 * score's name, scale and number form from here, so "priority" never means two things and churn is never
 * "38.5%" on one surface and "0.39" on another.
 */

const f = numberFormat();

export interface Term {
  /** The name people read, lower case ("churn risk"). */
  readonly name: string;
  /** The scale shown with the name where it is introduced ("0–100"); empty when the form says it ($, %). */
  readonly scale: string;
  /**
   * False when the scale is shown only where the term is introduced (headings, help, titles), not after every
   * value: "priority 0.75" in a line, "priority (−0.2 to 0.8, higher = call sooner)" in a heading.
   */
  readonly scaleInLines?: boolean;
  /** The value in the glossary's form ("0.75", "25%", "$12.2K", "3.4 / 5"). */
  readonly format: (value: number | null | undefined) => string;
}

export const TERMS = {
  // 0.4·norm(RFM) + 0.4·norm(health) − 0.2·churn: the formula's own range, not 0–1.
  priority: {
    name: 'priority',
    scale: '−0.2 to 0.8, higher = call sooner',
    scaleInLines: false,
    format: (x) => f.fixed(x, 2),
  },
  investmentPriority: { name: 'investment priority score', scale: '', format: (x) => f.fixed(x, 2) },
  health: {
    name: 'health score',
    scale: 'value table, ~1–5',
    format: (x) => (x === null || x === undefined || !Number.isFinite(x) ? f.missing : `${f.fixed(x, 1)} / 5`),
  },
  engagementHealth: {
    name: 'engagement health',
    scale: '0–100, activity table',
    format: (x) => (x === null || x === undefined || !Number.isFinite(x) ? f.missing : `${f.count(x)} / 100`),
  },
  churn: { name: 'churn risk', scale: '', format: (x) => f.percent(x, { decimals: 0 }) },
  ltv: { name: 'lifetime value (LTV)', scale: '', format: (x) => f.money(x) },
  // Rounded down like the zone reasons (zone-rules formatScore): a red 49.96 must not read "50".
  zoneScore: {
    name: 'zone score',
    scale: '0–100',
    format: (x) => f.decimal(x === null || x === undefined ? x : Math.floor(x * 10) / 10, 1),
  },
  productAdoption: { name: 'product adoption', scale: '', format: (x) => f.percent(x, { decimals: 0 }) },
  supportResolution: { name: 'support resolution', scale: '', format: (x) => f.percent(x, { decimals: 0 }) },
  sales: { name: 'sales', scale: '', format: (x) => f.money(x) },
  compositePerformance: { name: 'composite performance', scale: '0–1', format: (x) => f.fixed(x, 2) },
  rfm: { name: 'RFM score', scale: '1–5', format: (x) => f.fixed(x, 1) },
} as const satisfies Record<string, Term>;

export type TermId = keyof typeof TERMS;

/** "zone score 49.7 (0–100)", "churn risk 25%", "priority 0.75": a value with its name (and scale where lines carry it). */
export function describeValue(term: TermId, value: number | null | undefined): string {
  const t: Term = TERMS[term];
  // "3.4 / 5" and "72 / 100" carry their scale already.
  const scale = t.scale !== '' && !t.scale.includes('table') && t.scaleInLines !== false ? ` (${t.scale})` : '';
  return `${t.name} ${t.format(value)}${scale}`;
}

/** "Zone score (0–100)": a column heading with its scale. */
export function termHeading(term: TermId): string {
  const t: Term = TERMS[term];
  const name = t.name.charAt(0).toUpperCase() + t.name.slice(1);
  return t.scale !== '' && !t.scale.includes('table') ? `${name} (${t.scale})` : name;
}

/** Lifecycle levels spelled as in the data; the glossary lists them in this order. */
export const LIFECYCLE_LEVELS = ['Activation', 'Growth', 'Maturity', 'Retention', 'Dormant'] as const;

/** The red / yellow / green zones in words. */
export const ZONE_NAMES = { red: 'red zone', yellow: 'yellow zone', green: 'green zone' } as const;

/** "Hooli Group — arjun@hooli.com", or whichever of the two is known. */
export function accountName(organisation: string | null, email: string | null): string {
  if (organisation && email) return `${organisation} — ${email}`;
  return organisation ?? email ?? 'unnamed account';
}
