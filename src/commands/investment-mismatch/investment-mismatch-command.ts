import { z } from 'zod';
import {
  type InvestmentMismatchFigures,
  populationFigures,
} from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import {
  DEFAULT_BOTTOM_SHARE,
  DEFAULT_MIN_CELL_SIZE,
  DEFAULT_TOP_SHARE,
  DEFAULT_WEIGHTS,
  type InvestmentMismatchOptions,
} from '../../analysis/investment-mismatch/mismatch-types.js';
import { buildInvestmentMismatchCharts } from '../../charts/investment-mismatch/index.js';
import { CUSTOMER_SALES_COLUMNS } from '../../data/queries/customer-sales.js';
import {
  INVESTMENT_CORE_COLUMNS,
  INVESTMENT_DETAIL_COLUMNS,
  loadInvestmentColumns,
} from '../../data/queries/investment-customers.js';
import { MAPPING_COLUMNS } from '../../data/queries/investment-mapping.js';
import { EmptyTableError } from '../../data/warehouse-errors.js';
import { WAREHOUSE_TABLES } from '../../data/warehouse-schema.js';
import { translator } from '../../i18n/translate.js';
import type { CommandAnswer } from '../command-answer.js';
import type { CommandArgs } from '../command-args.js';
import type { CommandDefinition } from '../command-definition.js';
import { loadZones } from '../load-zones.js';
import { zoneOptionsFor } from '../zone-options-for.js';
import { investmentFigures } from './investment-mismatch-figures.js';
import { investmentLead } from './investment-mismatch-lead.js';
import { buildHeadline, buildSections } from './investment-mismatch-present.js';
import { investmentNotes, investmentProvenance } from './investment-mismatch-provenance.js';
import { missingColumnsAnswer, unavailableAnswer, unmatchedWhy } from './investment-mismatch-unavailable.js';
import { mismatchedZones } from './investment-mismatch-zones.js';

export interface InvestmentMismatchCommandOptions {
  readonly analysis: InvestmentMismatchOptions;
  readonly industry: string | null;
  readonly size: string | null;
}

const SLASH = '/investment-mismatch';
const weight = z.coerce.number().min(0).max(1);
const share = z.coerce.number().gt(0).lt(1);
const label = z.string().trim().min(1);

export const investmentMismatchCommand: CommandDefinition<InvestmentMismatchCommandOptions> = {
  slash: SLASH,
  summary: translator('en')('command.investment-mismatch.summary'),
  syntax: {
    slash: SLASH,
    usage:
      '[top=0.3] [bottom=0.5] [w_sales=0.4] [w_adoption=0.35] [w_support=0.25] [min_cell=20] [industry=…] [size=…]',
    options: {
      top: {
        schema: share,
        allowed: 'a share between 0 and 1',
        description: `top priority share (default ${DEFAULT_TOP_SHARE}: cume_dist ≥ 0.7)`,
        helpValues: { value: DEFAULT_TOP_SHARE },
      },
      bottom: {
        schema: share,
        allowed: 'a share between 0 and 1',
        description: `bottom composite share (default ${DEFAULT_BOTTOM_SHARE}: cume_dist ≤ 0.5)`,
        helpValues: { value: DEFAULT_BOTTOM_SHARE },
      },
      w_sales: {
        schema: weight,
        allowed: 'a weight from 0 to 1',
        description: `composite weight of sales (default ${DEFAULT_WEIGHTS.sales})`,
        helpValues: { value: DEFAULT_WEIGHTS.sales },
      },
      w_adoption: {
        schema: weight,
        allowed: 'a weight from 0 to 1',
        description: `composite weight of product adoption (default ${DEFAULT_WEIGHTS.adoption})`,
        helpValues: { value: DEFAULT_WEIGHTS.adoption },
      },
      w_support: {
        schema: weight,
        allowed: 'a weight from 0 to 1',
        description: `composite weight of support resolution (default ${DEFAULT_WEIGHTS.support})`,
        helpValues: { value: DEFAULT_WEIGHTS.support },
      },
      min_cell: {
        schema: z.coerce.number().int().min(1).max(1_000_000),
        allowed: 'a whole number from 1',
        description: `smallest industry × size cell reported (default ${DEFAULT_MIN_CELL_SIZE})`,
        helpValues: { value: DEFAULT_MIN_CELL_SIZE },
      },
      industry: {
        schema: label,
        allowed: 'an industry_vertical, e.g. Technology',
        description: 'only customers of this industry',
      },
      size: {
        schema: label,
        allowed: 'a company_size_tier, e.g. Enterprise',
        description: 'only customers of this size tier',
      },
    },
  },
  requirements: [
    { table: 'value', columns: ['primary_email', 'analysis_timestamp', ...INVESTMENT_CORE_COLUMNS] },
    {
      table: 'value',
      columns: INVESTMENT_DETAIL_COLUMNS,
      fallback: 'the ROI, cell, onboarding and team-size parts that need a missing column say so',
    },
    { table: 'customer', columns: CUSTOMER_SALES_COLUMNS },
    {
      table: 'mapping',
      columns: MAPPING_COLUMNS,
      fallback: 'value rows whose email has no customer row stay without sales',
    },
  ],
  examples: [SLASH, `${SLASH} top=0.2 bottom=0.4`, `${SLASH} industry=Technology min_cell=10`],
  help: translator('en')('command.investment-mismatch.help').split('\n'),
  parse(args: CommandArgs): InvestmentMismatchCommandOptions {
    const weights = {
      sales: args.option<number>('w_sales') ?? DEFAULT_WEIGHTS.sales,
      adoption: args.option<number>('w_adoption') ?? DEFAULT_WEIGHTS.adoption,
      support: args.option<number>('w_support') ?? DEFAULT_WEIGHTS.support,
    };
    if (weights.sales + weights.adoption + weights.support <= 0) {
      throw args.usage(args.t('mismatch.usage.zeroWeights'));
    }
    return {
      analysis: {
        weights,
        topShare: args.option<number>('top') ?? DEFAULT_TOP_SHARE,
        bottomShare: args.option<number>('bottom') ?? DEFAULT_BOTTOM_SHARE,
        minCellSize: args.option<number>('min_cell') ?? DEFAULT_MIN_CELL_SIZE,
      },
      industry: args.option<string>('industry') ?? null,
      size: args.option<string>('size') ?? null,
    };
  },
  run(options, context): CommandAnswer {
    const load = loadInvestmentColumns(context.warehouse(), SLASH);
    const command = describeInvocation(options);
    if (load.kind === 'missing-columns') return missingColumnsAnswer(command, load.missing, context.locale);

    // An empty value table is a warehouse problem, as for every other command (exit 1, not an empty answer).
    if (load.columns.length === 0) throw new EmptyTableError(WAREHOUSE_TABLES.value.name, SLASH);
    const filtered = investmentFigures(context.warehouse(), load.columns, options);
    if (filtered.kind === 'none') {
      return unavailableAnswer(
        command,
        unmatchedWhy(filtered.unmatched, translator(context.locale)),
        {
          ...investmentProvenance(load, 0, options, [], context.locale),
        },
        context.locale,
      );
    }
    const result = filtered.figures;
    const notes = investmentNotes(load, result, context.locale);
    const provenance = investmentProvenance(load, result.validCount, options, notes, context.locale);
    if (result.validCount === 0) {
      return unavailableAnswer(
        command,
        { sentence: translator(context.locale)('mismatch.noPopulation', { notes: notes.slice(0, 2).join('; ') }) },
        provenance,
        context.locale,
      );
    }
    const charts = buildInvestmentMismatchCharts(result, context.locale);
    const zones = loadZones(context.warehouse(), SLASH, zoneOptionsFor(context));
    const filters = [
      ...(options.industry ? [`industry=${options.industry}`] : []),
      ...(options.size ? [`size=${options.size}`] : []),
    ];
    return {
      command,
      lead: investmentLead(
        result,
        mismatchedZones(result, zones, load.cache),
        provenance,
        filters,
        options.analysis.topShare,
        context.locale,
      ),
      title: translator(context.locale)('mismatch.title', {
        top: Math.round(options.analysis.topShare * 100),
        bottom: Math.round(options.analysis.bottomShare * 100),
      }),
      headline: buildHeadline(result, context.locale),
      sections: buildSections(result, load.missingDetailColumns, context.locale),
      provenance,
      charts,
      chartsOmitted: 0,
      data: jsonData(result, options),
    };
  },
};

function describeInvocation(options: InvestmentMismatchCommandOptions): string {
  const a = options.analysis;
  const parts = [SLASH];
  if (a.topShare !== DEFAULT_TOP_SHARE) parts.push(`top=${a.topShare}`);
  if (a.bottomShare !== DEFAULT_BOTTOM_SHARE) parts.push(`bottom=${a.bottomShare}`);
  if (a.weights.sales !== DEFAULT_WEIGHTS.sales) parts.push(`w_sales=${a.weights.sales}`);
  if (a.weights.adoption !== DEFAULT_WEIGHTS.adoption) parts.push(`w_adoption=${a.weights.adoption}`);
  if (a.weights.support !== DEFAULT_WEIGHTS.support) parts.push(`w_support=${a.weights.support}`);
  if (a.minCellSize !== DEFAULT_MIN_CELL_SIZE) parts.push(`min_cell=${a.minCellSize}`);
  if (options.industry) parts.push(`industry=${options.industry}`);
  if (options.size) parts.push(`size=${options.size}`);
  return parts.join(' ');
}

function jsonData(result: InvestmentMismatchFigures, options: InvestmentMismatchCommandOptions) {
  return {
    available: true,
    options,
    population: populationFigures(result.population),
    mismatchRate: result.mismatchRate,
    roiAndLifecycle: result.roiAndLifecycle,
    segmentCells: result.segmentCells,
    onboarding: { ...result.onboarding, points: undefined },
    teamAndLevel: result.teamAndLevel,
    bias: result.bias,
    grid: result.grid,
    mismatchedCustomers: result.mismatchedCustomers.map((c) => ({
      email: c.email,
      priority: c.priority,
      composite: c.composite,
      roi: c.roi,
      industry: c.industry,
      sizeTier: c.sizeTier,
      lifecycleStage: c.lifecycleStage,
    })),
  };
}
