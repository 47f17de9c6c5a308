import { describe, expect, it } from 'vitest';
import { parseInstant, parseInstantByPattern } from '../../src/data/cleaning-rule.js';

/** Every plain shape, and near misses of each, with dates and times at and past their limits. */
function candidates(): string[] {
  const out: string[] = [];
  const dates = [
    '2024-02-29',
    '2023-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-12-31',
    '2024-04-31',
    '1900-02-29',
    '2000-02-29',
    '0050-06-15',
    '1970-01-01',
    '9999-12-31',
    '2024-1-01',
    '2024/01/01',
    '2024-01-0x',
    '２０２４-01-01',
    '2024-01-01',
  ];
  const times = [
    '00:00:00',
    '23:59:59',
    '24:00:00',
    '23:60:00',
    '23:59:60',
    '12:3:45',
    '12:34:5x',
    '12-34-56',
    '１２:00:00',
  ];
  for (const date of dates) {
    out.push(date, ` ${date}`, `${date} `, `${date}\u3000`, `${date}Z`);
    for (const time of times) {
      for (const separator of [' ', 'T', 't', '_']) {
        const text = `${date}${separator}${time}`;
        out.push(text, `${text}Z`, `${text}z`, `${text}+08:00`, `${text}.250`, `${text}Z `, text.slice(0, 16));
      }
    }
  }
  return out;
}

describe('data/cleaning-rule parseInstant shortcut', () => {
  it('reads every plain shape and every near miss exactly as the pattern does', () => {
    const texts = candidates();
    expect(texts.length).toBeGreaterThan(3000);
    let parsed = 0;
    for (const text of texts) {
      const expected = parseInstantByPattern(text);
      expect(parseInstant(text), JSON.stringify(text)).toBe(expected);
      if (expected !== null) parsed++;
    }
    // Both outcomes are represented: the near misses outnumber the valid texts.
    expect(parsed).toBeGreaterThan(200);
    expect(parsed).toBeLessThan(texts.length / 2);
    expect(parseInstant('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });
});
