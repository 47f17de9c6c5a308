import { describe, expect, it } from 'vitest';
import { chooseLanguage } from '../../src/cli/local-repl.js';
import { parsePromptLine } from '../../src/cli/prompt-line.js';
import { COMMANDS } from '../../src/commands/index.js';
import { parseCommand, resolveInvocation } from '../../src/commands/run-command.js';
import { loadConfig } from '../../src/config.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const priority = COMMANDS.find((c) => c.slash === '/priority');
if (priority === undefined) throw new Error('no /priority');

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.userMessage;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('RADAR_LANGUAGE', () => {
  it('defaults to English and accepts the tags people write', () => {
    expect(loadConfig({}).language).toBe('en');
    expect(loadConfig({ RADAR_LANGUAGE: 'zh' }).language).toBe('zh-CN');
    expect(loadConfig({ RADAR_LANGUAGE: 'zh_CN' }).language).toBe('zh-CN');
    expect(loadConfig({ RADAR_LANGUAGE: 'en-US' }).language).toBe('en');
    expect(loadConfig({ RADAR_LANGUAGE: '' }).language).toBe('en');
  });

  it('stops with a config error naming the variable and the supported languages', () => {
    expect(() => loadConfig({ RADAR_LANGUAGE: 'xx' })).toThrow(ConfigError);
    expect(() => loadConfig({ RADAR_LANGUAGE: 'xx' })).toThrow(
      'Configuration problem: RADAR_LANGUAGE must be one of en, zh-CN (got xx). Fix or unset the variable and start again.',
    );
  });
});

describe('lang= on any command', () => {
  it('sets the answer language; absent, the reader’s language is used', () => {
    const parsed = parseCommand(priority, 'top 5 lang=zh');
    expect(parsed.common.locale).toBe('zh-CN');
    expect(parseCommand(priority, 'top 5').common.locale).toBeUndefined();
    expect(parseCommand(priority, 'top 5 LANG=en-US', 'zh-CN').common.locale).toBe('en');
  });

  it('is a usage error listing the supported languages when Radar lacks the language', () => {
    const message = usageMessage(() => parseCommand(priority, 'lang=xx'));
    expect(message).toBe(
      [
        '`lang=xx`: Radar does not write in this language. Use one of: en, zh-CN.',
        `Usage: /priority ${priority.syntax.usage}`,
        'More: /priority help',
      ].join('\n'),
    );
  });

  it('writes usage mistakes in the chosen language, and in the reader’s by default', () => {
    expect(usageMessage(() => parseCommand(priority, 'lang=zh bogus=1'))).toMatch(/^未知选项 `bogus`。可用选项：/);
    expect(usageMessage(() => parseCommand(priority, 'bogus=1', 'zh-CN'))).toMatch(/^未知选项 `bogus`。/);
    expect(usageMessage(() => parseCommand(priority, 'bogus=1'))).toMatch(/^Unknown option `bogus`\. Options: /);
    expect(usageMessage(() => resolveInvocation('/nope', COMMANDS, 'zh-CN'))).toMatch(/^没有 `\/nope` 这个命令。/);
  });

  it('shows help in the chosen language', () => {
    const help = parseCommand(priority, 'help lang=zh-CN');
    expect(help.kind).toBe('help');
    if (help.kind === 'help') {
      expect(help.text).toContain('示例：');
      expect(help.text).toContain('lang=en|zh — 回答所用语言');
    }
  });
});

describe('the local prompt', () => {
  it('`lang zh-CN` switches the language; a bare `lang` keeps it; an unknown one is a usage error', () => {
    expect(chooseLanguage('zh-CN', 'en')).toBe('zh-CN');
    expect(chooseLanguage('en', 'zh-CN')).toBe('en');
    expect(chooseLanguage('', 'zh-CN')).toBe('zh-CN');
    expect(usageMessage(() => chooseLanguage('klingon', 'en'))).toBe(
      '`lang klingon`: Radar does not write in this language. Use one of: en, zh-CN.',
    );
  });

  it('says prompt mistakes in the session language', () => {
    expect(usageMessage(() => parsePromptLine('/priority --bogus', 'zh-CN'))).toBe(
      '未知参数 `--bogus`。提示符接受 --json、--details 和 --out DIR。',
    );
  });
});
