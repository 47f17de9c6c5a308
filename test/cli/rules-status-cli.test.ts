import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'radar-rules-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real CLI on the bundled demo, with a state file of its own (never written in local mode). */
function radar(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      RADAR_WAREHOUSE: '',
      RADAR_STATE_URL: '',
      RADAR_STATE_DB: join(dir, 'state.sqlite'),
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli/radar rules and radar status', () => {
  it('prints the thresholds in force with a backtest of proposed ones', () => {
    const { code, stdout } = radar({}, 'rules', '--backtest', 'red_below=45');
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Thresholds in force: red below 50, green above 70 (the defaults; nobody has changed them).',
    );
    expect(stdout).toMatch(/now: 126 red, ~\d+ new a week; with these: \d+ red, ~\d+ new a week; \d+% of the alerts/);
  });

  it.each([
    [['rules', '--backtest', 'bad=1'], 'Unknown option `bad`.'],
    [['rules', '--backtest', 'red_below=abc'], 'red_below must be a number (got "abc").'],
    [['rules', '--backtest', 'red_below=80'], 'red_below must not be above green_above'],
    [['rules', '--backtest', 'fallback_red=2'], 'fallback_red must be between 0.01 and 0.99.'],
  ])('refuses %j with a usage message and exit 2', (args, message) => {
    const { code, stdout, stderr } = radar({}, ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a bad RADAR_STALE_AFTER or RADAR_ADMINS naming the variable', () => {
    const stale = radar({ RADAR_STALE_AFTER: 'soon' }, 'status');
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('RADAR_STALE_AFTER must be a duration such as 3d or 36h');
    const admins = radar({ RADAR_ADMINS: 'bob' }, 'status');
    expect(admins.code).toBe(2);
    expect(admins.stderr).toContain('RADAR_ADMINS must list Slack user ids');
  });

  it('prints Radar’s status', () => {
    const { code, stdout } = radar({}, 'status');
    expect(code).toBe(0);
    expect(stdout).toContain('Radar 0.1.0 is well: no open problem.');
    expect(stdout).toContain('16 Nov 2026');
    expect(stdout).toContain('0 open, 0 acknowledged, 0 snoozed');
  });
});
