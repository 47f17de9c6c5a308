import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultChartsFolder, parsePromptLine } from '../../src/cli/prompt-line.js';
import { UsageError } from '../../src/errors.js';

describe('cli/prompt line', () => {
  it('takes --out DIR (space form) as well as --out=DIR, and --json, anywhere on the line', () => {
    expect(parsePromptLine('/priority top 5 --out charts')).toEqual({
      text: '/priority top 5',
      json: false,
      out: 'charts',
    });
    expect(parsePromptLine('/priority --out=charts top 5')).toEqual({
      text: '/priority top 5',
      json: false,
      out: 'charts',
    });
    expect(parsePromptLine('  /radar doctor --json ')).toEqual({ text: '/radar doctor', json: true, out: undefined });
  });

  it('refuses --out without a folder and an unknown flag, instead of dropping them', () => {
    expect(() => parsePromptLine('/priority --out')).toThrow(UsageError);
    expect(() => parsePromptLine('/priority --out=')).toThrow(/needs a folder/);
    expect(() => parsePromptLine('/priority --png')).toThrow(/Unknown flag `--png`/);
  });

  it('names the default folder after the UTC time and the command', () => {
    const at = new Date(Date.UTC(2026, 11, 7, 9, 5, 3));
    expect(defaultChartsFolder('radar-charts', '/priority', at)).toBe(
      join('radar-charts', '2026-12-07T09-05-03-priority'),
    );
  });
});
