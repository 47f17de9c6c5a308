import { nextAction } from '../../analysis/next-action/next-action.js';
import { redCustomers } from '../../analysis/zones/compute-zones.js';
import {
  RISK_PENALTIES,
  UNKNOWN_RISK_PENALTY,
  VELOCITY_SCORES,
  ZONE_ACTIONS,
  type ZoneMethod,
  type ZoneOptions,
} from '../../analysis/zones/zone-rules.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { buildZoneDistributionChart } from '../../charts/zones/zone-distribution-chart.js';
import type { TableReadReport } from '../../data/read-table.js';
import { type NumberFormat, numberFormat } from '../../format/number-format.js';
import { joinSentences } from '../../i18n/join.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { zoneReason } from '../customer/zone-reason.js';
import { buildProvenance } from '../provenance.js';
import { tableGapText } from '../table-gap-text.js';
import { zoneWord } from './cohort-lead.js';
import { type ConversionCohortOptions, DEFAULT_REDS_LISTED } from './conversion-cohort-options.js';
import { zonesLead } from './zones-lead.js';

/** What every part of the view words and formats with: the reader's catalogue and number formatter. */
interface Words {
  readonly t: Translate;
  readonly fmt: NumberFormat;
  readonly locale: Locale;
}

export interface ZonesPresentation {
  readonly options: ConversionCohortOptions;
  readonly zones: ZonesResult;
  readonly reads: readonly TableReadReport[];
  readonly locale: Locale;
}

/** `/conversion-cohort zones`: zone counts for every customer, the method and thresholds, and the reds. */
export function presentZones({ options, zones, reads, locale }: ZonesPresentation): CommandAnswer {
  const w: Words = { t: translator(locale), fmt: numberFormat(locale), locale };
  const { t, fmt } = w;
  const method = t(`zones.method.${zones.method}`);
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: t('cohort.details.zonesTitle'),
      table: {
        columns: t('zones.columns').split('|'),
        align: ['left', 'right', 'right', 'left'],
        rows: [
          ...(['red', 'yellow', 'green'] as const).map((zone) => [
            zoneWord(zone, locale),
            fmt.count(zones.counts[zone]),
            share(zones.counts[zone], zones.n, fmt),
            locale === 'en' ? ZONE_ACTIONS[zone] : actionText(nextAction({ zone, route: null }), locale),
          ]),
          [
            t('zones.noZone'),
            fmt.count(zones.noZone),
            share(zones.noZone, zones.n, fmt),
            t('cohort.details.zonesView.noZoneAction'),
          ],
        ],
      },
      note: zones.activityUnavailable
        ? t('cohort.details.zonesView.methodWhy', { method, why: tableGapText(t, zones.activityUnavailable) })
        : t('cohort.details.zonesView.method', { method }),
    },
    {
      kind: 'text',
      title: t('cohort.details.zonesView.thresholds'),
      lines: [...zoneThresholds(zones.method, zones.options, w), ...cutoffLines(zones, w)],
    },
  ];

  const reds = redCustomers(zones, options.reds);
  if (reds.length === 0) {
    sections.push({
      kind: 'unavailable',
      title: t('cohort.details.zonesView.reds'),
      reason: redAbsenceReason(zones, w),
    });
  } else {
    sections.push({
      kind: 'table',
      title: t('cohort.details.zonesView.redsTitle', { shown: reds.length, red: fmt.count(zones.counts.red) }),
      table: {
        columns: t('cohort.details.zonesView.redsColumns').split('|'),
        align: ['left', 'left', 'right', 'left'],
        rows: reds.map((c) => [c.key, c.organization ?? '—', fmt.fixed(c.score, 1), zoneReason(c, locale)]),
      },
      ...(zones.counts.red > reds.length
        ? { note: t('cohort.details.zonesView.moreReds', { n: fmt.count(zones.counts.red - reds.length) }) }
        : {}),
    });
  }

  const chart = buildZoneDistributionChart(zones, translator(locale)('chart.zones.everyCustomer'), undefined, locale);
  const provenance = buildProvenance({
    reads,
    n: zones.n,
    filters: [t('cohort.details.zonesView.filterLatest'), t('cohort.details.zonesView.filterEveryone')],
    thresholds: zoneThresholds(zones.method, zones.options, w),
    notes: zoneNotes(zones, w),
    locale,
  });
  return {
    command: `/conversion-cohort zones${options.reds !== DEFAULT_REDS_LISTED ? ` reds=${options.reds}` : ''}`,
    title: t('cohort.details.zonesView.title', { method: zones.method }),
    lead: zonesLead(zones, provenance, redAbsenceReason(zones, w), locale),
    headline: headline(zones, w),
    sections,
    provenance,
    charts: chart ? [chart] : [],
    chartsOmitted: 0,
    data: {
      options,
      method: zones.method,
      activityUnavailable: zones.activityUnavailable,
      n: zones.n,
      counts: zones.counts,
      noZone: zones.noZone,
      byRule: zones.byRule,
      missingInputs: zones.missingInputs,
      unknownRiskLevels: zones.unknownRiskLevels,
      unknownVelocities: zones.unknownVelocities,
      scaledRange: zones.scaledRange,
      fallbackCutoffs: zones.fallbackCutoffs,
      reds: redCustomers(zones, Number.POSITIVE_INFINITY),
    },
  };
}

function share(k: number, n: number, fmt: NumberFormat): string {
  return n > 0 ? fmt.percent(k / n) : fmt.missing;
}

/** The zone rules in the reader's language (the analysis's describeZoneThresholds, word for word in English). */
function zoneThresholds(method: ZoneMethod, options: ZoneOptions, { t, locale }: Words): string[] {
  const table = (scores: Readonly<Record<string, number>>) =>
    Object.entries(scores)
      .map(([k, v]) => `${termFor(locale, 'engagement', k)} ${v}`)
      .join(t('cohort.details.zonesView.tableSeparator'));
  if (method === 'activity') {
    const w = options.weights;
    return [
      t('cohort.details.zonesView.scoreFormula', {
        velocity: String(w.velocity),
        risk: String(w.risk),
        engagement: String(w.engagement),
      }),
      t('cohort.details.zonesView.bands', { red: String(options.redBelow), green: String(options.greenAbove) }),
      t('cohort.details.zonesView.scoreTables', {
        velocity: table(VELOCITY_SCORES),
        risk: table(RISK_PENALTIES),
        unknown: String(UNKNOWN_RISK_PENALTY),
      }),
    ];
  }
  return [
    t('cohort.details.zonesView.fallbackFormula'),
    t('cohort.details.zonesView.fallbackBands', {
      red: String(options.fallbackRedCumeDist),
      yellow: String(options.fallbackYellowCumeDist),
    }),
  ];
}

function headline(zones: ZonesResult, w: Words): string {
  const { t, fmt } = w;
  const zoned = zones.n - zones.noZone;
  if (zoned === 0) return t('cohort.details.zonesView.headlineNone', { reason: redAbsenceReason(zones, w) });
  const rules = zones.byRule;
  const forced = rules.stagnant + rules['unknown-risk'];
  const first = t('cohort.details.zonesView.headline', {
    red: fmt.count(zones.counts.red),
    share: share(zones.counts.red, zoned, fmt),
    yellow: fmt.count(zones.counts.yellow),
    green: fmt.count(zones.counts.green),
    zoned: fmt.count(zoned),
    method: zones.method,
    why: zones.activityUnavailable === null ? '' : tableGapText(t, zones.activityUnavailable),
    lowest: fmt.percent(zones.options.fallbackRedCumeDist, { decimals: 0 }),
  });
  const byRule = forced > 0 ? t('cohort.details.zonesView.headlineForced', { n: fmt.count(forced) }) : '';
  return joinSentences(t, [first, byRule, t('cohort.details.zonesView.headline48')]);
}

function redAbsenceReason(zones: ZonesResult, w: Words): string {
  const { t, fmt } = w;
  if (zones.n === 0) return t('cohort.details.zonesView.noCustomers');
  if (zones.n === zones.noZone) {
    return t('cohort.details.zonesView.allMissing', { n: fmt.count(zones.n), missing: missingText(zones, w) });
  }
  return t('cohort.details.zonesView.noRed');
}

function missingText(zones: ZonesResult, { t, fmt }: Words): string {
  return Object.entries(zones.missingInputs)
    .filter(([, n]) => n > 0)
    .map(([column, n]) => t('cohort.details.zonesView.missingFor', { column, n: fmt.count(n) }))
    .join(t('cohort.details.zonesView.tableSeparator'));
}

function cutoffLines(zones: ZonesResult, { t, fmt }: Words): string[] {
  const lines: string[] = [];
  if (zones.scaledRange) {
    lines.push(
      t('cohort.details.zonesView.rescaled', {
        column: zones.scaledRange.column,
        min: fmt.number(zones.scaledRange.min),
        max: fmt.number(zones.scaledRange.max),
      }),
    );
  }
  if (zones.fallbackCutoffs) {
    lines.push(
      t('cohort.details.zonesView.cutoffs', {
        red: fmt.fixed(zones.fallbackCutoffs.red, 1),
        yellow: fmt.fixed(zones.fallbackCutoffs.yellow, 1),
      }),
    );
  }
  return lines;
}

function zoneNotes(zones: ZonesResult, w: Words): string[] {
  const { t, fmt } = w;
  const notes: string[] = [];
  if (zones.noZone > 0) {
    notes.push(
      t('cohort.details.zonesView.noteNoZone', {
        count: zones.noZone,
        n: fmt.count(zones.noZone),
        missing: missingText(zones, w),
      }),
    );
  }
  for (const level of zones.unknownRiskLevels) {
    notes.push(
      t('cohort.details.zonesView.noteUnknownRisk', { level: level.label, count: level.n, n: fmt.count(level.n) }),
    );
  }
  for (const level of zones.unknownVelocities) {
    notes.push(
      t('cohort.details.zonesView.noteUnknownVelocity', { level: level.label, count: level.n, n: fmt.count(level.n) }),
    );
  }
  return notes;
}
