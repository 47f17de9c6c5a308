import { redCustomers } from '../../analysis/zones/compute-zones.js';
import { describeZoneThresholds, ZONE_ACTIONS, ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import type { ZonesResult } from '../../analysis/zones/zone-types.js';
import { buildZoneDistributionChart } from '../../charts/zones/zone-distribution-chart.js';
import type { TableReadReport } from '../../data/read-table.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { translator } from '../../i18n/translate.js';
import type { AnswerSection, CommandAnswer } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import { type ConversionCohortOptions, DEFAULT_REDS_LISTED } from './conversion-cohort-options.js';
import { zonesLead } from './zones-lead.js';

const fmt = numberFormat();

export interface ZonesPresentation {
  readonly options: ConversionCohortOptions;
  readonly zones: ZonesResult;
  readonly reads: readonly TableReadReport[];
  readonly locale: Locale;
}

/** `/conversion-cohort zones`: zone counts for every customer, the method and thresholds, and the reds. */
export function presentZones({ options, zones, reads, locale }: ZonesPresentation): CommandAnswer {
  const sections: AnswerSection[] = [
    {
      kind: 'table',
      title: 'Zones — every customer',
      table: {
        columns: ['Zone', 'Customers', 'Share', 'What to do'],
        align: ['left', 'right', 'right', 'left'],
        rows: [
          ...(['red', 'yellow', 'green'] as const).map((zone) => [
            zone,
            fmt.count(zones.counts[zone]),
            share(zones.counts[zone], zones.n),
            ZONE_ACTIONS[zone],
          ]),
          ['no zone', fmt.count(zones.noZone), share(zones.noZone, zones.n), 'missing inputs: see the notes'],
        ],
      },
      note: `Method: ${ZONE_METHOD_LABELS[zones.method]}${zones.activityUnavailable ? `, because ${zones.activityUnavailable}` : ''}.`,
    },
    {
      kind: 'text',
      title: 'Thresholds',
      lines: [...describeZoneThresholds(zones.method, zones.options), ...cutoffLines(zones)],
    },
  ];

  const reds = redCustomers(zones, options.reds);
  if (reds.length === 0) {
    sections.push({ kind: 'unavailable', title: 'Red customers', reason: redAbsenceReason(zones) });
  } else {
    sections.push({
      kind: 'table',
      title: `Red customers — ${reds.length} lowest scores of ${fmt.count(zones.counts.red)}`,
      table: {
        columns: ['Customer', 'Organization', 'Score', 'Why red'],
        align: ['left', 'left', 'right', 'left'],
        rows: reds.map((c) => [c.key, c.organization ?? '—', fmt.fixed(c.score, 1), c.reason]),
      },
      ...(zones.counts.red > reds.length
        ? { note: `${fmt.count(zones.counts.red - reds.length)} more reds with list or reds=N.` }
        : {}),
    });
  }

  const chart = buildZoneDistributionChart(zones, translator(locale)('chart.zones.everyCustomer'), undefined, locale);
  const provenance = buildProvenance({
    reads,
    n: zones.n,
    filters: ['latest snapshot per email', 'every customer (not only the cohort)'],
    thresholds: describeZoneThresholds(zones.method, zones.options),
    notes: zoneNotes(zones),
  });
  return {
    command: `/conversion-cohort zones${options.reds !== DEFAULT_REDS_LISTED ? ` reds=${options.reds}` : ''}`,
    title: `Zones — ${zones.method === 'activity' ? 'activity score' : 'value-table fallback'}`,
    lead: zonesLead(zones, provenance, redAbsenceReason(zones), locale),
    headline: headline(zones),
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

function share(k: number, n: number): string {
  return n > 0 ? fmt.percent(k / n) : 'n/a';
}

function headline(zones: ZonesResult): string {
  const zoned = zones.n - zones.noZone;
  if (zoned === 0) return `No customer could be given a zone: ${redAbsenceReason(zones)}.`;
  const method =
    zones.method === 'activity'
      ? 'by the activity score'
      : `by the value-table fallback (${zones.activityUnavailable}), so red means the lowest ${fmt.percent(zones.options.fallbackRedCumeDist, { decimals: 0 })} of scores`;
  const rules = zones.byRule;
  const forced = rules.stagnant + rules['unknown-risk'];
  return `*${fmt.count(zones.counts.red)} red* (${share(zones.counts.red, zoned)}), ${fmt.count(zones.counts.yellow)} yellow and ${fmt.count(zones.counts.green)} green of ${fmt.count(zoned)} customers with a zone, ${method}.${forced > 0 ? ` ${fmt.count(forced)} of the reds are red by rule (Stagnant or an unknown risk level) whatever their score.` : ''} Reds need an intervention within 48 hours.`;
}

function redAbsenceReason(zones: ZonesResult): string {
  if (zones.n === 0) return 'there are no customers to score';
  if (zones.n === zones.noZone)
    return `every one of the ${fmt.count(zones.n)} customers lacks a zone input (${missingText(zones)})`;
  return 'no customer is in the red zone';
}

function missingText(zones: ZonesResult): string {
  return Object.entries(zones.missingInputs)
    .filter(([, n]) => n > 0)
    .map(([column, n]) => `${column} missing for ${fmt.count(n)}`)
    .join(', ');
}

function cutoffLines(zones: ZonesResult): string[] {
  const lines: string[] = [];
  if (zones.scaledRange) {
    lines.push(
      `${zones.scaledRange.column} rescaled over ${fmt.number(zones.scaledRange.min)}–${fmt.number(zones.scaledRange.max)}`,
    );
  }
  if (zones.fallbackCutoffs) {
    lines.push(
      `score cut-offs on this data: red ≤ ${fmt.fixed(zones.fallbackCutoffs.red, 1)}, yellow ≤ ${fmt.fixed(zones.fallbackCutoffs.yellow, 1)}`,
    );
  }
  return lines;
}

function zoneNotes(zones: ZonesResult): string[] {
  const notes: string[] = [];
  if (zones.noZone > 0) notes.push(`${plural(zones.noZone, 'customer')} without a zone: ${missingText(zones)}`);
  for (const level of zones.unknownRiskLevels) {
    notes.push(`risk level "${level.label}" is not a known level: ${plural(level.n, 'customer')} made red by rule`);
  }
  for (const level of zones.unknownVelocities) {
    notes.push(`velocity "${level.label}" has no score: ${plural(level.n, 'customer')} without a score`);
  }
  return notes;
}
