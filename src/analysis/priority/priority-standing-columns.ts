import { compareCodePoints } from '../code-point-order.js';
import type { ValueCustomer } from '../value-segments/value-customer.js';
import { valueSegmentOf } from '../value-segments/value-segment.js';
import type { PriorityColumnsInput } from './priority-columns.js';
import { priorityScaling } from './priority-scaling.js';
import { type PriorityOptions, previousScore, routeOf, type ScoredCustomer } from './priority-score.js';

/** What a standing reads of the columns: each customer's latest row, email code and five inputs. */
export type StandingColumns = Pick<PriorityColumnsInput, 'rows' | 'emails' | 'latest'>;

/**
 * priorityStanding over columns: the customer whose email has code `emailCode` (codes are distinct values), with
 * the same n, rank, cume_dist, change and route, from the same arithmetic over typed arrays; only that customer is
 * built (`customerAt`, with its previous inputs). Ties in priority are ordered by email as the ranking orders them,
 * decoding only the tied emails (`emailsOf`).
 */
export function priorityStandingOfColumns(
  columns: StandingColumns,
  emailCode: number,
  customerAt: (i: number) => ValueCustomer,
  emailsOf: (codes: ArrayLike<number>) => string[],
  options: PriorityOptions,
): { readonly n: number; readonly row: ScoredCustomer | null } {
  const { rows, latest, emails } = columns;
  const { recency, frequency, monetary, health, churn } = latest;
  const members = new Int32Array(rows.length);
  const rfms = new Float64Array(rows.length);
  let n = 0;
  let rfmMin = Number.POSITIVE_INFINITY;
  let rfmMax = Number.NEGATIVE_INFINITY;
  let healthMin = Number.POSITIVE_INFINITY;
  let healthMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as number;
    const rec = recency[r] as number;
    const freq = frequency[r] as number;
    const mon = monetary[r] as number;
    const h = health[r] as number;
    if (Number.isNaN(rec) || Number.isNaN(freq) || Number.isNaN(mon) || Number.isNaN(h)) continue;
    if (Number.isNaN(churn[r] as number)) continue;
    const rfm = (rec + freq + mon) / 3;
    if (rfm < rfmMin) rfmMin = rfm;
    if (rfm > rfmMax) rfmMax = rfm;
    if (h < healthMin) healthMin = h;
    if (h > healthMax) healthMax = h;
    members[n] = i;
    rfms[n] = rfm;
    n++;
  }
  const { normRfm, normHealth, scoreOf } = priorityScaling(options.weights, rfmMin, rfmMax, healthMin, healthMax);
  const priorities = new Float64Array(n);
  let target = -1;
  for (let k = 0; k < n; k++) {
    const r = rows[members[k] as number] as number;
    priorities[k] = scoreOf(rfms[k] as number, health[r] as number, churn[r] as number);
    if (emails.indices[r] !== emailCode) continue;
    // The first of the email's rows in ranking order (equal emails: priority, then input order).
    if (target < 0 || (priorities[target] as number) - (priorities[k] as number) < 0) target = k;
  }
  if (target < 0) return { n, row: null };
  const priority = priorities[target] as number;
  let before = 0;
  let above = 0;
  // Customers the priority alone does not order against the target (ties, NaN): ordered by email.
  const tied: number[] = [];
  for (let k = 0; k < n; k++) {
    const p = priorities[k] as number;
    if (p > priority) above++;
    const order = priority - p;
    if (order < 0) before++;
    else if (!(order > 0) && k !== target) tied.push(k);
  }
  if (tied.length > 0) {
    const codeOf = (k: number) => emails.indices[rows[members[k] as number] as number] as number;
    const [targetEmail, ...tiedEmails] = emailsOf([codeOf(target), ...tied.map(codeOf)]);
    tied.forEach((k, t) => {
      const byEmail = compareCodePoints(tiedEmails[t] as string, targetEmail as string);
      // The stable sort keeps input order among rows the comparator calls equal.
      if (byEmail < 0 || (byEmail === 0 && k < target)) before++;
    });
  }
  const customer = customerAt(members[target] as number);
  const rfm = rfms[target] as number;
  const cumeDist = (n - above) / n;
  const previousPriority = previousScore(customer.previous, scoreOf);
  const change = previousPriority === null ? null : priority - previousPriority;
  const segment = valueSegmentOf(customer.tier, customer.portfolioPct);
  const row: ScoredCustomer = {
    customer,
    segment,
    rank: before + 1,
    rfm,
    normRfm: normRfm(rfm),
    normHealth: normHealth(customer.health as number),
    priority,
    cumeDist,
    previousPriority,
    change,
    route: routeOf(segment, cumeDist, change, options),
  };
  return { n, row };
}
