import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSlack } from '../test/helpers/fake-slack/index.js';
import { getFreePort } from '../test/helpers/free-port.js';

const RUNS = 3;
const READY_TIMEOUT_MS = 60_000;

/**
 * Process cold start to ready: `node bin/radar.js serve` (the compiled app, as deployed) from spawn until it logs
 * that it listens, against the fake Slack (auth.test) and the given warehouse. Null when dist/ is not built.
 */
export async function measureColdStart(repoRoot: string, warehousePath: string): Promise<number[] | null> {
  const bin = join(repoRoot, 'bin', 'radar.js');
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) return null;
  const fake = await FakeSlack.start();
  try {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await startOnce(bin, repoRoot, fake, warehousePath));
    return runs;
  } finally {
    await fake.stop();
  }
}

async function startOnce(bin: string, cwd: string, fake: FakeSlack, warehousePath: string): Promise<number> {
  const port = await getFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: 'radar-bench-cold-start',
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      RADAR_WAREHOUSE: warehousePath,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`radar serve not ready in ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Radar is listening')) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`radar serve exited with ${code} before ready:\n${output}`));
      });
    });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

/**
 * `npm start` on a built clone without Slack tokens: `node bin/start.js` (what the start script runs, including
 * its dist/ freshness check) from spawn until the local prompt `radar> ` appears. Null when dist/ is not built.
 */
export async function measureLocalPromptStart(repoRoot: string, warehousePath: string): Promise<number[] | null> {
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) return null;
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++)
    runs.push(await promptOnce(join(repoRoot, 'bin', 'start.js'), repoRoot, warehousePath));
  return runs;
}

async function promptOnce(bin: string, cwd: string, warehousePath: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin], {
    cwd,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      SLACK_APP_TOKEN: '',
      RADAR_WAREHOUSE: warehousePath,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`no local prompt in ${READY_TIMEOUT_MS} ms:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('radar> ')) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited with ${code} before the prompt:\n${output}`));
      });
    });
  } finally {
    child.stdin.end('exit\n');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}
