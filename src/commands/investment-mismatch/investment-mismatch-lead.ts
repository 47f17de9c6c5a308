import type { InvestmentMismatchFigures } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { ScoredCustomer } from '../../analysis/investment-mismatch/score-customers.js';
import { nextAction } from '../../analysis/next-action/next-action.js';
import type { PriorityZone } from '../../analysis/priority/priority-filter.js';
import { numberFormat } from '../../format/number-format.js';
import type { Locale } from '../../i18n/locale.js';
import { type Translate, termFor, translator } from '../../i18n/translate.js';
import { actionText } from '../../vocabulary/action-text.js';
import { glossaryFor } from '../../vocabulary/glossary.js';
import type { AnswerLead, Provenance } from '../command-answer.js';
import { contextLine } from '../context-line.js';
import type { MismatchedZones } from './investment-mismatch-zones.js';

const SHOWN = 10;

/** The main message: how many top-priority accounts underperform, and the ones with most value at risk. */
export function investmentLead(
  result: InvestmentMismatchFigures,
  /** The zones of mismatched customers by their indices in result.mismatchedCustomers (investment-mismatch-zones). */
  zonesOf: MismatchedZones,
  provenance: Provenance,
  filters: readonly string[],
  topShare: number,
  locale: Locale = 'en',
): AnswerLead {
  const t = translator(locale);
  const f = numberFormat(locale);
  const { terms } = glossaryFor(locale);
  const p = result.population;
  const context = contextLine(
    provenance,
    {
      population: t('mismatch.population'),
      filters: [t('mismatch.top', { share: f.percent(topShare, { decimals: 0 }) }), ...filters],
    },
    locale,
  );
  const order = byValueAtRiskOf(result.mismatchedCustomers);
  const mismatched = order.map((k) => result.mismatchedCustomers[k] as ScoredCustomer);
  if (mismatched.length === 0) {
    const none = t('mismatch.noneQualify');
    return { takeaway: none, accounts: [], noAccounts: none, tables: [], context };
  }
  // The action depends on the zone alone: worked out once per zone, not once for each of ~100k listed accounts.
  const actions = new Map<PriorityZone | null, string>();
  const actionFor = (zone: PriorityZone | null): string => {
    let text = actions.get(zone);
    if (text === undefined) {
      text = actionText(nextAction({ zone, route: null, underperforming: true }), locale);
      actions.set(zone, text);
    }
    return text;
  };
  const zones = zonesOf(order);
  const stages = countStages(mismatched);
  const [topStage] = stages;
  const takeaway =
    topStage && topStage[0] !== UNKNOWN_STAGE
      ? t('mismatch.takeaway', {
          mismatched: f.count(mismatched.length),
          top: f.count(p.topCount),
          stageShare: f.percent(topStage[1] / mismatched.length, { decimals: 0 }),
          stage: stageName(topStage[0], t),
        })
      : t('mismatch.takeawayPlain', { mismatched: f.count(mismatched.length), top: f.count(p.topCount) });
  const r = result.bias.priorityComposite;
  const notes: string[] = [];
  if (r.kind === 'ok') {
    const correlation = f.decimal(r.r, 2);
    notes.push(
      Math.abs(r.r) < 0.3 ? t('mismatch.whyNote', { correlation }) : t('mismatch.tracksNote', { correlation }),
    );
  }
  return {
    takeaway,
    accountsTotal: mismatched.length,
    accountsTitle: t('mismatch.accountsTitle'),
    accounts: mismatched.slice(0, SHOWN).map((c, i) => ({
      lookup: c.email,
      organisation: c.organization ?? null,
      email: c.email,
      why: t('mismatch.why', {
        stage: stageName(c.lifecycleStage ?? UNKNOWN_STAGE, t),
        ltv: terms.ltv.format(c.lifetimeValue),
        performance: terms.compositePerformance.format(c.composite),
      }),
      action: actionFor(zones[i] ?? null),
    })),
    tables: [
      {
        kind: 'table',
        title: t('mismatch.stagesTitle'),
        table: {
          columns: t('mismatch.stagesColumns').split('|'),
          align: ['left', 'right', 'right'],
          rows: stages.map(([stage, n]) => [stageName(stage, t), f.count(n), f.percent(n / mismatched.length)]),
        },
      },
    ],
    notes,
    context,
    list: {
      columns: t('mismatch.csv.columns').split('|'),
      rows: mismatched.map((c, i) => {
        const zone = zones[i] ?? null;
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
          actionFor(zone),
        ];
      }),
    },
  };
}

const sortedByValue = new WeakMap<readonly ScoredCustomer[], readonly number[]>();

/**
 * The customers' indices by value at risk, sorted once per figures (which are kept per export and options); indices,
 * so their zones can be found by row (the sort is stable, so the order is the customers' own sorted order).
 */
function byValueAtRiskOf(customers: readonly ScoredCustomer[]): readonly number[] {
  let sorted = sortedByValue.get(customers);
  if (!sorted) {
    sorted = Array.from(customers.keys()).sort((a, b) =>
      byValueAtRisk(customers[a] as ScoredCustomer, customers[b] as ScoredCustomer),
    );
    sortedByValue.set(customers, sorted);
  }
  return sorted;
}

/** Largest lifetime value first (value at risk); ties by email so the order is stable. */
function byValueAtRisk(a: ScoredCustomer, b: ScoredCustomer): number {
  const va = a.lifetimeValue ?? Number.NEGATIVE_INFINITY;
  const vb = b.lifetimeValue ?? Number.NEGATIVE_INFINITY;
  if (va !== vb) return vb - va;
  return a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
}

/** Stands for a missing lifecycle stage while counting; shown as "no stage" in the reader's language. */
const UNKNOWN_STAGE = '\u0000no stage';

function stageName(stage: string, t: Translate): string {
  return stage === UNKNOWN_STAGE ? t('mismatch.unknownStage') : termFor(t.locale, 'stage', stage);
}

function countStages(rows: readonly ScoredCustomer[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const c of rows) {
    const stage = c.lifecycleStage ?? UNKNOWN_STAGE;
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
