import type { Correlation } from '../../analysis/stats/pearson.js';
import type {
  CORRELATION_METRICS,
  LevelShare,
  SegmentGroupResult,
  ValueSegmentsResult,
} from '../../analysis/value-segments/compute-value-segments.js';
import { VALUE_METRIC_LABELS, VALUE_METRICS, type ValueMetric } from '../../analysis/value-segments/value-metrics.js';
import { buildValueSegmentCharts } from '../../charts/value-segments/value-segment-charts.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { AnswerSection, AnswerTable, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { valueSegmentsLead } from './value-segments-lead.js';
import type { ValueSegmentsOptions } from './value-segments-options.js';

const fmt = numberFormat();

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
  const sections: AnswerSection[] = [];

  sections.push({
    kind: 'table',
    title: 'Group means',
    table: meansTable(groups),
    note: 'Each mean is over the rows having the value; n/a = no row has it.',
  });

  if (result.funnel.available) {
    sections.push({
      kind: 'table',
      title: 'Consistency and velocity (funnel table, latest row per email)',
      table: {
        columns: ['Group', 'Joined', 'Cross-stage consistency', 'Revenue velocity / month'],
        align: ['left', 'right', 'right', 'right'],
        rows: groups.map((g) => [
          g.group,
          fmt.count(g.funnel?.joined),
          fmt.number(g.funnel?.consistency.mean),
          fmt.money(g.funnel?.velocity.mean),
        ]),
      },
      note: `${fmt.count(result.funnel.joined)} of ${plural(result.n, 'customer')} have a funnel row.`,
    });
  } else {
    sections.push({
      kind: 'unavailable',
      title: 'Consistency and velocity from the funnel table',
      reason: `${result.funnel.reason}; the proxies below stand in for them.`,
    });
  }
  sections.push({
    kind: 'table',
    title: result.funnel.available
      ? 'Proxies from the value table (for comparison)'
      : 'Consistency and velocity (proxies from the value table)',
    table: {
      columns: ['Group', 'Consistency 1/(1+var RFM)', 'LTV velocity / month', 'Inactivity ratio'],
      align: ['left', 'right', 'right', 'right'],
      rows: groups.map((g) => [
        g.group,
        fmt.fixed(g.proxies.consistency.mean, 3),
        fmt.money(g.proxies.ltvVelocity.mean),
        fmt.fixed(g.proxies.inactivity.mean, 3),
      ]),
    },
    note: 'Inactivity = days since last activity / account age; zero or missing ages are left out.',
  });

  sections.push(mixSection('Lifecycle stage', groups, (g) => g.lifecycle));
  sections.push(mixSection('RFM segment', groups, (g) => g.rfmSegment));
  sections.push(mixSection('Recommended engagement model', groups, (g) => g.engagementModel));
  sections.push(correlationSection(all));

  const provenance = buildProvenance({
    reads,
    n: result.n,
    filters: ['latest value row per email'],
    thresholds: [
      `HV = Gold/Platinum and portfolio share > ${options.cut}`,
      `SMB = Basic/Bronze/Silver and share ≤ ${options.cut}`,
      'Other = everything else (NULL tier or share included)',
    ],
    notes: [
      `correlations on ${fmt.count(all.completeCases)} complete cases (health, churn, LTV, revenue and RFM all present)`,
      ...(result.inactivity.missing > 0
        ? [`${plural(result.inactivity.missing, 'customer')} without days since last activity`]
        : []),
    ],
  });

  return {
    command: `/value-segments${options.cut !== 0.05 ? ` cut=${options.cut}` : ''}`,
    title: translator(locale)('value.title'),
    lead: valueSegmentsLead(result, hv, smb, provenance, options, locale),
    headline: headline(result, hv, smb),
    sections,
    provenance,
    charts: buildValueSegmentCharts(result, locale),
    chartsOmitted: 0,
    data: { options, ...result, rfmLtv: { ...result.rfmLtv, points: result.rfmLtv.points.length } },
  };
}

function headline(result: ValueSegmentsResult, hv: SegmentGroupResult, smb: SegmentGroupResult): string {
  const share = (g: SegmentGroupResult) => fmt.percent(result.n > 0 ? g.n / result.n : null);
  const first = `*${fmt.count(hv.n)} high-value* customers (${share(hv)}) and *${fmt.count(smb.n)} SMB* (${share(smb)}) of ${fmt.count(result.n)}.`;
  if (hv.n === 0 || smb.n === 0) {
    return `${first} With ${hv.n === 0 ? 'no high-value' : 'no SMB'} customer the two cannot be compared; see the group table for what exists.`;
  }
  const m = (g: SegmentGroupResult, k: ValueMetric) => g.means[k].mean;
  const second = `HV average LTV ${fmt.money(m(hv, 'ltv'))} vs ${fmt.money(m(smb, 'ltv'))}, health ${fmt.number(m(hv, 'health'))} vs ${fmt.number(m(smb, 'health'))}, churn ${fmt.percent(m(hv, 'churn'))} vs ${fmt.percent(m(smb, 'churn'))}, RFM ${fmt.number(m(hv, 'rfm'))} vs ${fmt.number(m(smb, 'rfm'))}.`;
  const third = result.funnel.available
    ? 'Consistency and velocity come from the funnel table.'
    : `The funnel table is empty, so consistency and velocity are proxies: HV consistency ${fmt.fixed(hv.proxies.consistency.mean, 3)} vs SMB ${fmt.fixed(smb.proxies.consistency.mean, 3)}.`;
  return `${first} ${second} ${third}`;
}

function meansTable(groups: readonly SegmentGroupResult[]): AnswerTable {
  return {
    columns: ['Metric', ...groups.map((g) => g.group)],
    align: ['left', ...groups.map(() => 'right' as const)],
    rows: [
      ['Customers (n)', ...groups.map((g) => fmt.count(g.n))],
      ...VALUE_METRICS.map((metric) => [
        VALUE_METRIC_LABELS[metric],
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
  title: string,
  groups: readonly SegmentGroupResult[],
  levelsOf: (g: SegmentGroupResult) => readonly LevelShare[],
): AnswerSection {
  const shown = groups.slice(0, 3);
  const labels = levelsOf(groups[3] as SegmentGroupResult).map((l) => l.label);
  if (labels.length === 0) return { kind: 'unavailable', title, reason: 'the value table has no rows.' };
  return {
    kind: 'table',
    title: `${title} mix`,
    table: {
      columns: ['Level', ...shown.map((g) => g.group)],
      align: ['left', 'right', 'right', 'right'],
      rows: labels.slice(0, MIX_ROWS).map((label) => [
        label,
        ...shown.map((g) => {
          const level = levelsOf(g).find((l) => l.label === label);
          return g.n === 0 ? 'n/a' : `${fmt.count(level?.n ?? 0)} (${fmt.percent(level?.share ?? 0, { decimals: 0 })})`;
        }),
      ]),
    },
    ...(labels.length > MIX_ROWS ? { note: `${labels.length - MIX_ROWS} more levels in the JSON.` } : {}),
  };
}

function correlationSection(all: SegmentGroupResult): AnswerSection {
  if (all.completeCases < 3) {
    return {
      kind: 'unavailable',
      title: 'Correlation matrix',
      reason: `too few rows: only ${plural(all.completeCases, 'customer')} ${all.completeCases === 1 ? 'has' : 'have'} health, churn, LTV, revenue and RFM all present (3 needed).`,
    };
  }
  return {
    kind: 'table',
    title: `Correlations (all customers, n = ${fmt.count(all.completeCases)} complete cases)`,
    table: {
      columns: ['Pair', 'r', 't', 'p'],
      align: ['left', 'right', 'right', 'right'],
      rows: all.correlations.map((c) => [`${NAMES[c.a]} × ${NAMES[c.b]}`, ...correlationCells(c.correlation)]),
    },
  };
}

const NAMES: Readonly<Record<(typeof CORRELATION_METRICS)[number], string>> = {
  health: 'Health',
  churn: 'Churn',
  ltv: 'LTV',
  revenue: 'Revenue',
  rfm: 'RFM',
};

function correlationCells(c: Correlation): string[] {
  if (c.kind === 'too-few-rows') return ['too few rows', 'n/a', 'n/a'];
  if (c.kind === 'constant') return ['constant column', 'n/a', 'n/a'];
  return [fmt.fixed(c.r, 3), fmt.fixed(c.t, 2), fmt.pValue(c.p)];
}
