import type { Distribution } from '../../analysis/conversion-cohort/cohort-distributions.js';
import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import type {
  CohortFigures,
  ConversionCohortResult,
} from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import type { HealthGroup } from '../../analysis/conversion-cohort/platform-mix.js';
import type { Correlation } from '../../analysis/stats/pearson.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { AnswerSection } from '../command-answer.js';

const fmt = numberFormat();

/** Rows shown in a distribution or cell table; the rest is in --json and the charts. */
const TABLE_ROWS = 10;

export function describeBounds(cohort: ConversionCohortResult): string[] {
  if (cohort.kind !== 'ok') return [];
  const { bounds, compositeThreshold, compositeMean } = cohort.selection;
  const composite =
    bounds.compositeAbove === 'mean'
      ? `composite_engagement_score > ${fmt.fixed(compositeThreshold, 4)} (mean over ${fmt.count(cohort.selection.compositeMeanN)} latest activity rows)`
      : `composite_engagement_score > ${bounds.compositeAbove} (population mean ${fmt.fixed(compositeMean, 4)})`;
  return [
    `marketing_to_sales_days in [${bounds.m2sMin}, ${bounds.m2sMax}]`,
    `sales_to_support_days > ${bounds.s2sAbove}`,
    composite,
  ];
}

export function cohortSections(cohort: CohortFigures, geography: CohortGeography | null): AnswerSection[] {
  const s = cohort.selection.steps;
  const sections: AnswerSection[] = [
    {
      kind: 'text',
      title: 'Cohort',
      lines: [
        `*${fmt.count(cohort.size)}* customers: ${fmt.count(s.joined)} with latest activity and funnel rows → ${fmt.count(s.inMarketingToSalesRange)} with marketing→sales in range → ${fmt.count(s.aboveSalesToSupport)} with sales→support above the bound → ${fmt.count(s.aboveComposite)} above the engagement threshold.`,
      ],
    },
  ];
  if (cohort.size === 0) {
    const reason = `no customer passes all three filters (${describeSteps(cohort)})`;
    for (const title of [
      'Recency / frequency / monetary',
      'LTV against the same tier',
      'Engagement channels',
      'Zendesk active',
    ]) {
      sections.push({ kind: 'unavailable', title, reason });
    }
  } else {
    sections.push(rfmSection(cohort), ...ltvSections(cohort), ...channelSections(cohort), zendeskSection(cohort));
  }
  sections.push(...platformSections(cohort), riskVelocitySection(cohort), geographySection(geography));
  return sections;
}

function describeSteps(cohort: CohortFigures): string {
  const s = cohort.selection.steps;
  return `${s.joined} joined, ${s.inMarketingToSalesRange} in the marketing→sales range, ${s.aboveSalesToSupport} above the sales→support bound, ${s.aboveComposite} above the engagement threshold`;
}

function rfmSection(cohort: CohortFigures): AnswerSection {
  const r = cohort.rfm;
  const row = (name: string, m: { mean: number | null; n: number }) => [name, fmt.fixed(m.mean, 2), fmt.count(m.n)];
  return {
    kind: 'table',
    title: 'Recency / frequency / monetary (value table, 1–5)',
    table: {
      columns: ['Score', 'Cohort mean', 'n'],
      align: ['left', 'right', 'right'],
      rows: [row('Recency', r.recency), row('Frequency', r.frequency), row('Monetary', r.monetary)],
    },
    note: `${fmt.count(r.withValueRow)} of ${fmt.count(cohort.size)} cohort customers have a latest value row.`,
  };
}

function ltvSections(cohort: CohortFigures): AnswerSection[] {
  const { ltv } = cohort;
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: 'LTV against the same tier (value table estimated_customer_ltv)',
      table: {
        columns: ['Tier', 'Cohort n', 'Cohort mean', 'Tier mean (all)', 'Difference', '%', 'Median diff.'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: ltv.byTier.map((t) => [
          t.tier,
          fmt.count(t.cohortN),
          fmt.money(t.cohortMean),
          `${fmt.money(t.tierMean)} (n ${fmt.count(t.tierN)})`,
          fmt.signed(t.difference, (v) => fmt.money(v)),
          fmt.signed(t.differencePct, (v) => fmt.percent(v)),
          fmt.signed(t.medianDifference, (v) => fmt.money(v)),
        ]),
      },
      note: `Per-customer difference from the own tier's mean: mean ${fmt.signed(ltv.perCustomer.mean, (v) => fmt.money(v))}, median ${fmt.signed(ltv.perCustomer.median, (v) => fmt.money(v))} (n = ${fmt.count(ltv.perCustomer.n)}).`,
    },
  ];
  if (ltv.funnelByTier.length > 0) {
    sections.push({
      kind: 'table',
      title: 'Beside it: funnel-table LTV by the funnel’s own tier (a lower scale)',
      table: {
        columns: ['Tier', 'Cohort n', 'Cohort mean', 'All n', 'All mean'],
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: ltv.funnelByTier.map((t) => [
          t.tier,
          fmt.count(t.cohortN),
          fmt.money(t.cohortMean),
          fmt.count(t.tierN),
          fmt.money(t.tierMean),
        ]),
      },
    });
  }
  return sections;
}

function distributionRows(d: Distribution): string[][] {
  return d.levels.slice(0, TABLE_ROWS).map((l) => [l.label, fmt.count(l.n), fmt.percent(l.share)]);
}

function channelSections(cohort: CohortFigures): AnswerSection[] {
  const { activity, funnel } = cohort.channels;
  const table = (title: string, d: Distribution): AnswerSection =>
    d.n === 0
      ? { kind: 'unavailable', title, reason: `no cohort customer has a channel in this table (${d.missing} missing)` }
      : {
          kind: 'table',
          title,
          table: { columns: ['Channel', 'n', 'Share'], align: ['left', 'right', 'right'], rows: distributionRows(d) },
          note: `n = ${fmt.count(d.n)}${d.missing > 0 ? `; ${fmt.count(d.missing)} without a channel` : ''}${d.levels.length > TABLE_ROWS ? `; ${d.levels.length - TABLE_ROWS} more channels in --json` : ''}.`,
        };
  return [
    table('Engagement channels (activity table)', activity),
    table('Beside it: funnel-table channels (a different vocabulary)', funnel),
  ];
}

function zendeskSection(cohort: CohortFigures): AnswerSection {
  const z = cohort.zendesk;
  if (z.share === null) {
    return {
      kind: 'unavailable',
      title: 'Zendesk active',
      reason: `no cohort customer has a clean 0/1 zendesk_active flag (${z.notClean} without)`,
    };
  }
  return {
    kind: 'text',
    title: 'Zendesk active',
    lines: [
      `*${fmt.percent(z.share)}* of the cohort is active in Zendesk (${fmt.count(z.active)} of ${fmt.count(z.n)}${z.notClean > 0 ? `; ${fmt.count(z.notClean)} without a clean flag left out` : ''}).`,
    ],
  };
}

function health(g: HealthGroup): string {
  return g.n === 0 ? 'n/a' : fmt.fixed(g.meanHealth, 1);
}

function correlationText(c: Correlation): string {
  if (c.kind === 'too-few-rows') return `too few rows (n = ${c.n})`;
  if (c.kind === 'constant') return `not defined: constant values (n = ${c.n})`;
  return `r = ${fmt.fixed(c.r, 3)}, t = ${fmt.fixed(c.t, 2)}, ${fmt.pValue(c.p)}, n = ${fmt.count(c.n)}`;
}

function platformSections(cohort: CohortFigures): AnswerSection[] {
  const pm = cohort.platformMix;
  return [
    {
      kind: 'table',
      title: 'Platform mix (Marketo, Stripe, Zendesk) and mean activity health',
      table: {
        columns: ['Flags', 'Platforms', 'Cohort n', 'Cohort health', 'All n', 'All health'],
        align: ['left', 'left', 'right', 'right', 'right', 'right'],
        rows: pm.combinations.map((c) => [
          c.label,
          c.platforms,
          fmt.count(c.cohort.n),
          health(c.cohort),
          fmt.count(c.all.n),
          health(c.all),
        ]),
      },
    },
    {
      kind: 'table',
      title: 'Health by number of platforms',
      table: {
        columns: ['Platforms', 'Cohort n', 'Cohort health', 'All n', 'All health'],
        align: ['right', 'right', 'right', 'right', 'right'],
        rows: pm.byCount.map((c) => [
          String(c.count),
          fmt.count(c.cohort.n),
          health(c.cohort),
          fmt.count(c.all.n),
          health(c.all),
        ]),
      },
      note: `Pearson (platform count vs health) — cohort: ${correlationText(pm.correlation.cohort)}; all: ${correlationText(pm.correlation.all)}.`,
    },
  ];
}

function riskVelocitySection(cohort: CohortFigures): AnswerSection {
  const rv = cohort.riskVelocity;
  const all = new Map(rv.all.cells.map((c) => [`${c.risk}\u0000${c.velocity}`, c]));
  const unknown = new Set([...rv.unknownRiskLevels, ...rv.unknownVelocities]);
  const cells = [...rv.cohort.cells].sort((a, b) => b.n - a.n).slice(0, TABLE_ROWS + 2);
  if (cells.length === 0) {
    return { kind: 'unavailable', title: 'Risk level × velocity', reason: 'the cohort is empty' };
  }
  return {
    kind: 'table',
    title: 'Risk level × velocity (cohort cells, largest first)',
    table: {
      columns: ['Risk level', 'Velocity', 'Cohort n', 'Cohort health', 'All n', 'All health'],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      rows: cells.map((c) => {
        const a = all.get(`${c.risk}\u0000${c.velocity}`);
        const flag = (l: string) => (unknown.has(l) ? `${l} ⚠` : l);
        return [
          flag(c.risk),
          flag(c.velocity),
          fmt.count(c.n),
          fmt.fixed(c.meanHealth, 1),
          fmt.count(a?.n ?? 0),
          fmt.fixed(a?.meanHealth ?? null, 1),
        ];
      }),
    },
    note: `⚠ = a level outside the known five, kept as its own row${rv.unknownRiskLevels.length > 0 ? ` (risk: ${rv.unknownRiskLevels.join(', ')})` : ''}${rv.unknownVelocities.length > 0 ? ` (velocity: ${rv.unknownVelocities.join(', ')})` : ''}. ${rv.cohort.cells.length} cohort cells in all; the heatmap shows every cell.`,
  };
}

function geographySection(geography: CohortGeography | null): AnswerSection {
  if (geography === null) return { kind: 'unavailable', title: 'Geography', reason: 'the cohort is empty' };
  if (geography.kind === 'unavailable') return { kind: 'unavailable', title: 'Geography', reason: geography.reason };
  return {
    kind: 'table',
    title: 'Geography (address country, through mapping → address)',
    table: {
      columns: ['Country', 'n', 'Share'],
      align: ['left', 'right', 'right'],
      rows: distributionRows(geography.countries),
    },
    note: `${plural(geography.matched, 'cohort customer')} of ${fmt.count(geography.customers)} placed; top state: ${geography.states.levels[0]?.label ?? 'n/a'}. Address text is as exported: check it looks like real places before acting on it.`,
  };
}
