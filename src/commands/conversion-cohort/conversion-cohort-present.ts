import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import { DEFAULT_COHORT_BOUNDS } from '../../analysis/conversion-cohort/cohort-inputs.js';
import type { ConversionCohortResult } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import { DEFAULT_ZONE_OPTIONS, ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import type { ZoneTally, ZoneVerdict } from '../../analysis/zones/zone-types.js';
import type { ChartDefinition } from '../../charts/chart-definition.js';
import { buildChannelChart } from '../../charts/conversion-cohort/channel-chart.js';
import { buildLtvDifferenceChart } from '../../charts/conversion-cohort/ltv-difference-chart.js';
import { buildPlatformMixChart } from '../../charts/conversion-cohort/platform-mix-chart.js';
import { buildRiskVelocityHeatmap } from '../../charts/conversion-cohort/risk-velocity-heatmap.js';
import { buildZoneDistributionChart } from '../../charts/zones/zone-distribution-chart.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { cohortLead } from './cohort-lead.js';
import type { ConversionCohortOptions } from './conversion-cohort-options.js';
import { cohortSections, describeBounds } from './conversion-cohort-sections.js';

const fmt = numberFormat();

export interface CohortPresentation {
  readonly options: ConversionCohortOptions;
  readonly cohort: ConversionCohortResult;
  /** Counts and verdicts only: this answer shows no customer's reason sentence. */
  readonly zones: ZoneTally;
  readonly geography: CohortGeography | null;
  readonly reads: readonly TableReadReport[];
  /** Organisation of each cohort member, to name them. */
  readonly organisations: ReadonlyMap<string, string | null>;
  readonly locale: Locale;
}

/** The §2 bullets that need a cohort, named in the "not available" sections. */
const COHORT_BULLETS = [
  'Cohort size',
  'Recency / frequency / monetary',
  'LTV against the same tier',
  'Engagement channels',
  'Zendesk active',
  'Platform mix and health',
  'Risk level × velocity',
  'Geography',
];

export function presentConversionCohort(p: CohortPresentation): CommandAnswer {
  const { cohort, zones, options } = p;
  const sections: AnswerSection[] = [];
  const charts: ChartDefinition[] = [];
  const notes: string[] = [];
  const memberKeys = cohort.kind === 'ok' ? new Set(cohort.memberKeys) : null;
  // One pass over every customer's zone for both the section and the data: each pass is a million lookups at 1M.
  const cohortZones = memberKeys ? zones.customers.filter((c) => memberKeys.has(c.key)) : null;

  if (cohort.kind === 'unavailable') {
    const [first, ...rest] = COHORT_BULLETS;
    sections.push({ kind: 'unavailable', title: first as string, reason: cohort.reason });
    for (const title of rest) {
      sections.push({ kind: 'unavailable', title, reason: `there is no cohort to describe (see ${first})` });
    }
  } else {
    sections.push(...cohortSections(cohort, p.geography));
    const ltvChart = buildLtvDifferenceChart(cohort.ltv, p.locale);
    const heatmap = buildRiskVelocityHeatmap(cohort.riskVelocity, cohort.size, p.locale);
    const platform = buildPlatformMixChart(cohort.platformMix, p.locale);
    const channel = buildChannelChart(cohort.channels.activity, cohort.size, cohort.channels.activityAll, p.locale);
    for (const chart of [ltvChart, channel, heatmap, platform]) if (chart) charts.push(chart);
    notes.push(...cohortNotes(cohort));
  }

  sections.push(zoneSection(zones, cohortZones));
  // The chart reads only the counts; it takes a full ZonesResult, so it gets the tally without the verdicts.
  const t = translator(p.locale);
  const zoneChart = buildZoneDistributionChart(
    { ...zones, customers: [] },
    t(memberKeys ? 'chart.zones.everyCustomer' : 'chart.zones.everyCustomerFallback'),
    cohortZones ? { label: t('chart.zones.theCohort'), counts: tallyZones(cohortZones) } : undefined,
    p.locale,
  );
  // Second: the cohort's zones against every customer's support the headline right after LTV.
  if (zoneChart) charts.splice(Math.min(1, charts.length), 0, zoneChart);

  const size = cohort.kind === 'ok' ? cohort.size : 0;
  const provenance = buildProvenance({
    reads: uniqueReads(p.reads),
    n: size,
    filters: [
      'latest snapshot per email in each table',
      'activity ⋈ funnel (inner) on cleaned email',
      ...describeBounds(cohort),
    ],
    thresholds: [
      `zones by ${ZONE_METHOD_LABELS[zones.method]}${zones.activityUnavailable ? ` (${zones.activityUnavailable})` : ''}`,
    ],
    notes,
  });
  return {
    command: commandText(options),
    title: 'Conversion cohort — quick to sales, slow to support, engaged',
    lead: cohortLead(cohort, zones, cohortZones, p.organisations, provenance, changedBounds(options), p.locale),
    headline: headline(cohort, zones),
    sections,
    provenance,
    charts,
    chartsOmitted: 0,
    data: {
      options,
      // Members are listed by key; their full input rows would only repeat the warehouse.
      cohort: cohort.kind === 'ok' ? { ...cohort, selection: { ...cohort.selection, members: undefined } } : cohort,
      geography: p.geography && { ...p.geography, join: p.geography.join && { ...p.geography.join, locations: [] } },
      zones: zoneSummary(zones, cohortZones),
    },
  };
}

/** Cohort bounds and zone thresholds that differ from the defaults, for the context line. */
function changedBounds(options: ConversionCohortOptions): string[] {
  const b = options.bounds;
  const d = DEFAULT_COHORT_BOUNDS;
  const out: string[] = [];
  if (b.m2sMin !== d.m2sMin || b.m2sMax !== d.m2sMax) out.push(`marketing to sales ${b.m2sMin}–${b.m2sMax} days`);
  if (b.s2sAbove !== d.s2sAbove) out.push(`support wait over ${b.s2sAbove} days`);
  if (b.compositeAbove !== d.compositeAbove) out.push(`engagement above ${b.compositeAbove}`);
  if (options.zones.redBelow !== DEFAULT_ZONE_OPTIONS.redBelow) out.push(`red below ${options.zones.redBelow}`);
  if (options.zones.greenAbove !== DEFAULT_ZONE_OPTIONS.greenAbove) out.push(`green above ${options.zones.greenAbove}`);
  return out;
}

function headline(cohort: ConversionCohortResult, zones: ZoneTally): string {
  const zoneLine = `Zones (${zones.method === 'activity' ? 'activity score' : 'value-table fallback'}): *${fmt.count(zones.counts.red)} red*, ${fmt.count(zones.counts.yellow)} yellow, ${fmt.count(zones.counts.green)} green of ${fmt.count(zones.n)} customers.`;
  if (cohort.kind === 'unavailable') return `The cohort is not available: ${cohort.reason}. ${zoneLine}`;
  if (cohort.size === 0) {
    return `*No customer* passes the cohort filters (${fmt.count(cohort.selection.steps.joined)} joined activity and funnel rows). ${zoneLine}`;
  }
  const gold = cohort.ltv.perCustomer;
  const ltvLine =
    gold.mean === null
      ? ''
      : ` Their LTV sits ${gold.mean >= 0 ? 'above' : 'below'} their tier's mean by $${fmt.count(Math.abs(gold.mean))} on average (n = ${fmt.count(gold.n)}).`;
  return `*${fmt.count(cohort.size)} customers* moved quickly from marketing to sales but waited over ${cohort.selection.bounds.s2sAbove} days for support while staying engaged (${fmt.percent(cohort.size / cohort.selection.steps.joined)} of ${fmt.count(cohort.selection.steps.joined)} joined).${ltvLine} ${zoneLine}`;
}

function tallyZones(verdicts: readonly ZoneVerdict[]): Record<'red' | 'yellow' | 'green', number> {
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const v of verdicts) if (v.zone !== null) counts[v.zone]++;
  return counts;
}

function zoneSection(zones: ZoneTally, cohortZones: readonly ZoneVerdict[] | null): AnswerSection {
  const inCohort = { red: 0, yellow: 0, green: 0, none: 0 };
  if (cohortZones) {
    for (const c of cohortZones) {
      if (c.zone === null) inCohort.none++;
      else inCohort[c.zone]++;
    }
  }
  const share = (k: number) => (zones.n > 0 ? fmt.percent(k / zones.n) : 'n/a');
  const rows = (['red', 'yellow', 'green'] as const).map((zone) => [
    zone,
    fmt.count(zones.counts[zone]),
    share(zones.counts[zone]),
    cohortZones ? fmt.count(inCohort[zone]) : 'n/a',
  ]);
  rows.push(['no zone', fmt.count(zones.noZone), share(zones.noZone), cohortZones ? fmt.count(inCohort.none) : 'n/a']);
  return {
    kind: 'table',
    title: 'Zones — every customer',
    table: { columns: ['Zone', 'All', 'Share', 'In cohort'], align: ['left', 'right', 'right', 'right'], rows },
    note: `Method: ${ZONE_METHOD_LABELS[zones.method]}${zones.activityUnavailable ? `, because ${zones.activityUnavailable}` : ''}. \`/conversion-cohort zones\` lists the reds with reasons.`,
  };
}

function cohortNotes(cohort: Extract<ConversionCohortResult, { kind: 'ok' }>): string[] {
  const notes: string[] = [];
  const s = cohort.selection.steps;
  if (s.missingDays > 0) notes.push(`${plural(s.missingDays, 'joined customer')} with NULL hand-off days left out`);
  if (s.missingComposite > 0)
    notes.push(`${plural(s.missingComposite, 'customer')} with NULL composite engagement left out`);
  if (cohort.ltv.withoutValueRow > 0) {
    notes.push(
      `${plural(cohort.ltv.withoutValueRow, 'cohort customer')} without a latest value row (LTV and RFM left out)`,
    );
  }
  if (cohort.zendesk.notClean > 0) {
    notes.push(
      `${plural(cohort.zendesk.notClean, 'cohort customer')} without a clean zendesk_active flag left out of the share`,
    );
  }
  const pm = cohort.platformMix.notClean;
  if (pm.all > 0)
    notes.push(
      `${plural(pm.all, 'customer')} (${fmt.count(pm.cohort)} in the cohort) with a platform flag that is not a clean 0/1 left out of the platform mix`,
    );
  return notes;
}

function zoneSummary(zones: ZoneTally, cohortZones: readonly ZoneVerdict[] | null) {
  const { customers, ...rest } = zones;
  return {
    ...rest,
    cohortZones: cohortZones
      ? cohortZones.map((c) => ({ key: c.key, zone: c.zone, score: c.score, rule: c.rule }))
      : [],
  };
}

function uniqueReads(reads: readonly TableReadReport[]): TableReadReport[] {
  const byTable = new Map<string, TableReadReport>();
  for (const r of reads) if (!byTable.has(r.table)) byTable.set(r.table, r);
  return [...byTable.values()];
}

function commandText(options: ConversionCohortOptions): string {
  const parts = ['/conversion-cohort'];
  const b = options.bounds;
  const d = DEFAULT_COHORT_BOUNDS;
  if (b.m2sMin !== d.m2sMin) parts.push(`m2s_min=${b.m2sMin}`);
  if (b.m2sMax !== d.m2sMax) parts.push(`m2s_max=${b.m2sMax}`);
  if (b.s2sAbove !== d.s2sAbove) parts.push(`s2s_above=${b.s2sAbove}`);
  if (b.compositeAbove !== d.compositeAbove) parts.push(`composite_above=${b.compositeAbove}`);
  // Only the typed thresholds: the command re-run under the same thresholds in force gives the same answer.
  const z = options.zoneOverrides;
  if (z.redBelow !== undefined) parts.push(`red_below=${z.redBelow}`);
  if (z.greenAbove !== undefined) parts.push(`green_above=${z.greenAbove}`);
  return parts.join(' ');
}
