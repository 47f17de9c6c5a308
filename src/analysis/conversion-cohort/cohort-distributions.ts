import type { CodedColumn } from '../columns/coded-column.js';
import type { Flag } from './cohort-inputs.js';

export interface LevelShare {
  readonly label: string;
  readonly n: number;
  /** Share of the customers that have a label (missing ones are counted apart). */
  readonly share: number;
}

export interface Distribution {
  /** Customers with a label. */
  readonly n: number;
  readonly missing: number;
  /** Most frequent first; ties alphabetically. */
  readonly levels: readonly LevelShare[];
}

/** Counts of each label; NULL labels are counted as missing, not as a level. */
export function distribution(labels: readonly (string | null)[]): Distribution {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const label of labels) {
    if (label === null) missing++;
    else counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return distributionOfCounts(counts, labels.length - missing, missing);
}

/** distribution over a coded column (its `rows` only, when given): counted per code, then per label. */
export function distributionOfCodes(column: CodedColumn, rows?: ArrayLike<number>): Distribution {
  const perCode = new Float64Array(column.dictionary.length);
  const count = rows ? rows.length : column.indices.length;
  let missing = 0;
  for (let k = 0; k < count; k++) {
    const code = column.indices[rows ? (rows[k] as number) : k] as number;
    if (code < 0) missing++;
    else perCode[code] = (perCode[code] as number) + 1;
  }
  const counts = new Map<string, number>();
  column.dictionary.forEach((label, code) => {
    const k = perCode[code] as number;
    if (k > 0) counts.set(label, (counts.get(label) ?? 0) + k);
  });
  return distributionOfCounts(counts, count - missing, missing);
}

function distributionOfCounts(counts: ReadonlyMap<string, number>, n: number, missing: number): Distribution {
  const levels = [...counts]
    .map(([label, count]) => ({ label, n: count, share: count / n }))
    .sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { n, missing, levels };
}

export interface FlagShare {
  /** Customers with a clean 0/1 flag. */
  readonly n: number;
  readonly active: number;
  /** active / n; null when no customer has a clean flag. */
  readonly share: number | null;
  /** Customers whose flag is NULL or was not a clean 0/1 (left out of the share). */
  readonly notClean: number;
}

export function flagShare(flags: readonly Flag[]): FlagShare {
  let active = 0;
  let notClean = 0;
  for (const f of flags) {
    if (f === null) notClean++;
    else if (f === 1) active++;
  }
  const n = flags.length - notClean;
  return { n, active, share: n > 0 ? active / n : null, notClean };
}

/** flagShare over a flag column's `rows` (NaN or anything but 0/1 is not clean, as the reader's Flag). */
export function flagShareOfRows(flags: Float64Array, rows: ArrayLike<number>): FlagShare {
  let active = 0;
  let notClean = 0;
  for (let k = 0; k < rows.length; k++) {
    const f = flags[rows[k] as number] as number;
    if (f === 1) active++;
    else if (f !== 0) notClean++;
  }
  const n = rows.length - notClean;
  return { n, active, share: n > 0 ? active / n : null, notClean };
}
