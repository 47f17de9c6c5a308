import { z } from 'zod';
import {
  DEFAULT_TOP_N,
  MAX_TOP_N,
  PRIORITY_ZONES,
  type PriorityFilters,
  type PriorityZone,
  type RowZones,
  selectPriority,
} from '../../analysis/priority/priority-filter.js';
import type { PriorityRoute } from '../../analysis/priority/priority-routes.js';
import {
  DEFAULT_ACCELERATION_CUME_DIST,
  DEFAULT_DROP_THRESHOLD,
  DEFAULT_PRIORITY_WEIGHTS,
} from '../../analysis/priority/priority-score.js';
import { VALUE_PRIORITY_COLUMNS } from '../../data/queries/value-customers.js';
import { loadPriorityColumns } from '../../data/queries/value-priority-columns.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { loadPriority } from '../load-priority.js';
import { loadZones } from '../load-zones.js';
import { zoneOptionsFor } from '../zone-options-for.js';
import { rankedColumns, shownColumns, zoneCodesOfColumns } from './priority-on-columns.js';
import type { PriorityCommandOptions } from './priority-options.js';
import { presentPriority } from './priority-present.js';
import { shownRows } from './priority-shown.js';
import { zonesByRank } from './priority-zones.js';

const en = translator('en');

const weight = (key: 'rfm_weight' | 'health_weight' | 'churn_weight', fallback: number) => ({
  schema: z.coerce.number().min(0).max(1),
  allowed: 'a number from 0 to 1',
  description: en(`command.priority.option.${key}`, { value: fallback }),
  helpValues: { value: fallback },
});

/** The words `route=` takes, as a CSM says them. */
const ROUTE_WORDS = ['manual', 'acceleration', 'nurture', 'standard'] as const;
type RouteWord = (typeof ROUTE_WORDS)[number];
const ROUTE_OF_WORD: Readonly<Record<RouteWord, PriorityRoute>> = {
  manual: 'manual-intervention',
  acceleration: 'dedicated-acceleration',
  nurture: 'automated-nurture',
  standard: 'standard',
};
function routeOf(word: RouteWord | undefined): PriorityRoute | undefined {
  return word === undefined ? undefined : ROUTE_OF_WORD[word];
}

/** An option taking one of `words` in any case: `fold` brings what the user typed to the words' case. */
function wordOption<const W extends readonly [string, ...string[]]>(
  words: W,
  fold: (typed: string) => string,
  description: string,
) {
  return { schema: z.string().transform(fold).pipe(z.enum(words)), allowed: words.join('|'), description };
}
const upper = (typed: string) => typed.toUpperCase();
const lower = (typed: string) => typed.toLowerCase();

const TopN = z.coerce.number().int().min(1).max(MAX_TOP_N);

export const priorityCommand: CommandDefinition<PriorityCommandOptions> = {
  slash: '/priority',
  summary: en('command.priority.summary'),
  syntax: {
    slash: '/priority',
    usage: '[top] [N] [tier=…] [segment=HV|SMB] [stage=…] [zone=red|yellow|green] [route=manual|…] [list]',
    options: {
      tier: {
        schema: z.string().min(1),
        allowed: 'a customer_tier, e.g. Gold',
        description: en('command.priority.option.tier'),
      },
      segment: wordOption(['HV', 'SMB'], upper, en('command.priority.option.segment')),
      stage: {
        schema: z.string().min(1),
        allowed: 'a lifecycle_stage, e.g. Retention',
        description: en('command.priority.option.stage'),
      },
      zone: wordOption(PRIORITY_ZONES, lower, en('command.priority.option.zone')),
      route: wordOption(ROUTE_WORDS, lower, en('command.priority.option.route')),
      rfm_weight: weight('rfm_weight', DEFAULT_PRIORITY_WEIGHTS.rfm),
      health_weight: weight('health_weight', DEFAULT_PRIORITY_WEIGHTS.health),
      churn_weight: weight('churn_weight', DEFAULT_PRIORITY_WEIGHTS.churn),
      drop: {
        schema: z.coerce.number().gt(0).max(1),
        allowed: 'a number above 0, at most 1',
        description: en('command.priority.option.drop', { value: DEFAULT_DROP_THRESHOLD }),
        helpValues: { value: DEFAULT_DROP_THRESHOLD },
      },
    },
    words: { top: en('command.priority.word.top') },
  },
  requirements: [{ table: 'value', columns: VALUE_PRIORITY_COLUMNS }],
  examples: [
    '/priority top 20',
    '/priority zone=red',
    '/priority route=manual list',
    '/priority 20 segment=HV',
    '/priority tier=Gold stage=Retention',
  ],
  help: en('command.priority.help').split('\n'),
  parse(args: CommandArgs): PriorityCommandOptions {
    const saidTop = args.takeWord('top');
    const numberWord = args.words.find((w) => /^[+-]?\d+(\.\d*)?$/.test(w));
    let top = DEFAULT_TOP_N;
    if (numberWord !== undefined) {
      const parsed = TopN.safeParse(numberWord);
      if (!parsed.success) throw args.usage(args.t('priority.usage.badTop', { given: numberWord, max: MAX_TOP_N }));
      top = parsed.data;
      args.words.splice(args.words.indexOf(numberWord), 1);
    } else if (saidTop && args.words.length > 0) {
      throw args.usage(args.t('priority.usage.badTop', { given: `top ${args.words[0]}`, max: MAX_TOP_N }));
    }
    const filters: PriorityFilters = {
      ...optional('tier', args.option<string>('tier')),
      ...optional('segment', args.option<'HV' | 'SMB'>('segment')),
      ...optional('stage', args.option<string>('stage')),
      ...optional('zone', args.option<PriorityZone>('zone')),
      ...optional('route', routeOf(args.option<RouteWord>('route'))),
    };
    return {
      top,
      filters,
      scoring: {
        weights: {
          rfm: args.option<number>('rfm_weight') ?? DEFAULT_PRIORITY_WEIGHTS.rfm,
          health: args.option<number>('health_weight') ?? DEFAULT_PRIORITY_WEIGHTS.health,
          churn: args.option<number>('churn_weight') ?? DEFAULT_PRIORITY_WEIGHTS.churn,
        },
        dropThreshold: args.option<number>('drop') ?? DEFAULT_DROP_THRESHOLD,
        accelerationCumeDist: DEFAULT_ACCELERATION_CUME_DIST,
      },
    };
  },
  run(options, context): CommandAnswer {
    const warehouse = context.warehouse();
    const columns = loadPriorityColumns(warehouse, '/priority');
    if (columns) {
      const ranked = rankedColumns(warehouse, columns, options.scoring);
      const zones = ranked.n === 0 ? null : loadZones(warehouse, '/priority', zoneOptionsFor(context));
      const zoneCodes = zones ? zoneCodesOfColumns(ranked, columns, zones) : new Uint8Array(ranked.n);
      const zoneReads = (zones?.reads ?? []).filter((r) => r.tableId !== columns.report.tableId);
      return presentPriority({
        options,
        result: ranked,
        selection: shownColumns(ranked, columns, zoneCodes, options),
        reads: [columns.report, ...zoneReads],
        zones: zones?.result ?? null,
        locale: context.locale,
      });
    }
    const { result, report, cacheRows } = loadPriority(warehouse, '/priority', options.scoring);
    // Zones decide each customer's next action (red → intervene within 48 hours), so they are always read.
    const zones = result.n === 0 ? null : loadZones(warehouse, '/priority', zoneOptionsFor(context));
    const join = cacheRows && zones?.byCacheRow ? { customerRows: cacheRows, zones: zones.byCacheRow } : undefined;
    const zoneOf: RowZones = zones ? zonesByRank(result, zones.lookup, join) : { zoneOfRow: () => null };
    const selection = selectPriority(result.ranked, options.filters, options.top, zoneOf);
    // The zone fallback re-reads the value table; list each table once in the footer.
    const zoneReads = (zones?.reads ?? []).filter((r) => r.tableId !== report.tableId);
    return presentPriority({
      options,
      result,
      selection: shownRows(result, selection, zoneOf),
      reads: [report, ...zoneReads],
      zones: zones?.result ?? null,
      locale: context.locale,
    });
  },
};

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
