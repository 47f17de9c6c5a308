/**
 * Finds English left in a text that should be in another language: every ASCII word that is not a name, an email,
 * a unit, an option or command name, or a term the reports themselves keep in Latin letters (SLA, LTV, RFM…).
 * Slack markup (mentions, channel links, dates, emoji codes, code spans) is removed first: it is not prose.
 */

/** Latin-letter words a Chinese CS team reads as they are: acronyms, units, product and format names. */
export const LATIN_TERMS: ReadonlySet<string> = new Set([
  'Radar',
  'Slack',
  'App',
  'Home',
  'SLA',
  'LTV',
  'RFM',
  'HV',
  'SMB',
  'CSM',
  'CSV',
  'PNG',
  'UTC',
  'GMT',
  'DM',
  'CFO',
  'ID',
  'HTTP',
  'US', // US$: Intl writes dollars so outside en-US
  'NetSuite',
  'dbt',
  'K',
  'M',
  'h',
  'min',
  'n',
  'vs',
]);

/** Slack markup and machine text that is not prose: removed before looking for words. */
const NOT_PROSE: readonly RegExp[] = [
  /<!date\^[^>]*>/g, // dates Slack renders in the reader's own language
  /<[@#!][^>]*>/g, // mentions, channel links, special mentions
  /<https?:[^>]*>/g,
  /```[\s\S]*?```/g, // code blocks (tables of data)
  /`[^`]*`/g, // code spans: commands, options, file names as typed
  /:[a-z0-9_+-]+:/g, // emoji codes
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // emails
  /\b\d{4}-W\d{2}\b/g, // ISO weeks
  /\b[A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?/g, // IANA time zones (Asia/Shanghai)
  /\b[a-z]+(?:-[a-z]+)+\b/g, // rule and id slugs (score-below-red)
  /\b[a-z_]+=[^\s,;)）]*/gi, // option=value
  /\/[a-z][a-z-]*/g, // slash commands
  /#\d+/g,
];

export interface EnglishLeftOptions {
  /** Names in the data (organisations, people): shown as the data spells them, never translated. */
  readonly names?: Iterable<string>;
  /** Further words allowed in this text (e.g. data values the catalogue keeps, like a risk level). */
  readonly allow?: Iterable<string>;
}

/** The ASCII words left in `text` that are neither names, nor allowed terms; empty when the text is translated. */
export function englishLeft(text: string, options: EnglishLeftOptions = {}): string[] {
  let rest = text;
  // Longest names first, so "Hooli Group" goes before "Hooli".
  const names = [...(options.names ?? [])].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  for (const name of names) rest = rest.split(name).join(' ');
  for (const pattern of NOT_PROSE) rest = rest.replace(pattern, ' ');
  const allow = new Set([...LATIN_TERMS, ...(options.allow ?? [])]);
  const words = rest.match(/[A-Za-z][A-Za-z']*/g) ?? [];
  return words.filter((word) => word.length >= 2 && !allow.has(word) && !allow.has(word.replace(/'s$/, '')));
}

/** Every text Block Kit shows (section text and fields, headers, context, button labels, options, placeholders). */
export function blockTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blockTexts);
  if (typeof value !== 'object' || value === null) return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'text' && typeof child === 'string') out.push(child);
    else if (key !== 'value' && key !== 'action_id' && key !== 'block_id' && key !== 'callback_id') {
      out.push(...blockTexts(child));
    }
  }
  return out;
}
