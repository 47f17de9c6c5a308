import { type ChildProcess, spawn } from 'node:child_process';
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
    return await msUntilOutput(child, started, 'Radar is listening', {
      timedOut: 'radar serve not ready',
      exited: 'radar serve exited',
      before: 'ready',
    });
  } finally {
    child.kill('SIGTERM');
    await exited(child);
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
    return await msUntilOutput(child, started, 'radar> ', {
      timedOut: 'no local prompt',
      exited: 'npm start exited',
      before: 'the prompt',
    });
  } finally {
    child.stdin.end('exit\n');
    await exited(child);
  }
}

/** Wording of the two failures, so each measurement keeps its own error messages. */
interface ReadinessWording {
  timedOut: string;
  exited: string;
  before: string;
}

/**
 * Milliseconds from `started` until the child's stdout or stderr contains `marker`; rejects (with everything the
 * child printed) when it exits first or READY_TIMEOUT_MS passes.
 */
function msUntilOutput(
  child: ChildProcess,
  started: number,
  marker: string,
  wording: ReadinessWording,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${wording.timedOut} in ${READY_TIMEOUT_MS} ms:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${wording.exited} with ${code} before ${wording.before}:\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
}
