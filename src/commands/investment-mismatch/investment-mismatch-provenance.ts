import type { InvestmentMismatchResult } from '../../analysis/investment-mismatch/compute-investment-mismatch.js';
import type { InvestmentLoad } from '../../data/queries/investment-customers.js';
import { numberFormat, plural } from '../../format/number-format.js';
import type { Provenance } from '../command-answer.js';
import { buildProvenance } from '../provenance.js';
import type { InvestmentMismatchCommandOptions } from './investment-mismatch-command.js';

const fmt = numberFormat();

type Loaded = Extract<InvestmentLoad, { kind: 'loaded' }>;

/** What §1 was computed on: the value read, the customer-table reduction, the join and the thresholds. */
export function investmentProvenance(
  load: Loaded,
  n: number,
  options: InvestmentMismatchCommandOptions,
  notes: readonly string[],
): Provenance {
  const a = options.analysis;
  const base = buildProvenance({
    reads: [load.valueReport],
    n,
    filters: [
      ...(options.industry ? [`industry_vertical = ${options.industry}`] : []),
      ...(options.size ? [`company_size_tier = ${options.size}`] : []),
      'valid rows: sales, adoption, support and priority present',
    ],
    thresholds: [
      `top priority: cume_dist ≥ ${fmt.fixed(1 - a.topShare, 2)}`,
      `bottom composite: cume_dist ≤ ${fmt.fixed(a.bottomShare, 2)}`,
      `composite = ${a.weights.sales}·norm(sales) + ${a.weights.adoption}·norm(adoption) + ${a.weights.support}·norm(support)`,
      'ROI winsorised at P1/P99',
      `cells: n ≥ ${a.minCellSize}`,
      'onboarding bins < 2.5, 2.5–3.5, ≥ 3.5; team size ≤ 10, 11–50, > 50; executive = C-Level or VP',
    ],
    notes,
  });
  const j = load.join;
  return {
    ...base,
    tables: [
      ...base.tables,
      {
        table: 'customer360__customer',
        rowsInTable: j.customerRows,
        rowsUsed: j.customerEmails,
        reduction: 'one row per email: header row, else smallest customer360_id, among rows with sales',
      },
    ],
  };
}

export function investmentNotes(load: Loaded, result: InvestmentMismatchResult): string[] {
  const j = load.join;
  const p = result.population;
  const notes: string[] = [];
  if (j.emailsWithSeveralRows > 0) {
    notes.push(
      `customer360__customer: ${fmt.count(j.emailsWithSeveralRows)} of ${fmt.count(j.customerEmails)} emails on several rows (up to ${fmt.count(j.maxRowsPerEmail)}); one row kept per email`,
    );
  }
  const mapped = j.viaMapping.zendesk_user_id + j.viaMapping.marketo_lead_id + j.viaMapping.stripe_customer_id;
  notes.push(
    `sales joined for ${fmt.count(j.byEmail + mapped)} of ${fmt.count(j.valueRows)} customers: ${fmt.count(j.byEmail)} by email, ${fmt.count(mapped)} through the mapping (zendesk ${fmt.count(j.viaMapping.zendesk_user_id)}, marketo ${fmt.count(j.viaMapping.marketo_lead_id)}, stripe ${fmt.count(j.viaMapping.stripe_customer_id)}); ${fmt.count(j.unmatched)} unmatched`,
  );
  if (j.mappingUnavailable !== null) notes.push(`mapping fallback not used: ${j.mappingUnavailable}`);
  if (j.byEmailWithoutSales + j.viaMappingWithoutSales > 0) {
    notes.push(
      `${plural(j.byEmailWithoutSales + j.viaMappingWithoutSales, 'customer')} matched only customer rows without sales`,
    );
  }
  if (j.unreadableSales > 0)
    notes.push(`${plural(j.unreadableSales, 'sales value')} not readable as a number (treated as missing)`);
  if (p.missingInputs > 0) {
    notes.push(
      `${plural(p.missingInputs, 'customer')} left out for missing inputs (sales ${fmt.count(p.missingSales)}, adoption ${fmt.count(p.missingAdoption)}, support ${fmt.count(p.missingSupport)})`,
    );
  }
  if (p.missingPriority > 0)
    notes.push(`${plural(p.missingPriority, 'customer')} left out without investment_priority_score`);
  if (p.roiMissing > 0)
    notes.push(`${plural(p.roiMissing, 'valid customer')} without ROI (no lifetime value or cost ≤ 0)`);
  if (p.roiBounds && p.roiBounds.clippedLow + p.roiBounds.clippedHigh > 0) {
    notes.push(
      `ROI winsorised: ${fmt.count(p.roiBounds.clippedLow)} raised to P1, ${fmt.count(p.roiBounds.clippedHigh)} lowered to P99`,
    );
  }
  const cells = result.segmentCells;
  if (cells.missingLabels > 0)
    notes.push(`${plural(cells.missingLabels, 'top customer')} without industry or size tier (not in cells)`);
  if (result.roiAndLifecycle.missingStage > 0) {
    notes.push(`${plural(result.roiAndLifecycle.missingStage, 'valid customer')} without lifecycle_stage`);
  }
  if (result.onboarding.missingOnboarding > 0) {
    notes.push(`${plural(result.onboarding.missingOnboarding, 'top customer')} without customer_onboarding_score`);
  }
  if (result.teamAndLevel.missingTeamSize > 0) {
    notes.push(`${plural(result.teamAndLevel.missingTeamSize, 'top customer')} with ROI but no readable team_size`);
  }
  if (result.teamAndLevel.missingDecisionLevel > 0) {
    notes.push(
      `${plural(result.teamAndLevel.missingDecisionLevel, 'top customer')} with ROI but no decision_maker_level`,
    );
  }
  if (load.missingDetailColumns.length > 0) {
    notes.push(`value table lacks ${load.missingDetailColumns.join(', ')}: the parts needing them are not available`);
  }
  return notes;
}
