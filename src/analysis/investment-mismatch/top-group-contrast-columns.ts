import { distinctLevels } from '../columns/distinct-levels.js';
import { isMismatched, type ScoredColumns, TOP } from './score-customer-columns.js';
import { byMismatchRate, type GroupMeans, type MismatchCell, type TopGroupContrast } from './top-group-contrast.js';

/** Running sums of one side of the top group, in row order (the row path's means to the bit). */
class MeanSums {
  n = 0;
  adoption = 0;
  support = 0;
  sales = 0;

  means(): GroupMeans {
    const n = this.n;
    return n === 0
      ? { n, adoption: null, support: null, sales: null }
      : { n, adoption: this.adoption / n, support: this.support / n, sales: this.sales / n };
  }
}

/** contrastTopGroup on scored columns: cells by label levels in first-seen order, means as running sums. */
export function contrastTopGroupColumns(scored: ScoredColumns): TopGroupContrast {
  const { rows, flags } = scored;
  const { adoption, support, sales } = scored.input;
  const industry = distinctLevels(scored.input.industry, rows);
  const size = distinctLevels(scored.input.sizeTier, rows);
  const cellOf = new Map<number, number>();
  const byCell: { industry: string; sizeTier: string; n: number; mismatched: number }[] = [];
  const mismatched = new MeanSums();
  const rest = new MeanSums();
  for (let i = 0; i < rows.length; i++) {
    if (((flags[i] as number) & TOP) === 0) continue;
    const r = rows[i] as number;
    const isMismatchedCustomer = isMismatched(flags, i);
    const side = isMismatchedCustomer ? mismatched : rest;
    side.n++;
    side.adoption += adoption[r] as number;
    side.support += support[r] as number;
    side.sales += sales[r] as number;
    const ind = industry.of[r] as number;
    const sz = size.of[r] as number;
    if (ind < 0 || sz < 0) continue;
    const key = ind * size.levels.length + sz;
    let k = cellOf.get(key);
    if (k === undefined) {
      k = byCell.length;
      cellOf.set(key, k);
      byCell.push({
        industry: industry.levels[ind] as string,
        sizeTier: size.levels[sz] as string,
        n: 0,
        mismatched: 0,
      });
    }
    const cell = byCell[k] as (typeof byCell)[number];
    cell.n++;
    if (isMismatchedCustomer) cell.mismatched++;
  }
  const cells: MismatchCell[] = byCell.map((c) => ({ ...c, mismatchRate: c.mismatched / c.n })).sort(byMismatchRate);
  const top = mismatched.n + rest.n;
  return {
    cells,
    overallRate: top > 0 ? mismatched.n / top : null,
    mismatched: mismatched.means(),
    rest: rest.means(),
  };
}
