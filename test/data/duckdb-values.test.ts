import { DuckDBDecimalValue } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { decimalToEngine, instantText, safeInteger, shortestFloat32 } from '../../src/data/engines/duckdb-values.js';

describe('data/engines/duckdb-values', () => {
  it('keeps integers as numbers up to 2^53 and exact bigints beyond', () => {
    expect(safeInteger(9007199254740991n)).toBe(9007199254740991);
    expect(safeInteger(-9007199254740991n)).toBe(-9007199254740991);
    expect(safeInteger(9007199254740992n)).toBe(9007199254740992n);
    expect(safeInteger(-9007199254740992n)).toBe(-9007199254740992n);
  });

  it('reads a DECIMAL as a number only when the double gives back the same decimal', () => {
    expect(decimalToEngine(new DuckDBDecimalValue(1250n, 10, 2))).toBe(12.5);
    expect(decimalToEngine(new DuckDBDecimalValue(-5n, 10, 3))).toBe(-0.005);
    expect(decimalToEngine(new DuckDBDecimalValue(0n, 18, 4))).toBe(0);
    // Up to 15 significant digits always survive a double; 19 here do not (…568.00 would come back).
    expect(decimalToEngine(new DuckDBDecimalValue(123456789012345n, 18, 5))).toBe(1234567890.12345);
    expect(decimalToEngine(new DuckDBDecimalValue(1234567890123456789n, 20, 2))).toBe('12345678901234567.89');
    // Past 1e21 a double prints in exponent form: kept as text.
    expect(decimalToEngine(new DuckDBDecimalValue(10n ** 22n, 38, 0))).toBe('10000000000000000000000');
  });

  it('reads a FLOAT as the shortest decimal of the same float32, as DuckDB prints it', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(-1234.567))).toBe(-1234.567);
    expect(shortestFloat32(Math.fround(16777217))).toBe(16777216);
    expect(shortestFloat32(Math.fround(1e-10))).toBe(1e-10);
    expect(shortestFloat32(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it('writes instants as ISO 8601, before the epoch too, with +00:00 for zoned types', () => {
    expect(instantText(0n, 6, false)).toBe('1970-01-01T00:00:00');
    expect(instantText(-500_000n, 6, false)).toBe('1969-12-31T23:59:59.5');
    expect(instantText(1_727_683_200_000_001n, 6, true)).toBe('2024-09-30T08:00:00.000001+00:00');
    expect(instantText(1_727_683_200_123n, 3, false)).toBe('2024-09-30T08:00:00.123');
    expect(instantText(1_727_683_200n, 0, false)).toBe('2024-09-30T08:00:00');
    // DuckDB's infinities are beyond any date JavaScript can hold.
    expect(instantText(2n ** 63n - 1n, 6, false)).toBe('infinity');
    expect(instantText(-(2n ** 63n - 1n), 6, true)).toBe('-infinity');
  });
});
