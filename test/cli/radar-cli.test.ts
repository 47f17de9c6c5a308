import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_IDS } from '../../src/data/warehouse-schema.js';
import { createFixtureWarehouse } from '../helpers/fixture-warehouse.js';

const repo = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'radar-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real CLI entry point (TypeScript via tsx), as a user would from a clone. */
function radar(...args: string[]) {
  return radarWithInput(undefined, ...args);
}

function radarWithInput(input: string | undefined, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/main.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
    input,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      RADAR_WAREHOUSE: '',
      RADAR_HISTORY_FILE: join(dir, 'history'),
      RADAR_CHARTS_DIR: join(dir, 'charts'),
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function netsuiteWarehouse(name: string, rows: number): string {
  const path = join(dir, name);
  const netsuite = Array.from({ length: rows }, (_, i) => ({
    customer_id: `NET${i}`,
    subsidiary_id: '1',
    segmentation_date: '2026-06-30',
    profitability_segment: i % 2 ? 'Premium' : 'Basic',
    retention_probability: 0.3 + (i % 7) / 10,
    customer_name: 'x'.repeat(200),
  }));
  createFixtureWarehouse(path, { netsuite }, { omitTables: TABLE_IDS.filter((id) => id !== 'netsuite') });
  return path;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('radar CLI', () => {
  it('answers a command with n, filters, thresholds and the data date, leaving the warehouse untouched', () => {
    const path = netsuiteWarehouse('ok.sqlite', 40);
    const before = sha(path);
    const { code, stdout } = radar('ask', '/segment-anomalies', '--details', '--warehouse', path);
    expect(code).toBe(0);
    // The main message ends with one context line; the method part follows with --details.
    expect(stdout).toMatch(/^40 NetSuite customers · data as of 30 Jun 2026$/m);
    expect(stdout).toMatch(/--- Method and data ---/);
    expect(stdout).toMatch(/Customers described: 40/);
    expect(stdout).toMatch(/Filters: latest row per customer/);
    expect(stdout).toMatch(/Thresholds: anomaly when \|retention − segment mean\| > 0\.15/);
    expect(stdout).toMatch(/Data date: 2026-06-30/);
    expect(sha(path)).toBe(before);
  });

  it('prints the structured result with --json', () => {
    const path = netsuiteWarehouse('json.sqlite', 12);
    const { code, stdout } = radar('ask', '/segment-anomalies all', '--json', '--warehouse', path);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.command).toMatch(/^\/segment-anomalies all/);
    expect(parsed.provenance.n).toBe(12);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.sqlite'), /No warehouse file at .*nope\.sqlite/],
    [
      'a file that is not SQLite',
      () => {
        const p = join(dir, 'export.csv');
        writeFileSync(p, 'a,b\n1,2\n');
        return p;
      },
      /is not a SQLite database/,
    ],
    [
      'a truncated SQLite file',
      () => {
        const p = netsuiteWarehouse('truncated.sqlite', 3000);
        truncateSync(p, 4096 * 3);
        return p;
      },
      /is damaged .*truncated/,
    ],
    [
      'a warehouse missing the table',
      () => {
        const p = join(dir, 'no-netsuite.sqlite');
        const db = new Database(p);
        db.exec('CREATE TABLE customer360__customer_value_analysis (primary_email TEXT)');
        db.close();
        return p;
      },
      /has no table `netsuite2_customer_analytics`, which \/segment-anomalies needs/,
    ],
  ])('exits non-zero with one human line on %s', (_, makePath, message) => {
    const { code, stdout, stderr } = radar('ask', '/segment-anomalies', '--warehouse', makePath());
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    noStackTrace(stderr);
  });

  it('says what is wrong with the warehouse in the language asked for', () => {
    const p = join(dir, 'no-netsuite-zh.sqlite');
    const db = new Database(p);
    db.exec('CREATE TABLE customer360__customer_value_analysis (primary_email TEXT)');
    db.close();
    const { code, stdout, stderr } = radar('ask', '/segment-anomalies', '--lang', 'zh-CN', '--warehouse', p);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'radar: 仓库中没有 `netsuite2_customer_analytics` 表，而 /segment-anomalies 需要它。请把它加入导出（同名的 dbt 模型）。运行 `radar doctor --warehouse <path>` 查看文件内容。',
    );
  });

  it('exits 2 with usage naming an unknown option', () => {
    const path = netsuiteWarehouse('usage.sqlite', 5);
    const { code, stderr } = radar('ask', '/segment-anomalies colour=red', '--warehouse', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option `colour`.*threshold=/);
    expect(stderr).toMatch(/Usage: \/segment-anomalies/);
    noStackTrace(stderr);
  });

  it('prepares the snapshot cache once per export, and says plainly when the file is not a warehouse', () => {
    const path = netsuiteWarehouse('prepare.sqlite', 12);
    const env = ['--warehouse', path];
    process.env.RADAR_CACHE_DIR = join(dir, 'snapshot-cache');
    try {
      const first = radar('prepare', ...env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Built the snapshot cache of .*prepare\.sqlite in \d+\.\d s\./);
      // Worked by hand: 12 customers with one snapshot each, all on 2026-06-30.
      expect(first.stdout).toContain(
        'netsuite (netsuite2_customer_analytics): latest row of 12 customers, second-latest of 0, data date 2026-06-30',
      );
      expect(first.stdout).toContain(join(dir, 'snapshot-cache'));
      expect(radar('prepare', ...env).stdout).toMatch(/is already up to date/);

      const notSqlite = join(dir, 'prepare-not-sqlite.sqlite');
      writeFileSync(notSqlite, 'hello');
      const bad = radar('prepare', '--warehouse', notSqlite);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/is not a SQLite database/);
      noStackTrace(bad.stderr);
    } finally {
      delete process.env.RADAR_CACHE_DIR;
    }
  });

  it('exits 2 naming an unknown command', () => {
    const { code, stderr } = radar('ask', '/churn-magic', '--warehouse', join(dir, 'unused.sqlite'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/There is no command `\/churn-magic`/);
  });

  it('runs a local prompt without Slack tokens: help, answers, errors that do not end the session, history', () => {
    const path = netsuiteWarehouse('repl.sqlite', 20);
    const { code, stdout } = radarWithInput(
      'help\n/segment-anomalies threshold=2\n/segment-anomalies all\nexit\n',
      '--warehouse',
      path,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Radar local mode — answering from .*repl\.sqlite/);
    expect(stdout).toMatch(/\/segment-anomalies\s+Customers whose retention/);
    expect(stdout).toMatch(/`threshold=2` is not allowed/);
    expect(stdout).toMatch(/20 NetSuite snapshot rows · every snapshot row/);
    expect(readFileSync(join(dir, 'history'), 'utf8').trim().split('\n')).toEqual([
      'help',
      '/segment-anomalies threshold=2',
      '/segment-anomalies all',
    ]);
  });

  it('stops before the local prompt, exit 1, when the warehouse is missing or is not a database', () => {
    const notDatabase = join(dir, 'notes.sqlite');
    writeFileSync(notDatabase, 'meeting notes, not an export');
    for (const [path, says] of [
      [join(dir, 'absent.sqlite'), 'No warehouse file at'],
      [notDatabase, 'is not a SQLite database'],
    ] as const) {
      const { code, stdout, stderr } = radarWithInput('/priority\nexit\n', '--warehouse', path);
      expect(code).toBe(1);
      expect(stderr).toContain(says);
      expect(stdout).not.toContain('radar>');
      noStackTrace(stderr);
    }
  });

  it('writes the charts of a prompt answer by default and prints their paths; --out DIR picks the folder', () => {
    const path = netsuiteWarehouse('repl-charts.sqlite', 20);
    const chosen = join(dir, 'chosen');
    const { code, stdout } = radarWithInput(
      `/segment-anomalies\n/segment-anomalies --out ${chosen}\nexit\n`,
      '--warehouse',
      path,
    );
    expect(code).toBe(0);
    const written = [...stdout.matchAll(/^ {2}(\S+\.png)$/gm)].map((m) => m[1] as string);
    const byDefault = written.filter((f) => f.startsWith(join(dir, 'charts')));
    const inChosen = written.filter((f) => f.startsWith(chosen));
    expect(byDefault.length).toBeGreaterThan(0);
    expect(inChosen.length).toBe(byDefault.length);
    for (const file of written) expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  });

  it('radar ask takes --out DIR in the space form', () => {
    const path = netsuiteWarehouse('ask-out.sqlite', 20);
    const out = join(dir, 'ask-out');
    const { code, stdout } = radar('ask', '/segment-anomalies', '--out', out, '--warehouse', path);
    expect(code).toBe(0);
    expect(stdout).toContain(`Chart files:\n  ${join(out, '')}`);
  });
});
