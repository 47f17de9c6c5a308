import type { ZoneMethod } from '../../analysis/zones/zone-rules.js';
import type { ThresholdKey, ThresholdProblem, ZoneThresholds } from '../../analysis/zones/zone-thresholds.js';
import { THRESHOLD_NAMES } from '../../analysis/zones/zone-thresholds.js';
import type { ZoneRule } from '../../analysis/zones/zone-types.js';
import { numberFormat } from '../../format/number-format.js';
import type { Translate } from '../../i18n/translate.js';

/**
 * The pieces the rules sentences are built from (thresholds, rule labels, a change, a bad value), in the reader's
 * language; the sentences themselves are `rules.*` in the catalogues.
 */

/** A share as the rules read it: 0.1 → "10%". */
export function share(t: Translate, x: number): string {
  return numberFormat(t.locale).percent(x, { decimals: Number.isInteger(x * 100) ? 0 : 1 });
}

/** "~18" (whole numbers from 10 up), "~1.7" below: a weekly rate is an average, never exact. */
export function perWeek(t: Translate, x: number | null): string {
  const f = numberFormat(t.locale);
  if (x === null) return t('rules.perWeekUnknown');
  return t('rules.perWeek', { value: x >= 10 ? f.count(Math.round(x)) : f.fixed(x, 1) });
}

/** The thresholds of one method as a clause: "red below 50, green above 70". */
export function describeThresholds(t: Translate, method: ZoneMethod, thresholds: ZoneThresholds): string {
  const f = numberFormat(t.locale);
  return method === 'activity'
    ? t('rules.thresholdsActivity', { red: f.number(thresholds.redBelow), green: f.number(thresholds.greenAbove) })
    : t('rules.thresholdsFallback', {
        red: share(t, thresholds.fallbackRedCumeDist),
        yellow: share(t, thresholds.fallbackYellowCumeDist),
      });
}

/** Both methods' thresholds, as the modal shows what is in force. */
export function describeAllThresholds(t: Translate, thresholds: ZoneThresholds): string {
  return t('rules.partsJoin', {
    first: describeThresholds(t, 'activity', thresholds),
    second: describeThresholds(t, 'value-fallback', thresholds),
  });
}

/** How each rule reads in the per-rule table, with the thresholds it uses. */
export function ruleLabel(t: Translate, rule: ZoneRule, thresholds: ZoneThresholds): string {
  const f = numberFormat(t.locale);
  return t(`rules.rule.${rule}`, {
    red: rule.startsWith('fallback') ? share(t, thresholds.fallbackRedCumeDist) : f.number(thresholds.redBelow),
    green: f.number(thresholds.greenAbove),
    yellow: share(t, thresholds.fallbackYellowCumeDist),
  });
}

/** "red_below 50 → 45, green_above 70 → 75": the thresholds that differ, in listing order. */
export function describeChange(t: Translate, before: ZoneThresholds, after: ZoneThresholds): string {
  const f = numberFormat(t.locale);
  return (Object.keys(THRESHOLD_NAMES) as ThresholdKey[])
    .filter((k) => before[k] !== after[k])
    .map((k) =>
      t('rules.changePart', { name: THRESHOLD_NAMES[k], before: f.number(before[k]), after: f.number(after[k]) }),
    )
    .join(t.locale === 'zh-CN' ? '，' : ', ');
}

/** One bad threshold value, saying what it must be. */
export function problemText(t: Translate, p: ThresholdProblem): string {
  const name = THRESHOLD_NAMES[p.key];
  if (p.kind === 'not-a-number') return t('rules.problem.notANumber', { name, raw: p.raw });
  if (p.kind === 'out-of-range') return t('rules.problem.outOfRange', { name, min: String(p.min), max: String(p.max) });
  return t('rules.problem.order', {
    name,
    other: THRESHOLD_NAMES[p.other],
    fallback: p.other === 'greenAbove' ? 'no' : 'yes',
  });
}

/** Every bad value at once, so one correction fixes them all. */
export function problemsText(t: Translate, problems: readonly ThresholdProblem[]): string {
  return t('rules.problems', { problems: problems.map((p) => problemText(t, p)).join(' ') });
}
