import type { InvestmentMismatchResult } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { ScoredCustomer } from '../../analysis/investment-mismatch/score-customers.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import type { ZoneLookup } from '../../analysis/priority/priority-filter.js';
import { numberFormat } from '../../format/number-format.js';
import { TERMS } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import { INVESTMENT_MESSAGES as M } from './investment-mismatch-messages.js';

const f = numberFormat();
const SHOWN = 10;

/** The main message: how many top-priority accounts underperform, and the ones with most value at risk. */
export function investmentLead(
  result: InvestmentMismatchResult,
  zoneOf: ZoneLookup,
  provenance: Provenance,
  filters: readonly string[],
  topShare: number,
): AnswerLead {
  const p = result.population;
  const context = contextLine(provenance, {
    population: M.population,
    filters: [M.top(f.percent(topShare, { decimals: 0 })), ...filters],
  });
  const mismatched = p.customers.filter((c) => c.mismatched).sort(byValueAtRisk);
  if (mismatched.length === 0) {
    return { takeaway: M.noneQualify, accounts: [], noAccounts: M.noneQualify, tables: [], context };
  }
  const stages = countStages(mismatched);
  const [topStage] = stages;
  const takeaway =
    topStage && topStage[0] !== M.unknownStage
      ? M.takeaway(
          f.count(mismatched.length),
          f.count(p.topCount),
          f.percent(topStage[1] / mismatched.length, { decimals: 0 }),
          topStage[0],
        )
      : M.takeawayPlain(f.count(mismatched.length), f.count(p.topCount));
  const r = result.bias.priorityComposite;
  const notes: string[] = [];
  if (r.kind === 'ok') notes.push(Math.abs(r.r) < 0.3 ? M.whyNote(f.decimal(r.r, 2)) : M.tracksNote(f.decimal(r.r, 2)));
  return {
    takeaway,
    accountsTotal: mismatched.length,
    accountsTitle: M.accountsTitle,
    accounts: mismatched.slice(0, SHOWN).map((c) => ({
      lookup: c.email,
      organisation: c.organization ?? null,
      email: c.email,
      why: M.why(
        c.lifecycleStage ?? M.unknownStage,
        TERMS.ltv.format(c.lifetimeValue),
        TERMS.compositePerformance.format(c.composite),
      ),
      action: nextAction({ zone: zoneOf(c.email), route: null, underperforming: true }).text,
    })),
    tables: [
      {
        kind: 'table',
        title: M.stagesTitle,
        table: {
          columns: ['Lifecycle stage', 'Accounts', 'Share'],
          align: ['left', 'right', 'right'],
          rows: stages.map(([stage, n]) => [stage, f.count(n), f.percent(n / mismatched.length)]),
        },
      },
    ],
    notes,
    context,
    list: {
      columns: [
        'email',
        'organisation',
        'lifecycle stage',
        'industry',
        'company size',
        'zone',
        'investment priority score',
        'composite performance',
        'sales',
        'product adoption',
        'support resolution',
        'lifetime value',
        'roi',
        'next action',
      ],
      rows: mismatched.map((c) => {
        const zone = zoneOf(c.email);
        return [
          c.email,
          c.organization ?? null,
          c.lifecycleStage,
          c.industry,
          c.sizeTier,
          zone,
          c.priority,
          c.composite,
          c.sales,
          c.adoption,
          c.support,
          c.lifetimeValue,
          c.roi,
          nextAction({ zone, route: null, underperforming: true }).text,
        ];
      }),
    },
  };
}

/** Largest lifetime value first (value at risk); ties by email so the order is stable. */
function byValueAtRisk(a: ScoredCustomer, b: ScoredCustomer): number {
  const va = a.lifetimeValue ?? Number.NEGATIVE_INFINITY;
  const vb = b.lifetimeValue ?? Number.NEGATIVE_INFINITY;
  if (va !== vb) return vb - va;
  return a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
}

function countStages(rows: readonly ScoredCustomer[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of rows) {
    const stage = c.lifecycleStage ?? M.unknownStage;
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
