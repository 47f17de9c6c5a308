import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { AnswerSection } from '../command-answer.js';
import {
  BULLET_COLUMNS,
  formatCorrelation,
  missingColumnReason,
  roiText,
  type Words,
} from './investment-mismatch-words.js';

/** The top-priority group's method parts: onboarding against adoption, and ROI by team size × decision maker. */
export function onboardingSection(
  result: InvestmentMismatchFigures,
  missing: readonly string[],
  w: Words,
): AnswerSection {
  const { t, fmt, locale } = w;
  const title = t('mismatch.details.onboardingTitle');
  const reason = missingColumnReason(BULLET_COLUMNS.onboarding, missing, locale);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  const o = result.onboarding;
  if (o.points.length === 0) {
    return { kind: 'unavailable', title, reason: t('mismatch.details.noOnboarding') };
  }
  return {
    kind: 'table',
    title,
    table: {
      columns: t('mismatch.details.onboardingColumns').split('|'),
      align: ['left', 'left', 'right', 'right', 'right'],
      rows: o.bins.map((b) => [
        t(`chart.mismatch.group.${b.group}`),
        b.label,
        fmt.count(b.n),
        fmt.fixed(b.meanAdoption, 3),
        roiText(w, b.meanRoi),
      ]),
    },
    note: t('mismatch.details.onboardingNote', {
      mismatched: formatCorrelation(o.correlations.mismatched, locale),
      other: formatCorrelation(o.correlations['other-top'], locale),
    }),
  };
}

export function teamSection(result: InvestmentMismatchFigures, missing: readonly string[], w: Words): AnswerSection {
  const { t, fmt, locale } = w;
  const title = t('mismatch.details.teamTitle');
  const reason = missingColumnReason(BULLET_COLUMNS.team, missing, locale);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  const tl = result.teamAndLevel;
  if (tl.teamExec.every((c) => c.n === 0)) {
    return { kind: 'unavailable', title, reason: t('mismatch.details.noTeam') };
  }
  const cell = (bin: string, executive: boolean, group: 'mismatched' | 'other-top') =>
    tl.teamExec.find((c) => c.bin === bin && c.executive === executive && c.group === group);
  const withN = (roi: number | null | undefined, n: number | undefined) =>
    t('mismatch.details.roiWithN', { roi: roiText(w, roi), n: fmt.count(n) });
  const rows = ['small', 'medium', 'large'].flatMap((bin) =>
    [true, false].map((executive) => {
      const m = cell(bin, executive, 'mismatched');
      const r = cell(bin, executive, 'other-top');
      return [
        m?.binLabel ?? bin,
        executive ? t('mismatch.details.executive') : t('mismatch.details.otherLevel'),
        withN(m?.meanRoi, m?.n),
        withN(r?.meanRoi, r?.n),
      ];
    }),
  );
  return {
    kind: 'table',
    title,
    table: {
      columns: t('mismatch.details.teamColumns').split('|'),
      align: ['left', 'left', 'right', 'right'],
      rows,
    },
    note: t('mismatch.details.teamNote', {
      mismatched: formatCorrelation(tl.teamSizeRoi.mismatched, locale),
      other: formatCorrelation(tl.teamSizeRoi['other-top'], locale),
    }),
  };
}
