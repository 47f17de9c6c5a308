import type { Correlation } from '../../analysis/stats/pearson.js';
import type {
  CORRELATION_METRICS,
  LevelShare,
  SegmentGroupResult,
  ValueSegmentsResult,
} from '../../analysis/value-segments/compute-value-segments.js';
import { VALUE_METRICS, type ValueMetric } from '../../analysis/value-segments/value-metrics.js';
import { buildValueSegmentCharts } from '../../charts/value-segments/value-segment-charts.js';
import type { TableReadReport } from '../../data/read-table.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import { joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import type { AnswerSection, AnswerTable, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { tableGapText } from '../table-gap-text.js';
import { valueSegmentsLead } from './value-segments-lead.js';
import type { ValueSegmentsOptions } from './value-segments-options.js';

/** Levels listed per category mix; the rest are in the JSON. */
const MIX_ROWS = 6;

const MONEY_METRICS: readonly ValueMetric[] = ['ltv', 'revenue'];

export function presentValueSegments(
  result: ValueSegmentsResult,
  options: ValueSegmentsOptions,
  reads: readonly TableReadReport[],
  locale: Locale = 'en',
): CommandAnswer {
  const byGroup = new Map(result.groups.map((g) => [g.group, g]));
  const hv = byGroup.get('HV') as SegmentGroupResult;
  const smb = byGroup.get('SMB') as SegmentGroupResult;
  const other = byGroup.get('Other') as SegmentGroupResult;
  const all = byGroup.get('All') as SegmentGroupResult;
  const groups = [hv, smb, other, all];
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const w: Words = { t, fmt, group: (g) => t(`value.details.group.${g.group}`) };
  const sections: AnswerSection[] = [];

  sections.push({
    kind: 'table',
    title: t('value.details.meansTitle'),
    table: meansTable(groups, w),
    note: t('value.details.meansNote'),
  });

  if (result.funnel.available) {
    sections.push({
      kind: 'table',
      title: t('value.details.funnelTitle'),
      table: {
        columns: t('value.details.funnelColumns').split('|'),
        align: ['left', 'right', 'right', 'right'],
        rows: groups.map((g) => [
          w.group(g),
          fmt.count(g.funnel?.joined),
          fmt.number(g.funnel?.consistency.mean),
          fmt.money(g.funnel?.velocity.mean),
        ]),
      },
      note: t('value.details.funnelNote', { joined: fmt.count(result.funnel.joined), n: result.n }),
    });
  } else {
    sections.push({
      kind: 'unavailable',
      title: t('value.details.funnelMissingTitle'),
      reason: t('value.details.funnelMissing', { reason: tableGapText(t, result.funnel.gap) }),
    });
  }
  sections.push({
    kind: 'table',
    title: result.funnel.available ? t('value.details.proxiesTitle') : t('value.details.proxiesOnlyTitle'),
    table: {
      columns: t('value.details.proxyColumns').split('|'),
      align: ['left', 'right', 'right', 'right'],
      rows: groups.map((g) => [
        w.group(g),
        fmt.fixed(g.proxies.consistency.mean, 3),
        fmt.money(g.proxies.ltvVelocity.mean),
        fmt.fixed(g.proxies.inactivity.mean, 3),
      ]),
    },
    note: t('value.details.proxiesNote'),
  });

  // Category levels in the reader's language; a level the catalogue does not know is shown as the export spells it.
  const level = (kind: 'stage' | 'rfm' | 'model') => (raw: string) => termFor(locale, kind, raw);
  sections.push(mixSection('lifecycle', groups, (g) => g.lifecycle, w, level('stage')));
  sections.push(mixSection('rfmSegment', groups, (g) => g.rfmSegment, w, level('rfm')));
  sections.push(mixSection('engagementModel', groups, (g) => g.engagementModel, w, level('model')));
  sections.push(correlationSection(all, w));

  const provenance = buildProvenance({
    reads,
    n: result.n,
    filters: [t('value.details.filterLatest')],
    thresholds: [
      t('value.details.thresholdHv', { cut: String(options.cut) }),
      t('value.details.thresholdSmb', { cut: String(options.cut) }),
      t('value.details.thresholdOther'),
    ],
    notes: [
      t('value.details.noteComplete', { n: fmt.count(all.completeCases) }),
      ...(result.inactivity.missing > 0 ? [t('value.details.noteInactivity', { n: result.inactivity.missing })] : []),
    ],
    locale,
  });

  return {
    command: `/value-segments${options.cut !== 0.05 ? ` cut=${options.cut}` : ''}`,
    title: t('value.title'),
    lead: valueSegmentsLead(result, hv, smb, provenance, options, locale),
    headline: headline(result, hv, smb, w),
    sections,
    provenance,
    charts: buildValueSegmentCharts(result, locale),
    chartsOmitted: 0,
    data: { options, ...result, rfmLtv: { ...result.rfmLtv, points: result.rfmLtv.points.length } },
  };
}

/** What the method part words and formats with: the reader's catalogue and number formatter. */
interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly group: (g: SegmentGroupResult) => string;
}

function headline(result: ValueSegmentsResult, hv: SegmentGroupResult, smb: SegmentGroupResult, w: Words): string {
  const { t, fmt } = w;
  const share = (g: SegmentGroupResult) => fmt.percent(result.n > 0 ? g.n / result.n : null);
  const first = t('value.details.headlineFirst', {
    hv: fmt.count(hv.n),
    hvShare: share(hv),
    smb: fmt.count(smb.n),
    smbShare: share(smb),
    n: fmt.count(result.n),
  });
  if (hv.n === 0 || smb.n === 0) {
    return joinSentences(t, [first, t('value.details.headlineNone', { missing: hv.n === 0 ? 'hv' : 'smb' })]);
  }
  const m = (g: SegmentGroupResult, k: ValueMetric) => g.means[k].mean;
  const second = t('value.details.headlineMeans', {
    hvLtv: fmt.money(m(hv, 'ltv')),
    smbLtv: fmt.money(m(smb, 'ltv')),
    hvHealth: fmt.number(m(hv, 'health')),
    smbHealth: fmt.number(m(smb, 'health')),
    hvChurn: fmt.percent(m(hv, 'churn')),
    smbChurn: fmt.percent(m(smb, 'churn')),
    hvRfm: fmt.number(m(hv, 'rfm')),
    smbRfm: fmt.number(m(smb, 'rfm')),
  });
  const third = result.funnel.available
    ? t('value.details.headlineFunnel')
    : t('value.details.headlineProxies', {
        hv: fmt.fixed(hv.proxies.consistency.mean, 3),
        smb: fmt.fixed(smb.proxies.consistency.mean, 3),
      });
  return joinSentences(t, [first, second, third]);
}

function meansTable(groups: readonly SegmentGroupResult[], { t, fmt, group }: Words): AnswerTable {
  return {
    columns: [t('value.details.metric'), ...groups.map(group)],
    align: ['left', ...groups.map(() => 'right' as const)],
    rows: [
      [t('value.details.customersN'), ...groups.map((g) => fmt.count(g.n))],
      ...VALUE_METRICS.map((metric) => [
        t(`value.details.metric.${metric}`),
        ...groups.map((g) => {
          const value = g.means[metric].mean;
          if (MONEY_METRICS.includes(metric)) return fmt.money(value);
          if (metric === 'churn') return fmt.percent(value);
          return fmt.number(value);
        }),
      ]),
    ],
  };
}

function mixSection(
  what: 'lifecycle' | 'rfmSegment' | 'engagementModel',
  groups: readonly SegmentGroupResult[],
  levelsOf: (g: SegmentGroupResult) => readonly LevelShare[],
  { t, fmt, group }: Words,
  levelName: (raw: string) => string,
): AnswerSection {
  const name = t(`value.details.mix.${what}`);
  const shown = groups.slice(0, 3);
  const labels = levelsOf(groups[3] as SegmentGroupResult).map((l) => l.label);
  if (labels.length === 0) return { kind: 'unavailable', title: name, reason: t('value.details.mixEmpty') };
  return {
    kind: 'table',
    title: t('value.details.mixTitle', { what: name }),
    table: {
      columns: [t('value.details.level'), ...shown.map(group)],
      align: ['left', 'right', 'right', 'right'],
      rows: labels.slice(0, MIX_ROWS).map((label) => [
        levelName(label),
        ...shown.map((g) => {
          const level = levelsOf(g).find((l) => l.label === label);
          return g.n === 0
            ? fmt.missing
            : t('value.details.mixCell', {
                n: fmt.count(level?.n ?? 0),
                share: fmt.percent(level?.share ?? 0, { decimals: 0 }),
              });
        }),
      ]),
    },
    ...(labels.length > MIX_ROWS ? { note: t('value.details.mixMore', { n: String(labels.length - MIX_ROWS) }) } : {}),
  };
}

function correlationSection(all: SegmentGroupResult, { t, fmt }: Words): AnswerSection {
  if (all.completeCases < 3) {
    return {
      kind: 'unavailable',
      title: t('value.details.corrTitle'),
      reason: t('value.details.corrFew', { n: all.completeCases }),
    };
  }
  const pair = (metric: (typeof CORRELATION_METRICS)[number]) => t(`value.details.pair.${metric}`);
  return {
    kind: 'table',
    title: t('value.details.corrTitleN', { n: fmt.count(all.completeCases) }),
    table: {
      columns: t('value.details.corrColumns').split('|'),
      align: ['left', 'right', 'right', 'right'],
      rows: all.correlations.map((c) => [`${pair(c.a)} × ${pair(c.b)}`, ...correlationCells(c.correlation, t, fmt)]),
    },
  };
}

function correlationCells(c: Correlation, t: Translate, fmt: NumberFormat): string[] {
  if (c.kind === 'too-few-rows') return [t('value.details.corrFewRows'), fmt.missing, fmt.missing];
  if (c.kind === 'constant') return [t('value.details.corrConstant'), fmt.missing, fmt.missing];
  return [fmt.fixed(c.r, 3), fmt.fixed(c.t, 2), fmt.pValue(c.p)];
}
