import { describe, expect, it } from 'vitest';
import { formatDataDate, parseTimestamp, toFlag, toNumber, toText } from '../../src/data/clean-values.js';

describe('data/clean-values', () => {
  it('reads numbers from numbers and plain numeric text only', () => {
    const issues = { unreadable: 0 };
    expect([1.5, '2', ' -3.5 ', '.5', '1e3', '', 'abc', '1,000', null].map((v) => toNumber(v, issues))).toEqual([
      1.5,
      2,
      -3.5,
      0.5,
      1000,
      null,
      null,
      null,
      null,
    ]);
    expect(issues.unreadable).toBe(3);
  });

  it('accepts only 0/1 and "0"/"1" as flags and counts the rest', () => {
    const issues = { unreadable: 0 };
    expect([0, 1, '1', ' 0 ', 2, 'yes', true, null].map((v) => toFlag(v, issues))).toEqual([
      0,
      1,
      1,
      0,
      null,
      null,
      null,
      null,
    ]);
    expect(issues.unreadable).toBe(3);
  });

  it('trims labels, keeps case, and maps blank to null', () => {
    const issues = { unreadable: 0 };
    expect([' High Activity Risk ', '', 42].map((v) => toText(v, issues))).toEqual(['High Activity Risk', null, '42']);
  });

  it('parses both timestamp formats as the same UTC instant and rejects impossible dates', () => {
    expect(parseTimestamp('2024-05-01 10:00:00')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseTimestamp('2024-05-01T10:00:00Z')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseTimestamp('2024-05-01T12:00:00+0200')).toBe(Date.UTC(2024, 4, 1, 10));
    expect(parseTimestamp('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
    expect(parseTimestamp('2024-02-31')).toBeNull();
    expect(parseTimestamp('yesterday')).toBeNull();
  });

  it('shows the data date as a day, or to the minute in UTC', () => {
    expect(formatDataDate(Date.UTC(2026, 10, 16))).toBe('2026-11-16');
    expect(formatDataDate(Date.UTC(2026, 10, 16, 9, 30))).toBe('2026-11-16 09:30 UTC');
    expect(formatDataDate(null)).toBeNull();
  });
});
