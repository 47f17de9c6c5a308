import { describe, expect, it } from 'vitest';
import { CommandArgs } from '../../src/commands/command-args.js';
import { ECHO_LIMIT, shortEcho } from '../../src/format/short-echo.js';
import { translator } from '../../src/i18n/translate.js';
import { ASKED_BY, SHARED_BY, WORKING_TEXT } from '../../src/slack/messages.js';

const SYNTAX = { slash: '/priority', usage: 'top N', options: {} };

describe('format/shortEcho', () => {
  it('repeats short text as typed and cuts long text with its length', () => {
    expect(shortEcho('top 20')).toBe('top 20');
    expect(shortEcho('x'.repeat(ECHO_LIMIT))).toBe('x'.repeat(ECHO_LIMIT));
    expect(shortEcho('abcdef', 3)).toBe('abc… (6 characters)');
    // Code points, not UTF-16 units: the emoji is kept whole.
    expect(shortEcho('😀😀😀😀', 2)).toBe('😀😀… (4 characters)');
  });

  it('keeps a usage error echoing a 45,000-character word short enough for Slack', () => {
    const word = 'w'.repeat(45_000);
    let message = '';
    try {
      new CommandArgs(word, SYNTAX).finish();
    } catch (error) {
      message = (error as { userMessage: string }).userMessage;
    }
    expect(message).toContain(`I don't understand \`${'w'.repeat(ECHO_LIMIT)}… (45,000 characters)\``);
    expect(message.length).toBeLessThan(300);
  });

  it('keeps the "Asked by" footer and "Working on" short for a 3,000-character command', () => {
    const invocation = `/customer ${'a'.repeat(2_990)}`;
    const t = translator('en');
    for (const text of [ASKED_BY(t, 'U1', invocation), SHARED_BY(t, 'U1', invocation), WORKING_TEXT(t, invocation)]) {
      expect(text.length).toBeLessThan(200);
      expect(text).toContain('(3,000 characters)');
    }
  });
});
