import {
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBTimestampMillisecondsValue,
  type DuckDBTimestampNanosecondsValue,
  type DuckDBTimestampSecondsValue,
  type DuckDBTimestampTZValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';

/** What the engine interface lets a value be once it leaves DuckDB. */
export type EngineValue = string | number | bigint | null;

export type ValueConverter = (value: DuckDBValue) => EngineValue;

/**
 * One converter per result column, chosen once from the column's type so the per-value work is a single call.
 * Types Radar's marts never use (lists, structs, intervals, UUIDs, blobs…) fall back to DuckDB's own text form, which
 * the cleaning rules then read like any other text.
 */
export function converterForType(type: DuckDBType): ValueConverter {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return nullOr((v) => v as string);
    case DuckDBTypeId.BOOLEAN:
      return nullOr((v) => (v ? 1 : 0));
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.DOUBLE:
      return nullOr((v) => v as number);
    case DuckDBTypeId.FLOAT:
      return nullOr((v) => shortestFloat32(v as number));
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.BIGNUM:
      return nullOr((v) => safeInteger(v as bigint));
    case DuckDBTypeId.DECIMAL:
      return nullOr((v) => decimalToEngine(v as DuckDBDecimalValue));
    case DuckDBTypeId.DATE:
      return nullOr((v) => dateText(v as DuckDBDateValue));
    case DuckDBTypeId.TIMESTAMP:
      return nullOr((v) => instantText((v as DuckDBTimestampValue).micros, 6, false));
    case DuckDBTypeId.TIMESTAMP_TZ:
      return nullOr((v) => instantText((v as DuckDBTimestampTZValue).micros, 6, true));
    case DuckDBTypeId.TIMESTAMP_S:
      return nullOr((v) => instantText((v as DuckDBTimestampSecondsValue).seconds, 0, false));
    case DuckDBTypeId.TIMESTAMP_MS:
      return nullOr((v) => instantText((v as DuckDBTimestampMillisecondsValue).millis, 3, false));
    case DuckDBTypeId.TIMESTAMP_NS:
      return nullOr((v) => instantText((v as DuckDBTimestampNanosecondsValue).nanos, 9, false));
    default:
      return nullOr((v) => String(v));
  }
}

function nullOr(convert: (value: NonNullable<DuckDBValue>) => EngineValue): ValueConverter {
  return (value) => (value === null || value === undefined ? null : convert(value));
}

/** Integers stay numbers while every digit survives; beyond 2^53 they stay exact as bigint. */
export function safeInteger(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * A DECIMAL becomes a number when the double reads back as the same decimal at the column's scale (12.50 → 12.5,
 * 0.1 → 0.1); otherwise (more than ~15 significant digits) its exact text, so no digit is silently changed.
 */
export function decimalToEngine(value: DuckDBDecimalValue): number | string {
  const text = value.toString();
  const double = Number(text);
  return Number.isFinite(double) && double.toFixed(value.scale) === text ? double : text;
}

/**
 * A FLOAT is a float32: widened to a double, 0.1 would read 0.10000000149011612. The shortest decimal that is the
 * same float32 is what was stored and what DuckDB itself prints.
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value)) return value;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return Number(value.toPrecision(9));
}

function dateText(value: DuckDBDateValue): string {
  // DuckDB prints dates as YYYY-MM-DD already; infinities stay its words for the reader to count as unreadable.
  return value.toString();
}

const TEN = 10n;

/**
 * ISO 8601 for an instant counted in 10^-fractionDigits seconds from the epoch: `2024-01-02T03:04:05.5`, and with
 * `+00:00` for TIMESTAMPTZ, which DuckDB stores as an instant (the session zone only affects display).
 */
export function instantText(units: bigint, fractionDigits: number, zoned: boolean): string {
  const perSecond = TEN ** BigInt(fractionDigits);
  let seconds = units / perSecond;
  let fraction = units % perSecond;
  if (fraction < 0n) {
    seconds -= 1n;
    fraction += perSecond;
  }
  const millis = Number(seconds) * 1000;
  const date = new Date(millis);
  // Past JavaScript's ±275760-year range (DuckDB's ±infinity): DuckDB's word, for the reader to count as unreadable.
  if (Number.isNaN(date.getTime())) return units > 0n ? 'infinity' : '-infinity';
  const iso = date.toISOString();
  // toISOString writes years past 9999 as +0YYYYY-…; cut at the seconds, after the date however long it is.
  const base = iso.slice(0, iso.indexOf('.'));
  const digits = fraction === 0n ? '' : `.${fraction.toString().padStart(fractionDigits, '0').replace(/0+$/, '')}`;
  return `${base}${digits}${zoned ? '+00:00' : ''}`;
}
