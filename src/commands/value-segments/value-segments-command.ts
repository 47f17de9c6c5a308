import { z } from 'zod';
import { valuePopulationOf } from '../../analysis/value-segments/value-population.js';
import { DEFAULT_PORTFOLIO_CUT } from '../../analysis/value-segments/value-segment.js';
import { computeValueSegmentsColumns } from '../../analysis/value-segments/value-segment-columns.js';
import { oncePerWarehouse } from '../../data/once-per-warehouse.js';
import type { Warehouse } from '../../data/open-warehouse.js';
import { VALUE_SEGMENT_COLUMNS } from '../../data/queries/value-customers.js';
import { VALUE_FUNNEL_COLUMNS } from '../../data/queries/value-funnel.js';
import { type LoadedValueSegmentColumns, loadValueSegmentColumns } from '../../data/queries/value-segment-columns.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import type { ValueSegmentsOptions } from './value-segments-options.js';
import { presentValueSegments } from './value-segments-present.js';

/**
 * What no cut changes (the 'All' group, the RFM × LTV line, the churn order), once per export and held within the
 * export memory budget like the columns it comes from; a rebuild gives the same figures.
 */
const populationOf = oncePerWarehouse((_warehouse: Warehouse, loaded: LoadedValueSegmentColumns) =>
  valuePopulationOf(loaded.columns, loaded.funnel),
);

export const valueSegmentsCommand: CommandDefinition<ValueSegmentsOptions> = {
  slash: '/value-segments',
  summary: translator('en')('command.value-segments.summary'),
  syntax: {
    slash: '/value-segments',
    usage: '[cut=0.05]',
    options: {
      cut: {
        schema: z.coerce.number().gt(0).lt(1),
        allowed: 'a fraction between 0 and 1 (0.05 = 5%)',
        description: `portfolio_contribution_pct above which Gold/Platinum is high value, at or below which Basic/Bronze/Silver is SMB (default ${DEFAULT_PORTFOLIO_CUT})`,
        helpValues: { value: DEFAULT_PORTFOLIO_CUT },
      },
    },
  },
  requirements: [
    { table: 'value', columns: VALUE_SEGMENT_COLUMNS },
    {
      table: 'funnel',
      columns: VALUE_FUNNEL_COLUMNS,
      fallback: 'without funnel rows, consistency and velocity come from proxies on the value table',
    },
  ],
  examples: ['/value-segments', '/value-segments cut=0.03'],
  help: translator('en')('command.value-segments.help').split('\n'),
  parse(args: CommandArgs): ValueSegmentsOptions {
    return { cut: args.option<number>('cut') ?? DEFAULT_PORTFOLIO_CUT };
  },
  run(options, context): CommandAnswer {
    const warehouse = context.warehouse();
    const loaded = loadValueSegmentColumns(warehouse, '/value-segments');
    const { columns, report, funnel, funnelReport } = loaded;
    const result = computeValueSegmentsColumns(columns, funnel, options.cut, populationOf(warehouse, loaded));
    return presentValueSegments(result, options, funnelReport ? [report, funnelReport] : [report], context.locale);
  },
};
