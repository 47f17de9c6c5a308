import type { ThresholdKey, ThresholdProblem, ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import { THRESHOLD_NAMES } from '../../analysis/zones/zone-thresholds.js';
import type { ZoneRule } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';

const f = numberFormat();

/** A share as the rules read it: 0.1 → "10%". */
export const share = (x: number) => f.percent(x, { decimals: Number.isInteger(x * 100) ? 0 : 1 });

/** "~18" (whole numbers from 10 up), "~1.7" below: a weekly rate is an average, never exact. */
export const perWeek = (x: number | null) =>
  x === null ? 'n/a' : `~${x >= 10 ? f.count(Math.round(x)) : f.fixed(x, 1)}`;

/** Every sentence of /radar rules, the threshold modal and the change line, in one place (issue 16 moves them). */
export const RULES_MESSAGES = {
  title: 'Zone rules — what makes a customer red, yellow or green',
  help: [
    'Shows the zone rules and thresholds in force, who changed them last and when, and how many customers each rule puts in each zone today.',
    'Give proposed thresholds (`red_below=45`, `green_above=`, `fallback_red=`, `fallback_yellow=`) or `backtest` for a backtest on the export’s own weekly snapshots: per week, how many customers would have turned red and how many of those recovered within 14 days with no intervention logged, for the rules in force and the proposed ones side by side.',
    'People listed in RADAR_ADMINS get an "Edit thresholds" button in Slack; the scan uses a saved change from its next run.',
  ],
  summary: 'Zone thresholds in force, who changed them, and a backtest of proposed ones',
  optionDescriptions: {
    redBelow: 'activity method: red below this zone score (0–100; default 50)',
    greenAbove: 'activity method: green above this zone score (0–100; default 70)',
    fallbackRedCumeDist: 'value fallback: red at or below this share of customers by score (0.01–0.99; default 0.1)',
    fallbackYellowCumeDist: 'value fallback: yellow at or below this share (0.01–0.99; default 0.3)',
  } as Readonly<Record<ThresholdKey, string>>,
  inForceDefault: (t: string) => `Thresholds in force: ${t} (the defaults; nobody has changed them).`,
  inForceChanged: (t: string, who: string, when: string) => `Thresholds in force: ${t}, set by ${who} on ${when}.`,
  thresholdsActivity: (t: ZoneThresholds) => `red below ${f.number(t.redBelow)}, green above ${f.number(t.greenAbove)}`,
  thresholdsFallback: (t: ZoneThresholds) =>
    `red = lowest ${share(t.fallbackRedCumeDist)}, yellow = lowest ${share(t.fallbackYellowCumeDist)} by fallback score`,
  who: (userId: string) => `<@${userId}>`,
  perRuleTitle: 'Customers per rule today',
  perRuleColumns: ['rule', 'zone', 'customers'],
  noZone: 'no zone',
  backtestTitle: 'Backtest per week, rules in force then proposed: red, new red (of which recovered on their own)',
  backtestColumns: ['week to', 'red', 'new (alone)', 'red, proposed', 'new (alone), proposed'],
  summaryLine: (redNow: string, newNow: string, redProposed: string, newProposed: string, disappear: string) =>
    `now: ${redNow} red, ${newNow} new a week; with these: ${redProposed} red, ${newProposed} new a week; ${disappear}`,
  disappearShare: (percent: string) => `${percent} of the alerts that disappear recovered on their own`,
  disappearUnjudged: (n: string) => `${n} alerts disappear, none yet old enough to say whether they recovered`,
  noneDisappear: 'no alert disappears',
  appear: (n: number) => `${f.count(n)} more ${n === 1 ? 'alert' : 'alerts'} over the weeks shown`,
  sameRules: (redNow: string, newNow: string, recovered: string) =>
    `now: ${redNow} red, ${newNow} new a week; ${recovered} of the new red recovered within 14 days with no intervention logged`,
  noHistory: 'The export has a single weekly snapshot: nothing to backtest against yet.',
  recoveryNote:
    'Recovered on its own = out of red at a weekly snapshot within 14 days, with no intervention logged in Radar in that time.',
  method: (weeks: string, first: string, last: string) =>
    `Backtest over ${weeks} weekly cut-offs (${first} to ${last}): each customer as of its latest snapshot at or before each cut-off, zones over that week's customers.`,
  rowsWithoutInstant: (n: string) => `${n} snapshot rows without a readable timestamp were left out.`,
  population: 'customers',
  proposedLabel: (t: string) => `proposed: ${t}`,
  noState:
    'Radar has no state here (alerts are off), so the defaults are shown; the scan uses the thresholds saved in its state.',
  problem: (p: ThresholdProblem): string => {
    const name = THRESHOLD_NAMES[p.key];
    if (p.kind === 'not-a-number') return `${name} must be a number (got "${p.raw}").`;
    if (p.kind === 'out-of-range') return `${name} must be between ${p.min} and ${p.max}.`;
    return `${name} must not be above ${THRESHOLD_NAMES[p.other]}: nothing could be ${p.other === 'greenAbove' ? 'yellow' : 'yellow in the fallback'} otherwise.`;
  },
  problems: (lines: readonly string[]) => `Those thresholds cannot be used: ${lines.join(' ')}`,
  changeLine: (who: string, changes: string) =>
    `:triangular_ruler: ${who} changed the zone thresholds: ${changes}. The next scan uses them.`,
  changePart: (name: string, before: string, after: string) => `${name} ${before} → ${after}`,
  digestChanged: (who: string, when: string, changes: string) =>
    `:triangular_ruler: Zone thresholds changed this week: ${who} on ${when}, ${changes}. Red counts before and after the change differ partly because of it.`,
  digestNotCounted: (n: number) =>
    `${f.count(n)} more left red after the thresholds changed in between; not counted as recovered.`,
  notWithAction: (word: string) =>
    `Thresholds go with \`rules\`, not with \`${word}\` (e.g. /radar rules red_below=45).`,
} as const;

/** How each rule reads in the per-rule table, with the thresholds it uses. */
export function ruleLabel(rule: ZoneRule, t: ZoneThresholds): string {
  switch (rule) {
    case 'stagnant':
      return 'Stagnant velocity (red whatever the score)';
    case 'unknown-risk':
      return 'unknown risk level (red whatever the score)';
    case 'score-below-red':
      return `zone score below ${f.number(t.redBelow)}`;
    case 'score-in-yellow':
      return `zone score ${f.number(t.redBelow)}–${f.number(t.greenAbove)}`;
    case 'score-above-green':
      return `zone score above ${f.number(t.greenAbove)}`;
    case 'fallback-bottom':
      return `fallback score in the lowest ${share(t.fallbackRedCumeDist)}`;
    case 'fallback-low':
      return `fallback score in the lowest ${share(t.fallbackYellowCumeDist)}, not the lowest ${share(t.fallbackRedCumeDist)}`;
    case 'fallback-rest':
      return 'fallback score above those';
    default:
      return 'an input missing (no zone)';
  }
}

/** "red_below 50 → 45, green_above 70 → 75": the thresholds that differ, in listing order. */
export function describeChange(before: ZoneThresholds, after: ZoneThresholds): string {
  return (Object.keys(THRESHOLD_NAMES) as ThresholdKey[])
    .filter((k) => before[k] !== after[k])
    .map((k) => RULES_MESSAGES.changePart(THRESHOLD_NAMES[k], f.number(before[k]), f.number(after[k])))
    .join(', ');
}
