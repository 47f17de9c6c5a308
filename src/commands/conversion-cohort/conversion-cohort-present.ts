import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import { DEFAULT_COHORT_BOUNDS } from '../../analysis/conversion-cohort/cohort-inputs.js';
import type { ConversionCohortResult } from '../../analysis/conversion-cohort/compute-conversion-cohort.js';
import { DEFAULT_ZONE_OPTIONS } from '../../analysis/zones/zone-rules.js';
import type { ZoneTally, ZoneVerdict } from '../../analysis/zones/zone-types.js';
import type { ChartDefinition } from '../../charts/chart-definition.js';
import { buildChannelChart } from '../../charts/conversion-cohort/channel-chart.js';
import { buildLtvDifferenceChart } from '../../charts/conversion-cohort/ltv-difference-chart.js';
import { buildPlatformMixChart } from '../../charts/conversion-cohort/platform-mix-chart.js';
import { buildRiskVelocityHeatmap } from '../../charts/conversion-cohort/risk-velocity-heatmap.js';
import { buildZoneDistributionChart } from '../../charts/zones/zone-distribution-chart.js';
import type { TableReadReport } from '../../data/read-table.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import { joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type MessageKey, type Translate, translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { tableGapText } from '../table-gap-text.js';
import { alignedWith, cohortLead, zoneWord } from './cohort-lead.js';
import { cohortUnavailableText } from './cohort-unavailable-text.js';
import type { ConversionCohortOptions } from './conversion-cohort-options.js';
import { cohortSections, describeBounds } from './conversion-cohort-sections.js';

export interface CohortPresentation {
  readonly options: ConversionCohortOptions;
  readonly cohort: ConversionCohortResult;
  /** Counts and verdicts only: this answer shows no customer's reason sentence. */
  readonly zones: ZoneTally;
  readonly geography: CohortGeography | null;
  readonly reads: readonly TableReadReport[];
  /** Organisation of each cohort member (in the order of the cohort's members), to name them. */
  readonly organisations: readonly (string | null)[];
  readonly locale: Locale;
}

/** The §2 bullets that need a cohort, named in the "not available" sections. */
const COHORT_BULLETS: readonly MessageKey[] = [
  'cohort.details.bullet.size',
  'cohort.details.bullet.rfm',
  'cohort.details.bullet.ltv',
  'cohort.details.bullet.channels',
  'cohort.details.bullet.zendesk',
  'cohort.details.bullet.platforms',
  'cohort.details.bullet.riskVelocity',
  'cohort.details.bullet.geography',
];

export function presentConversionCohort(p: CohortPresentation): CommandAnswer {
  const { cohort, zones, options } = p;
  const t = translator(p.locale);
  const fmt = numberFormat(p.locale);
  const sections: AnswerSection[] = [];
  const charts: ChartDefinition[] = [];
  const notes: string[] = [];
  const memberKeys = cohort.kind === 'ok' ? cohort.memberKeys : null;
  // One pass over every customer's zone for both the section and the data: each pass is a million lookups at 1M.
  const cohortZones = memberKeys ? membersOnly(zones.customers, memberKeys) : null;

  if (cohort.kind === 'unavailable') {
    const [first, ...rest] = COHORT_BULLETS.map((key) => t(key));
    sections.push({ kind: 'unavailable', title: first as string, reason: cohortUnavailableText(cohort, t, fmt) });
    for (const title of rest) {
      sections.push({ kind: 'unavailable', title, reason: t('cohort.details.noCohort', { first: first as string }) });
    }
  } else {
    sections.push(...cohortSections(cohort, p.geography, p.locale));
    const ltvChart = buildLtvDifferenceChart(cohort.ltv, p.locale);
    const heatmap = buildRiskVelocityHeatmap(cohort.riskVelocity, cohort.size, p.locale);
    const platform = buildPlatformMixChart(cohort.platformMix, p.locale);
    const channel = buildChannelChart(cohort.channels.activity, cohort.size, cohort.channels.activityAll, p.locale);
    for (const chart of [ltvChart, channel, heatmap, platform]) if (chart) charts.push(chart);
    notes.push(...cohortNotes(cohort, t, fmt));
  }

  sections.push(zoneSection(zones, cohortZones, p.locale));
  // The chart reads only the counts; it takes a full ZonesResult, so it gets the tally without the verdicts.
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
    filters: [t('cohort.details.filterLatest'), t('cohort.details.filterJoin'), ...describeBounds(cohort, p.locale)],
    thresholds: [methodNote(zones, t)],
    notes,
    locale: p.locale,
  });
  return {
    command: commandText(options),
    title: t('cohort.details.title'),
    lead: cohortLead(cohort, zones, cohortZones, p.organisations, provenance, changedBounds(options, t), p.locale),
    headline: headline(cohort, zones, t, fmt),
    sections,
    provenance,
    charts,
    chartsOmitted: 0,
    data: {
      options,
      // Members are listed by key; their hand-off figures are in the lead's list already.
      cohort: cohort.kind === 'ok' ? { ...cohort, handOffs: undefined } : cohort,
      geography: p.geography && { ...p.geography, join: p.geography.join && { ...p.geography.join, locations: [] } },
      zones: zoneSummary(zones, cohortZones),
    },
  };
}

/** "zones by <method>", with why the activity method was not used when it was not. */
function methodNote(zones: ZoneTally, t: Translate): string {
  const method = t(`zones.method.${zones.method}`);
  return zones.activityUnavailable
    ? t('zones.methodNoteWhy', { method, why: tableGapText(t, zones.activityUnavailable) })
    : t('zones.methodNote', { method });
}

/** Cohort bounds and zone thresholds that differ from the defaults, for the context line. */
function changedBounds(options: ConversionCohortOptions, t: Translate): string[] {
  const b = options.bounds;
  const d = DEFAULT_COHORT_BOUNDS;
  const out: string[] = [];
  if (b.m2sMin !== d.m2sMin || b.m2sMax !== d.m2sMax) {
    out.push(t('cohort.details.changed.m2s', { min: String(b.m2sMin), max: String(b.m2sMax) }));
  }
  if (b.s2sAbove !== d.s2sAbove) out.push(t('cohort.details.changed.s2s', { days: String(b.s2sAbove) }));
  if (b.compositeAbove !== d.compositeAbove) {
    out.push(t('cohort.details.changed.composite', { value: String(b.compositeAbove) }));
  }
  if (options.zones.redBelow !== DEFAULT_ZONE_OPTIONS.redBelow) {
    out.push(t('cohort.details.changed.red', { value: String(options.zones.redBelow) }));
  }
  if (options.zones.greenAbove !== DEFAULT_ZONE_OPTIONS.greenAbove) {
    out.push(t('cohort.details.changed.green', { value: String(options.zones.greenAbove) }));
  }
  return out;
}

function headline(cohort: ConversionCohortResult, zones: ZoneTally, t: Translate, fmt: NumberFormat): string {
  const zoneLine = t('cohort.details.headlineZones', {
    method: zones.method,
    red: fmt.count(zones.counts.red),
    yellow: fmt.count(zones.counts.yellow),
    green: fmt.count(zones.counts.green),
    n: fmt.count(zones.n),
  });
  if (cohort.kind === 'unavailable') {
    return joinSentences(t, [
      t('cohort.details.headlineUnavailable', { reason: cohortUnavailableText(cohort, t, fmt) }),
      zoneLine,
    ]);
  }
  const joined = cohort.selection.steps.joined;
  if (cohort.size === 0) {
    return joinSentences(t, [t('cohort.details.headlineEmpty', { joined: fmt.count(joined) }), zoneLine]);
  }
  const gold = cohort.ltv.perCustomer;
  const ltvLine =
    gold.mean === null
      ? ''
      : t('cohort.details.headlineLtv', {
          side: gold.mean >= 0 ? 'above' : 'below',
          amount: fmt.count(Math.abs(gold.mean)),
          n: fmt.count(gold.n),
        });
  const first = t('cohort.details.headlineCohort', {
    size: fmt.count(cohort.size),
    days: String(cohort.selection.bounds.s2sAbove),
    share: fmt.percent(cohort.size / joined),
    joined: fmt.count(joined),
  });
  return joinSentences(t, [first, ltvLine, zoneLine]);
}

function tallyZones(verdicts: readonly ZoneVerdict[]): Record<'red' | 'yellow' | 'green', number> {
  const counts = { red: 0, yellow: 0, green: 0 };
  for (const v of verdicts) if (v.zone !== null) counts[v.zone]++;
  return counts;
}

function zoneSection(zones: ZoneTally, cohortZones: readonly ZoneVerdict[] | null, locale: Locale): AnswerSection {
  const t = translator(locale);
  const fmt = numberFormat(locale);
  const inCohort = { red: 0, yellow: 0, green: 0, none: 0 };
  if (cohortZones) {
    for (const c of cohortZones) {
      if (c.zone === null) inCohort.none++;
      else inCohort[c.zone]++;
    }
  }
  const share = (k: number) => (zones.n > 0 ? fmt.percent(k / zones.n) : fmt.missing);
  const rows = (['red', 'yellow', 'green'] as const).map((zone) => [
    zoneWord(zone, locale),
    fmt.count(zones.counts[zone]),
    share(zones.counts[zone]),
    cohortZones ? fmt.count(inCohort[zone]) : fmt.missing,
  ]);
  rows.push([
    t('zones.noZone'),
    fmt.count(zones.noZone),
    share(zones.noZone),
    cohortZones ? fmt.count(inCohort.none) : fmt.missing,
  ]);
  const method = t(`zones.method.${zones.method}`);
  return {
    kind: 'table',
    title: t('cohort.details.zonesTitle'),
    table: {
      columns: t('cohort.details.zonesColumns').split('|'),
      align: ['left', 'right', 'right', 'right'],
      rows,
    },
    note: zones.activityUnavailable
      ? t('cohort.details.zonesNoteWhy', { method, why: tableGapText(t, zones.activityUnavailable) })
      : t('cohort.details.zonesNote', { method }),
  };
}

function cohortNotes(
  cohort: Extract<ConversionCohortResult, { kind: 'ok' }>,
  t: Translate,
  fmt: NumberFormat,
): string[] {
  const notes: string[] = [];
  const counted = (key: MessageKey, n: number, values: Record<string, string> = {}) =>
    notes.push(t(key, { count: n, n: fmt.count(n), ...values }));
  const s = cohort.selection.steps;
  if (s.missingDays > 0) counted('cohort.details.note.missingDays', s.missingDays);
  if (s.missingComposite > 0) counted('cohort.details.note.missingComposite', s.missingComposite);
  if (cohort.ltv.withoutValueRow > 0) counted('cohort.details.note.withoutValueRow', cohort.ltv.withoutValueRow);
  if (cohort.zendesk.notClean > 0) counted('cohort.details.note.zendeskNotClean', cohort.zendesk.notClean);
  const pm = cohort.platformMix.notClean;
  if (pm.all > 0) counted('cohort.details.note.platformNotClean', pm.all, { cohort: fmt.count(pm.cohort) });
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

/**
 * The verdicts of the cohort's members, in the verdicts' order. Zones tallied for the members alone come in the
 * members' order already (the column path): then no set of ~200k keys is built to find them.
 */
function membersOnly(verdicts: readonly ZoneVerdict[], memberKeys: readonly string[]): readonly ZoneVerdict[] {
  if (alignedWith(verdicts, memberKeys)) return verdicts;
  const keys = new Set(memberKeys);
  return verdicts.filter((c) => keys.has(c.key));
}
