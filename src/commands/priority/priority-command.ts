import { z } from 'zod';
import {
  DEFAULT_TOP_N,
  MAX_TOP_N,
  PRIORITY_ZONES,
  type PriorityFilters,
  type PriorityZone,
  selectPriority,
  type ZoneLookup,
} from '../../analysis/priority/priority-filter.js';
import {
  computePriority,
  DEFAULT_ACCELERATION_CUME_DIST,
  DEFAULT_DROP_THRESHOLD,
  DEFAULT_PRIORITY_WEIGHTS,
  type PriorityOptions,
} from '../../analysis/priority/priority-score.js';
import { tallyZones } from '../../analysis/zones/compute-zones.js';
import { ZONE_METHOD_LABELS } from '../../analysis/zones/zone-rules.js';
import type { ZonesResult, ZoneTally } from '../../analysis/zones/zone-types.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import { loadValueCustomers, VALUE_PRIORITY_COLUMNS } from '../../data/queries/value-customers.js';
import { loadZoneInputs } from '../../data/queries/zone-inputs.js';
import type { TableReadReport } from '../../data/read-table.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { presentPriority } from './priority-present.js';

export interface PriorityCommandOptions {
  readonly top: number;
  readonly filters: PriorityFilters;
  readonly scoring: PriorityOptions;
}

const weight = (name: string, fallback: number) => ({
  schema: z.coerce.number().min(0).max(1),
  allowed: 'a number from 0 to 1',
  description: `weight of ${name} in the priority (default ${fallback})`,
});

const TopN = z.coerce.number().int().min(1).max(MAX_TOP_N);

export const priorityCommand: CommandDefinition<PriorityCommandOptions> = {
  slash: '/priority',
  summary: 'Who to call first: customers ranked by value, health and churn risk, each with a route',
  syntax: {
    slash: '/priority',
    usage: '[top] [N] [tier=…] [segment=HV|SMB] [stage=…] [zone=red|yellow|green]',
    options: {
      tier: { schema: z.string().min(1), allowed: 'a customer_tier, e.g. Gold', description: 'only this tier' },
      segment: {
        schema: z
          .string()
          .transform((s) => s.toUpperCase())
          .pipe(z.enum(['HV', 'SMB'])),
        allowed: 'HV|SMB',
        description: 'only high-value (Gold/Platinum, share > 5%) or SMB (Basic/Bronze/Silver, share ≤ 5%) customers',
      },
      stage: {
        schema: z.string().min(1),
        allowed: 'a lifecycle_stage, e.g. Retention',
        description: 'only this stage',
      },
      zone: {
        schema: z
          .string()
          .transform((s) => s.toLowerCase())
          .pipe(z.enum(PRIORITY_ZONES)),
        allowed: PRIORITY_ZONES.join('|'),
        description: 'only customers in this health zone (the zones of /conversion-cohort)',
      },
      rfm_weight: weight('the normalised RFM composite', DEFAULT_PRIORITY_WEIGHTS.rfm),
      health_weight: weight('normalised health', DEFAULT_PRIORITY_WEIGHTS.health),
      churn_weight: weight('churn probability (subtracted)', DEFAULT_PRIORITY_WEIGHTS.churn),
      drop: {
        schema: z.coerce.number().gt(0).max(1),
        allowed: 'a number above 0, at most 1',
        description: `a fall in priority larger than this since the previous snapshot → manual intervention (default ${DEFAULT_DROP_THRESHOLD})`,
      },
    },
    words: { top: 'followed by N (1–100, default 10): how many customers to list' },
  },
  requirements: [{ table: 'value', columns: VALUE_PRIORITY_COLUMNS }],
  examples: [
    '/priority',
    '/priority top 20',
    '/priority 20 segment=HV',
    '/priority tier=Gold stage=Retention',
    '/priority zone=red',
  ],
  help: [
    'Source: customer360__customer_value_analysis, latest row per cleaned primary_email (the previous row gives the change).',
    'priority = 0.4·norm(RFM composite) + 0.4·norm(health) − 0.2·churn_probability; RFM composite = mean of recency, frequency and monetary scores; norm = min-max over every latest row having R, F, M, health and churn. Filters pick from that ranking; they do not re-normalise.',
    'Route, first that applies: priority fell by more than 0.10 since the previous snapshot (same formula and min-max on the previous row) → manual intervention; HV with priority cume_dist ≥ 0.8 → dedicated acceleration; SMB → automated nurture; else standard engagement. Ties by email.',
  ],
  parse(args: CommandArgs): PriorityCommandOptions {
    const saidTop = args.takeWord('top');
    const numberWord = args.words.find((w) => /^[+-]?\d+(\.\d*)?$/.test(w));
    let top = DEFAULT_TOP_N;
    if (numberWord !== undefined) {
      const parsed = TopN.safeParse(numberWord);
      if (!parsed.success)
        throw args.usage(`\`${numberWord}\` is not allowed: N takes a whole number from 1 to ${MAX_TOP_N}.`);
      top = parsed.data;
      args.words.splice(args.words.indexOf(numberWord), 1);
    } else if (saidTop && args.words.length > 0) {
      throw args.usage(`\`top ${args.words[0]}\` is not allowed: N takes a whole number from 1 to ${MAX_TOP_N}.`);
    }
    const filters: PriorityFilters = {
      ...optional('tier', args.option<string>('tier')),
      ...optional('segment', args.option<'HV' | 'SMB'>('segment')),
      ...optional('stage', args.option<string>('stage')),
      ...optional('zone', args.option<PriorityZone>('zone')),
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
    const { customers, report } = loadValueCustomers(warehouse, VALUE_PRIORITY_COLUMNS, {
      neededFor: '/priority',
      withPrevious: true,
    });
    const result = computePriority(customers, options.scoring);
    const zones = options.filters.zone === undefined ? null : loadZones(warehouse, '/priority zone=');
    const selection = selectPriority(result.ranked, options.filters, options.top, zones?.lookup);
    // The zone fallback re-reads the value table; list each table once in the footer.
    const zoneReads = (zones?.reads ?? []).filter((r) => r.tableId !== report.tableId);
    return presentPriority({ options, result, selection, reads: [report, ...zoneReads], zones: zones?.result ?? null });
  },
};

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export interface LoadedZones {
  readonly result: ZoneTally;
  readonly lookup: ZoneLookup;
  readonly reads: readonly TableReadReport[];
}

/** Zones by the method the data allows (activity score, or the value fallback), keyed by cleaned email. */
export function loadZones(warehouse: Warehouse, neededFor: string): LoadedZones {
  const { inputs, reads } = loadZoneInputs(warehouse, neededFor);
  // Only the zone of each customer is filtered on, so no reason sentences (tallyZones).
  const result = tallyZones(inputs);
  const byEmail = new Map<string, PriorityZone | null>();
  for (const c of result.customers) byEmail.set(c.key, c.zone);
  return { result, lookup: (email) => byEmail.get(email) ?? null, reads };
}

export function zoneMethodNote(zones: Pick<ZonesResult, 'method' | 'activityUnavailable'>): string {
  const method = ZONE_METHOD_LABELS[zones.method];
  return zones.activityUnavailable ? `zones by ${method} (${zones.activityUnavailable})` : `zones by ${method}`;
}
