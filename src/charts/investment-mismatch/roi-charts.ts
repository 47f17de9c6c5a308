import type { RoiAndLifecycle } from '../../analysis/investment-mismatch/roi-lifecycle.js';
import type { TeamAndLevel } from '../../analysis/investment-mismatch/team-and-level.js';
import type { Locale } from '../../i18n/locale.js';
import type { ChartDefinition, TopLevelSpec } from '../chart-definition.js';
import { chartTitle } from '../chart-title.js';
import { CATEGORY_PALETTE, GROW_HEIGHT_AUTOSIZE, withTheme } from '../theme.js';
import { label, SCHEMA, SMALL_GROUP } from './chart-parts.js';
import { groupedBars, groupNames, roiGapTitle, wordsFor } from './roi-chart-parts.js';

/** §1 ROI charts: box plot by lifecycle stage, stage mix, and grouped bars by decision level and team size. */

export function buildRoiByLifecycleChart(roi: RoiAndLifecycle, locale: Locale = 'en'): ChartDefinition | null {
  if (!roi.byStage.available) return null;
  const w = wordsFor(locale);
  const { t } = w;
  const stages = roi.byStage.value;
  const n = stages.reduce((sum, s) => sum + s.n, 0);
  const values = stages.map((s) => ({
    ...s,
    stage: label(w.stage(s.stage)),
    text: t('chart.roi.boxText', {
      median: w.roi(s.median),
      n: w.count(s.n),
      few: s.n < SMALL_GROUP ? 'yes' : 'no',
    }),
  }));
  const medians = stages.map((s) => s.median);
  // Stages sort by median; the lead is the first with enough customers to rank.
  const best = stages.find((s) => s.n >= SMALL_GROUP);
  const span = { low: w.roi(Math.min(...medians)), high: w.roi(Math.max(...medians)), small: String(SMALL_GROUP) };
  const title = best
    ? t('chart.roi.lifecycleTitle', { ...span, stage: w.stage(best.stage) })
    : t('chart.roi.lifecycleTitleFew', span);
  const high = Math.max(...stages.map((s) => s.max));
  const y = { field: 'stage', type: 'nominal', sort: values.map((v) => v.stage), title: null };
  const spec = {
    $schema: SCHEMA,
    autosize: GROW_HEIGHT_AUTOSIZE,
    height: Math.max(200, stages.length * 48),
    title: chartTitle(title, [
      t('chart.roi.lifecycleSubtitle', { n: w.count(n) }),
      t('chart.roi.lifecycleSubtitle2', { small: String(SMALL_GROUP) }),
    ]),
    data: { values },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', color: '#555555' },
        encoding: {
          x: {
            field: 'min',
            type: 'quantitative',
            title: t('chart.roi.axis'),
            scale: { domain: [0, high * 1.6], nice: false },
          },
          x2: { field: 'max' },
        },
      },
      {
        mark: { type: 'bar', height: { band: 0.55 }, color: CATEGORY_PALETTE[0], fillOpacity: 0.85 },
        encoding: { x: { field: 'q1', type: 'quantitative' }, x2: { field: 'q3' } },
      },
      {
        mark: { type: 'tick', color: '#FFFFFF', thickness: 3, size: 26 },
        encoding: { x: { field: 'median', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6 },
        encoding: { x: { field: 'max', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
  const top = stages[0];
  return {
    id: 'roi-by-lifecycle',
    title,
    altText: top
      ? t('chart.roi.lifecycleAlt', { stage: w.stage(top.stage), roi: w.roi(top.median) })
      : t('chart.roi.noStage'),
    spec: withTheme(spec as unknown as TopLevelSpec),
  };
}

export function buildLifecycleMixChart(roi: RoiAndLifecycle, locale: Locale = 'en'): ChartDefinition | null {
  if (!roi.stageMix.available) return null;
  const w = wordsFor(locale);
  const { t } = w;
  const groups = groupNames(locale);
  const shares = roi.stageMix.value;
  const totals = { mismatched: 0, 'other-top': 0 };
  for (const s of shares) totals[s.group] += s.n;
  const mismatchedShare = (stage: string) =>
    shares.find((s) => s.stage === stage && s.group === 'mismatched')?.share ?? 0;
  const stages = [...new Set(shares.map((s) => s.stage))].sort(
    (a, b) => mismatchedShare(b) - mismatchedShare(a) || a.localeCompare(b),
  );
  const values = shares.map((s) => ({
    stage: label(w.stage(s.stage)),
    group: groups[s.group],
    share: s.share,
    text: t('chart.roi.barText', { value: w.percent(s.share), n: w.count(s.n) }),
  }));
  const lead = stages[0];
  const restShare = (stage: string) => shares.find((s) => s.stage === stage && s.group === 'other-top')?.share ?? 0;
  const title = lead
    ? t('chart.roi.mixTitle', {
        share: w.percent(mismatchedShare(lead)),
        stage: w.stage(lead),
        rest: w.percent(restShare(lead)),
      })
    : t('chart.roi.mixTitleNone');
  const spec = groupedBars({
    title,
    subtitle: [
      t('chart.roi.mixSubtitle', { mismatched: w.count(totals.mismatched), rest: w.count(totals['other-top']) }),
      t('chart.roi.mixSubtitle2'),
    ],
    values,
    category: 'stage',
    categories: stages.map((s) => label(w.stage(s))),
    measure: 'share',
    measureTitle: t('chart.roi.shareAxis'),
    locale,
    format: '.0%',
    domainMax: Math.max(...shares.map((s) => s.share)) * 1.3,
    axisValues: [0, 0.25, 0.5, 0.75, 1],
  });
  const first = stages[0];
  return {
    id: 'lifecycle-distribution',
    title,
    altText: first
      ? t('chart.roi.mixAlt', { stage: w.stage(first), share: w.percent(mismatchedShare(first)) })
      : t('chart.roi.noStage'),
    spec: withTheme(spec),
  };
}

export function buildRoiByDecisionLevelChart(team: TeamAndLevel, locale: Locale = 'en'): ChartDefinition | null {
  const cells = team.decisionLevels.filter((c) => c.meanRoi !== null);
  if (cells.length === 0) return null;
  const w = wordsFor(locale);
  const { t } = w;
  const groups = groupNames(locale);
  const levels = [...new Set(team.decisionLevels.map((c) => c.level))];
  const values = cells.map((c) => ({
    level: label(c.level),
    group: groups[c.group],
    roi: c.meanRoi,
    n: c.n,
    text: t('chart.roi.barText', { value: w.roi(c.meanRoi), n: w.count(c.n) }),
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = roiGapTitle(
    cells.map((c) => ({ key: c.level, group: c.group, roi: c.meanRoi, n: c.n })),
    t('chart.roi.levelNoun'),
    w,
  );
  return {
    id: 'roi-by-decision-level',
    title,
    altText: t('chart.roi.levelAlt'),
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          t('chart.roi.levelSubtitle', { n: w.count(n) }),
          t('chart.roi.meanSubtitle', { small: String(SMALL_GROUP) }),
        ],
        values,
        category: 'level',
        categories: levels.map(label),
        measure: 'roi',
        measureTitle: t('chart.roi.meanAxis'),
        locale,
        format: '.2~r',
        domainMax: Math.max(...cells.map((c) => c.meanRoi as number)) * 1.3,
      }),
    ),
  };
}

export function buildRoiByTeamSizeChart(team: TeamAndLevel, locale: Locale = 'en'): ChartDefinition | null {
  const cells = team.teamExec.filter((c) => c.meanRoi !== null);
  if (cells.length === 0) return null;
  const w = wordsFor(locale);
  const { t } = w;
  const groups = groupNames(locale);
  const rowLabel = (c: { binLabel: string; executive: boolean }) =>
    t('chart.roi.teamRow', { bin: c.binLabel, executive: c.executive ? 'yes' : 'no' });
  const rows = [...new Set(team.teamExec.map(rowLabel))];
  const values = cells.map((c) => ({
    row: rowLabel(c),
    group: groups[c.group],
    roi: c.meanRoi,
    n: c.n,
    text: t('chart.roi.barText', { value: w.roi(c.meanRoi), n: w.count(c.n) }),
  }));
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const title = roiGapTitle(
    cells.map((c) => ({ key: rowLabel(c), group: c.group, roi: c.meanRoi, n: c.n })),
    t('chart.roi.teamNoun'),
    w,
  );
  return {
    id: 'roi-by-team-size',
    title,
    altText: t('chart.roi.teamAlt'),
    spec: withTheme(
      groupedBars({
        title,
        subtitle: [
          t('chart.roi.teamSubtitle', { n: w.count(n) }),
          t('chart.roi.meanSubtitle', { small: String(SMALL_GROUP) }),
        ],
        values,
        category: 'row',
        categories: rows,
        measure: 'roi',
        measureTitle: t('chart.roi.meanAxis'),
        locale,
        format: '.2~r',
        domainMax: Math.max(...cells.map((c) => c.meanRoi as number)) * 1.3,
      }),
    ),
  };
}
