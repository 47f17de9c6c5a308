import { z } from 'zod';
import { codedValue } from '../../analysis/columns/coded-column.js';
import type { CohortGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import { summariseGeography } from '../../analysis/conversion-cohort/cohort-geography.js';
import { type CohortBounds, DEFAULT_COHORT_BOUNDS } from '../../analysis/conversion-cohort/cohort-inputs.js';
import { computeConversionCohortColumns } from '../../analysis/conversion-cohort/compute-cohort-columns.js';
import {
  type ActivityZoneTally,
  RULE_CODES,
  tallyActivityZoneColumns,
  ZONE_CODES,
} from '../../analysis/zones/activity-zone-columns.js';
import { computeZones, tallyZones } from '../../analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_OPTIONS, type ZoneOptions } from '../../analysis/zones/zone-rules.js';
import { DEFAULT_ZONE_THRESHOLDS, type ZoneThresholds, zoneOptionsWith } from '../../analysis/zones/zone-thresholds.js';
import type { ZoneRule, ZoneTally, ZoneVerdict } from '../../analysis/zones/zone-types.js';
import { oncePerWarehouse } from '../../data/once-per-warehouse.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import { type LoadedCohortColumns, loadCohortColumns } from '../../data/queries/cohort-columns.js';
import {
  COHORT_ACTIVITY_COLUMNS,
  COHORT_FUNNEL_COLUMNS,
  COHORT_VALUE_COLUMNS,
} from '../../data/queries/cohort-inputs.js';
import { loadCohortGeography } from '../../data/queries/geography.js';
import { loadZoneInputs, ZONE_VALUE_COLUMNS } from '../../data/queries/zone-inputs.js';
import { UsageError } from '../../errors.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandContext, CommandDefinition } from '../command-definition.js';
import { zoneOptionsFor } from '../zone-options-for.js';
import { type ConversionCohortOptions, DEFAULT_REDS_LISTED, MAX_REDS_LISTED } from './conversion-cohort-options.js';
import { presentConversionCohort } from './conversion-cohort-present.js';
import { presentZones } from './conversion-cohort-zones-present.js';

const days = (what: string, fallback: number) => ({
  schema: z.coerce.number().min(0).max(3650),
  allowed: 'a number of days from 0 to 3650',
  description: `${what} (default ${fallback})`,
  helpValues: { value: fallback },
});

const score = (what: string, fallback: number) => ({
  schema: z.coerce.number().min(0).max(100),
  allowed: 'a score from 0 to 100',
  description: `${what} (default ${fallback})`,
  helpValues: { value: fallback },
});

const share = (what: string, fallback: number) => ({
  schema: z.coerce.number().gt(0).lt(1),
  allowed: 'a number between 0 and 1 (exclusive)',
  description: `${what} (default ${fallback})`,
  helpValues: { value: fallback },
});

export const conversionCohortCommand: CommandDefinition<ConversionCohortOptions> = {
  slash: '/conversion-cohort',
  summary: translator('en')('command.conversion-cohort.summary'),
  syntax: {
    slash: '/conversion-cohort',
    usage: '[zones] [m2s_min=10] [m2s_max=20] [s2s_above=30] [composite_above=mean] [red_below=50] [green_above=70]',
    options: {
      m2s_min: days('lowest marketing_to_sales_days in the cohort, inclusive', DEFAULT_COHORT_BOUNDS.m2sMin),
      m2s_max: days('highest marketing_to_sales_days in the cohort, inclusive', DEFAULT_COHORT_BOUNDS.m2sMax),
      s2s_above: days('sales_to_support_days must be strictly above this', DEFAULT_COHORT_BOUNDS.s2sAbove),
      composite_above: {
        schema: z.union([z.literal('mean'), z.coerce.number()]),
        allowed: 'mean or a number',
        description:
          'composite_engagement_score must be strictly above this (default: the mean over all latest activity rows)',
      },
      red_below: score('zone score below which a customer is red', DEFAULT_ZONE_OPTIONS.redBelow),
      green_above: score('zone score above which a customer is green', DEFAULT_ZONE_OPTIONS.greenAbove),
      fallback_red: share(
        'fallback method: red when cume_dist(score) is at or below this',
        DEFAULT_ZONE_OPTIONS.fallbackRedCumeDist,
      ),
      fallback_yellow: share(
        'fallback method: yellow when cume_dist(score) is at or below this',
        DEFAULT_ZONE_OPTIONS.fallbackYellowCumeDist,
      ),
      reds: {
        schema: z.coerce.number().int().min(1).max(MAX_REDS_LISTED),
        allowed: `1–${MAX_REDS_LISTED}`,
        description: `how many red customers the zones view lists (default ${DEFAULT_REDS_LISTED})`,
        helpValues: { value: DEFAULT_REDS_LISTED },
      },
    },
    words: { zones: 'show red/yellow/green zone counts for every customer and list the reds' },
  },
  requirements: [
    { table: 'activity', columns: COHORT_ACTIVITY_COLUMNS, fallback: 'zones fall back to the value table' },
    { table: 'funnel', columns: COHORT_FUNNEL_COLUMNS, fallback: 'the cohort is reported as not available' },
    { table: 'value', columns: COHORT_VALUE_COLUMNS },
    {
      table: 'value',
      columns: ZONE_VALUE_COLUMNS,
      fallback: 'zones need the activity table (no value-table fallback)',
    },
    { table: 'mapping', columns: [], fallback: 'geography is reported as not available' },
    { table: 'address', columns: [], fallback: 'geography is reported as not available' },
  ],
  examples: [
    '/conversion-cohort',
    '/conversion-cohort zones',
    '/conversion-cohort m2s_min=5 m2s_max=15 s2s_above=45',
    '/conversion-cohort zones red_below=45 reds=50',
  ],
  help: translator('en')('command.conversion-cohort.help').split('\n'),
  parse(args: CommandArgs): ConversionCohortOptions {
    const view = args.takeWord('zones') ? 'zones' : 'cohort';
    const bounds: CohortBounds = {
      m2sMin: args.option<number>('m2s_min') ?? DEFAULT_COHORT_BOUNDS.m2sMin,
      m2sMax: args.option<number>('m2s_max') ?? DEFAULT_COHORT_BOUNDS.m2sMax,
      s2sAbove: args.option<number>('s2s_above') ?? DEFAULT_COHORT_BOUNDS.s2sAbove,
      compositeAbove: args.option<number | 'mean'>('composite_above') ?? DEFAULT_COHORT_BOUNDS.compositeAbove,
    };
    if (bounds.m2sMin > bounds.m2sMax) {
      throw args.usage(`\`m2s_min=${bounds.m2sMin}\` is above \`m2s_max=${bounds.m2sMax}\`: the range would be empty.`);
    }
    // Only what was typed: the rest comes from the thresholds in force when the command runs (resolveZoneOptions).
    const zoneOverrides: Partial<ZoneThresholds> = {
      ...given('redBelow', args.option<number>('red_below')),
      ...given('greenAbove', args.option<number>('green_above')),
      ...given('fallbackRedCumeDist', args.option<number>('fallback_red')),
      ...given('fallbackYellowCumeDist', args.option<number>('fallback_yellow')),
    };
    // A pair typed in full is judged now (in the Slack ack); one typed side waits for the thresholds in force.
    const problem = zoneOrderProblem({ ...DEFAULT_ZONE_THRESHOLDS, ...zoneOverrides }, zoneOverrides, 'both');
    if (problem) throw args.usage(problem);
    const zones = zoneOptionsWith({ ...DEFAULT_ZONE_THRESHOLDS, ...zoneOverrides });
    return { view, bounds, zones, zoneOverrides, reds: args.option<number>('reds') ?? DEFAULT_REDS_LISTED };
  },
  run(parsed, context): CommandAnswer {
    const options = resolveZoneOptions(parsed, context);
    const warehouse = context.warehouse();
    if (options.view === 'zones') {
      const { inputs, reads } = loadZoneInputs(warehouse, '/conversion-cohort zones');
      return presentZones({ options, zones: computeZones(inputs, options.zones), reads, locale: context.locale });
    }
    const loaded = loadCohortColumns(warehouse, '/conversion-cohort');
    const { cohort, memberRows } = computeConversionCohortColumns(loaded.columns, options.bounds, loaded.population());
    const memberKeys = cohort.kind === 'ok' ? cohort.memberKeys : [];
    const zones = cohortZones(warehouse, loaded, memberRows, memberKeys, options.zones);
    let geography: CohortGeography | null = null;
    const geographyReads = [];
    if (cohort.kind === 'ok') {
      const customers = {
        keys: cohort.memberKeys,
        rows: memberRows,
        ids: loaded.geographyIds,
        cache: loaded.activityCache,
      };
      const { join, reads } = loadCohortGeography(warehouse, customers);
      geography = summariseGeography(join);
      geographyReads.push(...reads);
    }
    const { activity, funnel, value } = loaded.reads;
    const reads = [activity, funnel, value, ...geographyReads];
    const organisations = memberRows.map((r) => codedValue(loaded.zoneColumns.organization, r));
    return presentConversionCohort({ options, cohort, zones, geography, reads, organisations, locale: context.locale });
  },
};

/**
 * Zones of every customer by the activity method over the cohort's own activity columns (no second read), with a
 * verdict for the cohort's members only: the answer compares the cohort's zones with everyone's counts. Without
 * activity rows, the value-table fallback on rows (the cohort is then unavailable anyway).
 */
function cohortZones(
  warehouse: Warehouse,
  loaded: LoadedCohortColumns,
  memberRows: readonly number[],
  /** The members' emails (parallel to memberRows), decoded once for the answer. */
  memberKeys: readonly string[],
  options: ZoneOptions,
): ZoneTally {
  const key = loaded.zoneColumns.key;
  if (key.indices.length === 0) return tallyZones(loadZoneInputs(warehouse, '/conversion-cohort').inputs, options);
  const { zones, scores, rules, ...summary } = activityZonesFor(warehouse, loaded, options);
  const customers = memberRows.map(
    (r, i): ZoneVerdict => ({
      key: memberKeys[i] as string,
      zone: ZONE_CODES[zones[r] as number] ?? null,
      score: Number.isNaN(scores[r]) ? null : (scores[r] as number),
      rule: RULE_CODES[rules[r] as number] as ZoneRule,
    }),
  );
  return { ...summary, customers };
}

/**
 * Every customer's zone by the activity method over the cohort's activity columns, per set of zone options (the last
 * few), once per export: the tally does not depend on the cohort's bounds, and at a million customers it was a sixth
 * of each answer. Held within the export memory budget (three typed arrays per option set).
 */
function activityZonesFor(warehouse: Warehouse, loaded: LoadedCohortColumns, options: ZoneOptions): ActivityZoneTally {
  const built = activityTallies(warehouse);
  // Keyed on the options, so a threshold change is never answered with the zones of the old thresholds.
  const key = JSON.stringify(options);
  let tally = built.get(key);
  if (!tally) {
    tally = tallyActivityZoneColumns(loaded.zoneColumns, options);
    built.set(key, tally);
    if (built.size > MAX_ZONE_OPTION_SETS) built.delete(built.keys().next().value as string);
  }
  return tally;
}

const MAX_ZONE_OPTION_SETS = 4;

const activityTallies = oncePerWarehouse((_warehouse: Warehouse) => new Map<string, ActivityZoneTally>());

const given = <K extends keyof ZoneThresholds>(key: K, value: number | undefined): Partial<ZoneThresholds> =>
  value === undefined ? {} : { [key]: value };

/**
 * A typed threshold that crosses its partner, worded as the typed value against the other; null when in order. Only
 * pairs with a typed side (`both`: both sides typed) are judged: the thresholds in force were checked when saved.
 */
function zoneOrderProblem(
  zones: ZoneThresholds,
  typed: Partial<ZoneThresholds>,
  judge: 'either' | 'both' = 'either',
): string | null {
  const isTyped = (a: keyof ZoneThresholds, b: keyof ZoneThresholds) =>
    judge === 'both'
      ? typed[a] !== undefined && typed[b] !== undefined
      : typed[a] !== undefined || typed[b] !== undefined;
  const scoreTyped = isTyped('redBelow', 'greenAbove');
  if (scoreTyped && zones.redBelow > zones.greenAbove) {
    return `\`red_below=${zones.redBelow}\` is above \`green_above=${zones.greenAbove}\`.`;
  }
  const fallbackTyped = isTyped('fallbackRedCumeDist', 'fallbackYellowCumeDist');
  if (fallbackTyped && zones.fallbackRedCumeDist > zones.fallbackYellowCumeDist) {
    return `\`fallback_red=${zones.fallbackRedCumeDist}\` is above \`fallback_yellow=${zones.fallbackYellowCumeDist}\`.`;
  }
  return null;
}

/** The zone options the command runs with: what was typed over the thresholds in force (zoneOptionsFor). */
function resolveZoneOptions(options: ConversionCohortOptions, context: CommandContext): ConversionCohortOptions {
  const zones: ZoneOptions = { ...zoneOptionsFor(context), ...options.zoneOverrides };
  const problem = zoneOrderProblem(zones, options.zoneOverrides);
  if (problem) {
    const t = translator(context.locale);
    const { slash, usage } = conversionCohortCommand.syntax;
    throw new UsageError([problem, t('usage.usageLine', { slash, usage }), t('usage.moreLine', { slash })].join('\n'));
  }
  return { ...options, zones };
}
