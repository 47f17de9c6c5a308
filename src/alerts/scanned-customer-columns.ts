import { codedValue } from '../analysis/columns/coded-column.js';
import type { PriorityResult, ScoredCustomer } from '../analysis/priority/priority-score.js';
import type { ValueCustomer } from '../analysis/value-segments/value-customer.js';
import {
  type ActivityZoneColumns,
  type ActivityZoneTally,
  RULE_CODES,
  ZONE_CODES,
} from '../analysis/zones/activity-zone-columns.js';
import { activityZoneOf } from '../analysis/zones/activity-zones.js';
import type { ZoneName, ZoneOptions } from '../analysis/zones/zone-rules.js';
import type { ActivityZoneInput, CustomerZone, ZoneRule } from '../analysis/zones/zone-types.js';
import type { CustomerFigures, ScannedCustomer } from './alert-types.js';

export const NO_FIGURES: CustomerFigures = {
  tier: null,
  stage: null,
  ltv: null,
  health: null,
  churn: null,
  priority: null,
  priorityRank: null,
  rankedOf: null,
};

/** What a scan knows of every customer besides the zones: the value rows and their priority. */
export interface ScanFigureSources {
  readonly valueCustomers: readonly ValueCustomer[];
  readonly priority: PriorityResult | null;
}

/** A customer's value row (if any; its organisation is what a scan reads) and the figures an alert shows for it. */
export type FiguresLookup = (key: string) => {
  readonly value: Pick<ValueCustomer, 'organization'> | undefined;
  readonly figures: CustomerFigures;
};

/** The same by row of the activity columns a scan zones. */
export type RowFiguresLookup = (row: number) => ReturnType<FiguresLookup>;

/** A customer's zone with the figures an alert shows: the organisation falls back to the value row's. */
export function scannedCustomer(
  zone: CustomerZone,
  found: ReturnType<FiguresLookup>,
  dataDate: string | null,
): ScannedCustomer {
  return {
    key: zone.key,
    organization: zone.organization ?? found.value?.organization ?? null,
    zone: zone.zone,
    method: zone.method,
    score: zone.score,
    rule: zone.rule,
    reason: zone.reason,
    parts: { ...zone.parts },
    figures: found.figures,
    dataDate,
  };
}

/** Figures from a customer's value row and ranked row (NO_FIGURES without a value row). */
export function figuresOf(
  value: ValueCustomer | undefined,
  scored: ScoredCustomer | undefined,
  rankedOf: number | null,
): CustomerFigures {
  if (value === undefined) return NO_FIGURES;
  return {
    tier: value.tier,
    stage: value.stage,
    ltv: value.ltv,
    health: value.health,
    churn: value.churn,
    priority: scored?.priority ?? null,
    priorityRank: scored?.rank ?? null,
    rankedOf,
  };
}

/** The plain lookup: a Map over every value row and one over every ranked row. */
export function figuresLookup(sources: ScanFigureSources): FiguresLookup {
  const byEmail = new Map(sources.valueCustomers.map((c) => [c.email, c]));
  const ranked = new Map((sources.priority?.ranked ?? []).map((r) => [r.customer.email, r]));
  const rankedOf = sources.priority?.n ?? null;
  return (key) => {
    const value = byEmail.get(key);
    return { value, figures: figuresOf(value, ranked.get(key), rankedOf) };
  };
}

interface ScanColumns {
  readonly columns: ActivityZoneColumns;
  readonly tally: ActivityZoneTally;
  readonly options: ZoneOptions;
  readonly dataDate: string | null;
  readonly figures: RowFiguresLookup;
}

/**
 * Every activity-zoned customer as the scan stores, plans and digests them, from the typed tally instead of one
 * CustomerZone (reason sentence, parts) and one figures object per customer. The red customers, which become alerts,
 * are plain objects built whole; the others (nineteen in twenty at 1M) carry only their row: key, zone, score and rule
 * come from the columns, and reason, parts, figures and organisation are worked out, when read (a digest reads
 * organisations; nothing reads the rest today). Same values as the row path field by field
 * (test/alerts/scan-columns.test.ts).
 */
export function scannedCustomersFromColumns(
  columns: ActivityZoneColumns,
  tally: ActivityZoneTally,
  options: ZoneOptions,
  figures: RowFiguresLookup,
  dataDate: string | null,
): ScannedCustomer[] {
  const n = tally.zones.length;
  const redCode = ZONE_CODES.indexOf('red');
  const scan: ScanColumns = { columns, tally, options, dataDate, figures };
  const customers = new Array<ScannedCustomer>(n);
  for (let r = 0; r < n; r++) {
    if (tally.zones[r] !== redCode) {
      customers[r] = new LazyScannedCustomer(scan, r);
      continue;
    }
    customers[r] = scannedCustomer(zoneAt(scan, r), figures(r), dataDate);
  }
  return customers;
}

/** The row method's full verdict for row r (reason and parts included), from the columns. */
function zoneAt(scan: ScanColumns, r: number): CustomerZone {
  const { columns, tally } = scan;
  const engagement = columns.weightedEngagement[r] as number;
  const input: ActivityZoneInput = {
    key: codedValue(columns.key, r) as string,
    organization: codedValue(columns.organization, r),
    velocity: codedValue(columns.velocity, r),
    riskLevel: codedValue(columns.riskLevel, r),
    weightedEngagement: Number.isNaN(engagement) ? null : engagement,
  };
  return activityZoneOf(input, tally.scaledRange, scan.options);
}

/**
 * A customer who is not red: only its row stored, every field read from the columns and the tally or worked out
 * when read (see above). Nineteen in twenty customers at 1M are such objects, alive for the whole scan: each field
 * fewer is ~8 MB less for the young generation to copy per scan (and a score a boxed number less).
 */
class LazyScannedCustomer implements ScannedCustomer {
  readonly #scan: ScanColumns;
  readonly #row: number;

  constructor(scan: ScanColumns, row: number) {
    this.#scan = scan;
    this.#row = row;
  }

  get key(): string {
    return codedValue(this.#scan.columns.key, this.#row) as string;
  }

  get method(): 'activity' {
    return 'activity';
  }

  get zone(): ZoneName | null {
    return ZONE_CODES[this.#scan.tally.zones[this.#row] as number] ?? null;
  }

  get score(): number | null {
    const score = this.#scan.tally.scores[this.#row] as number;
    return Number.isNaN(score) ? null : score;
  }

  get rule(): ZoneRule {
    return RULE_CODES[this.#scan.tally.rules[this.#row] as number] as ZoneRule;
  }

  get organization(): string | null {
    const own = codedValue(this.#scan.columns.organization, this.#row);
    return own ?? this.#scan.figures(this.#row).value?.organization ?? null;
  }

  get reason(): string {
    return zoneAt(this.#scan, this.#row).reason;
  }

  get parts(): Readonly<Record<string, unknown>> {
    return { ...zoneAt(this.#scan, this.#row).parts };
  }

  get figures(): CustomerFigures {
    return this.#scan.figures(this.#row).figures;
  }

  get dataDate(): string | null {
    return this.#scan.dataDate;
  }

  /** The plain object the row path builds, in its key order, for JSON.stringify (stores, logs). */
  toJSON(): ScannedCustomer {
    return {
      key: this.key,
      organization: this.organization,
      zone: this.zone,
      method: this.method,
      score: this.score,
      rule: this.rule,
      reason: this.reason,
      parts: this.parts,
      figures: this.figures,
      dataDate: this.dataDate,
    };
  }
}
