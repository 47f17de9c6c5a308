import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { Availability } from '../../analysis/investment-mismatch/mismatch-types.js';
import type { NumberFormat } from '../../format/number-format.js';
import { joinList, joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { termFor } from '../../i18n/translate.js';
import type { AnswerSection } from '../command-answer.js';
import { onboardingSection, teamSection } from './investment-mismatch-top-group.js';
import {
  BULLET_COLUMNS,
  formatCorrelation,
  missingColumnReason,
  roiText,
  type Words,
  wordsFor,
} from './investment-mismatch-words.js';

/**
 * §1 answer sections. Each bullet is a table or an `unavailable` section with its reason;
 * `missingColumns` turns "no values" into "the export lacks column X", which a person can fix.
 */

/** Rows shown per table in the answer; --json carries everything. */
export const TABLE_ROWS = 8;

/** Cut-offs keep up to four decimals, trailing zeros dropped: 1.6514, 3, 0.3497. */
const cutoff = (fmt: NumberFormat, x: number | null) => fmt.decimal(x, 4);

export function buildSections(
  result: InvestmentMismatchFigures,
  missing: readonly string[],
  locale: Locale = 'en',
): AnswerSection[] {
  const w = wordsFor(locale);
  const { t, fmt } = w;
  const p = result.population;
  const sections: AnswerSection[] = [
    {
      kind: 'text',
      title: t('mismatch.details.priorityTitle'),
      lines: [
        t('mismatch.details.valid', { n: fmt.count(result.validCount) }),
        t('mismatch.details.topLine', {
          share: fmt.percent(result.options.topShare, { decimals: 0 }),
          count: p.topCount,
          n: fmt.count(p.topCount),
          cutoff: cutoff(fmt, p.priorityCutoff),
        }),
        t('mismatch.details.bottomLine', {
          share: fmt.percent(result.options.bottomShare, { decimals: 0 }),
          cutoff: cutoff(fmt, p.compositeCutoff),
        }),
        t('mismatch.details.mismatchedLine', {
          n: fmt.count(p.mismatchedCount),
          rate: fmt.percent(result.mismatchRate),
        }),
      ],
    },
    ...roiSections(result, missing, w),
    ...cellSections(result, missing, w),
    onboardingSection(result, missing, w),
    teamSection(result, missing, w),
    biasSection(result, w),
  ];
  return sections;
}

function orUnavailable<T>(
  title: string,
  value: Availability<T>,
  columns: readonly string[],
  missing: readonly string[],
  locale: Locale,
  present: (v: T) => AnswerSection,
): AnswerSection {
  const reason = missingColumnReason(columns, missing, locale);
  if (reason !== null) return { kind: 'unavailable', title, reason };
  return value.available ? present(value.value) : { kind: 'unavailable', title, reason: value.reason };
}

function roiSections(result: InvestmentMismatchFigures, missing: readonly string[], w: Words): AnswerSection[] {
  const { t, fmt, locale } = w;
  const { roi, byStage } = result.roiAndLifecycle;
  const roiTitle = t('mismatch.details.roiTitle');
  const stageTitle = t('mismatch.details.roiStageTitle');
  return [
    orUnavailable(roiTitle, roi, BULLET_COLUMNS.roi, missing, locale, (r) => ({
      kind: 'text',
      title: roiTitle,
      lines: [
        t('mismatch.details.roiLine', {
          n: fmt.count(r.n),
          p1: roiText(w, r.p1),
          median: roiText(w, r.median),
          mean: roiText(w, r.mean),
          p99: roiText(w, r.p99),
        }),
        t('mismatch.details.roiAboveOne', { share: fmt.percent(r.shareAboveOne) }),
      ],
    })),
    orUnavailable(stageTitle, byStage, BULLET_COLUMNS.stage, missing, locale, (stages) => ({
      kind: 'table',
      title: stageTitle,
      table: {
        columns: t('mismatch.details.roiStageColumns').split('|'),
        align: ['left', 'right', 'right', 'right', 'right', 'right'],
        rows: stages.map((s) => [
          termFor(locale, 'stage', s.stage),
          fmt.count(s.n),
          roiText(w, s.mean),
          roiText(w, s.median),
          roiText(w, s.q1),
          roiText(w, s.q3),
        ]),
      },
    })),
  ];
}

function cellSections(result: InvestmentMismatchFigures, missing: readonly string[], w: Words): AnswerSection[] {
  const { t, fmt, locale } = w;
  const { cells, minCellSize, smallCells, customersInSmallCells } = result.segmentCells;
  const note =
    smallCells > 0
      ? t('mismatch.details.smallCells', {
          cells: fmt.count(smallCells),
          customers: fmt.count(customersInSmallCells),
          min: String(minCellSize),
        })
      : undefined;
  const title = t('mismatch.details.cellsTitle', { min: String(minCellSize) });
  const cellName = (c: { industry: string; sizeTier: string }) => `${c.industry} × ${c.sizeTier}`;
  const risk = orUnavailable(title, cells, BULLET_COLUMNS.cells, missing, locale, (list) => ({
    kind: 'table',
    title,
    table: {
      columns: t('mismatch.details.cellsColumns').split('|'),
      align: ['left', 'right', 'right', 'right', 'right', 'right'],
      rows: list
        .slice(0, TABLE_ROWS)
        .map((c) => [
          cellName(c),
          fmt.count(c.n),
          fmt.count(c.mismatched),
          fmt.percent(c.mismatchRate),
          fmt.fixed(c.relativeRisk?.rr, 2),
          c.relativeRisk?.ci
            ? `${fmt.fixed(c.relativeRisk.ci[0], 2)}–${fmt.fixed(c.relativeRisk.ci[1], 2)}`
            : fmt.missing,
        ]),
    },
    ...(note ? { note } : {}),
  }));
  const gapTitle = t('mismatch.details.gapsTitle');
  const vs = (mismatched: string, rest: string) => t('mismatch.details.vs', { mismatched, rest });
  const gaps = orUnavailable(gapTitle, cells, BULLET_COLUMNS.cells, missing, locale, (list) => ({
    kind: 'table',
    title: gapTitle,
    table: {
      columns: t('mismatch.details.gapsColumns').split('|'),
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: list
        .slice(0, TABLE_ROWS)
        .map((c) => [
          cellName(c),
          vs(fmt.fixed(c.mismatchedMeans.adoption, 2), fmt.fixed(c.restMeans.adoption, 2)),
          vs(fmt.fixed(c.mismatchedMeans.support, 2), fmt.fixed(c.restMeans.support, 2)),
          vs(fmt.money(c.mismatchedMeans.sales), fmt.money(c.restMeans.sales)),
          c.gapShares
            ? [c.gapShares.sales, c.gapShares.adoption, c.gapShares.support]
                .map((s) => fmt.percent(s, { decimals: 0 }))
                .join(' / ')
            : fmt.missing,
        ]),
    },
  }));
  return [risk, gaps];
}

function biasSection(result: InvestmentMismatchFigures, w: Words): AnswerSection {
  const { t, fmt, locale } = w;
  const b = result.bias;
  const tertiles = b.tertiles.map((x) =>
    t('mismatch.details.tertile', {
      tertile: String(x.tertile),
      mean: fmt.fixed(x.meanComposite, 3),
      n: fmt.count(x.n),
    }),
  );
  const monotone =
    b.monotone === null
      ? t('mismatch.details.monotoneUnknown')
      : b.monotone
        ? t('mismatch.details.monotoneYes')
        : t('mismatch.details.monotoneNo');
  return {
    kind: 'text',
    title: t('mismatch.details.biasTitle'),
    lines: [
      t('mismatch.details.corrComposite', { corr: formatCorrelation(b.priorityComposite, locale) }),
      t('mismatch.details.corrRoi', { corr: formatCorrelation(b.priorityRoi, locale) }),
      t('mismatch.details.tertiles', { tertiles: joinList(t, tertiles), monotone }),
      t('mismatch.details.roiGap', {
        other: roiText(w, b.meanRoiOtherTop),
        mismatched: roiText(w, b.meanRoiMismatched),
        gap: fmt.signed(b.roiGap, (v) => fmt.fixed(v, 2)),
      }),
    ],
  };
}

export function buildHeadline(result: InvestmentMismatchFigures, locale: Locale = 'en'): string {
  const { t, fmt } = wordsFor(locale);
  const p = result.population;
  if (result.validCount === 0) return t('mismatch.details.headlineNone');
  const first = t('mismatch.details.headlineFirst', {
    mismatched: fmt.count(p.mismatchedCount),
    top: fmt.count(p.topCount),
    rate: fmt.percent(result.mismatchRate),
  });
  const r = result.bias.priorityComposite;
  const second =
    r.kind === 'ok'
      ? t('mismatch.details.headlineTracks', { barely: Math.abs(r.r) < 0.3 ? 'yes' : 'no', r: fmt.fixed(r.r, 2) })
      : '';
  const worst = result.segmentCells.cells.available ? result.segmentCells.cells.value[0] : undefined;
  const third =
    worst?.relativeRisk && worst.relativeRisk.rr > 1
      ? t('mismatch.details.headlineWorst', {
          cell: `${worst.industry} × ${worst.sizeTier}`,
          rate: fmt.percent(worst.mismatchRate),
          rr: fmt.fixed(worst.relativeRisk.rr, 2),
        })
      : '';
  return joinSentences(t, [first, second, third]);
}
