import { describe, expect, it } from 'vitest';
import { displayWidth, truncateLabel, wrapLabel } from '../../src/charts/labels.js';

describe('charts/labels', () => {
  it('counts CJK and Hangul as two columns and emoji sequences as one character', () => {
    expect(displayWidth('Region')).toBe(6);
    expect(displayWidth('华东区 客户')).toBe(11);
    expect(displayWidth('서울')).toBe(4);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
  });

  it('leaves short labels alone and trims whitespace', () => {
    expect(truncateLabel('  EMEA ', 10)).toBe('EMEA');
    expect(truncateLabel('North', 5)).toBe('North');
  });

  it('truncates by display width with an ellipsis', () => {
    expect(truncateLabel('North America Enterprise', 12)).toBe('North Ameri…');
    expect(displayWidth(truncateLabel('North America Enterprise', 12))).toBeLessThanOrEqual(12);
    expect(truncateLabel('华东区 客户', 6)).toBe('华东…');
    expect(truncateLabel('华东区重点客户', 7)).toBe('华东区…');
  });

  it('never splits a grapheme cluster', () => {
    expect(truncateLabel('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', 4)).toBe('👨‍👩‍👧…');
    expect(truncateLabel('Cafe\u0301 Société Générale', 6)).toBe('Cafe\u0301…');
  });

  it('wraps at spaces and between CJK characters', () => {
    expect(wrapLabel('North America Enterprise', 14)).toEqual(['North America', 'Enterprise']);
    expect(wrapLabel('华东区重点客户', 8)).toEqual(['华东区重', '点客户']);
    expect(wrapLabel('EMEA', 14)).toEqual(['EMEA']);
    expect(wrapLabel('   ', 14)).toEqual([]);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    expect(wrapLabel('North America Enterprise Customers', 14)).toEqual(['North America', 'Enterprise Cu…']);
    expect(wrapLabel('one two three four five', 9, 1)).toEqual(['one two…']);
  });

  it('splits a word longer than a line', () => {
    const lines = wrapLabel('Supercalifragilisticexpialidocious', 10, 3);
    expect(lines).toEqual(['Supercalif', 'ragilistic', 'expialido…']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(10);
  });
});
