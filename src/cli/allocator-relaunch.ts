import { spawn } from 'node:child_process';

/**
 * glibc's malloc settings for `radar serve`, read only when a process starts (so the launcher restarts Node with
 * them). librsvg, cairo and sharp free buffers of a few hundred kB to a few MB per chart; after the first such
 * buffer is freed glibc raises its mmap threshold to that size, so later ones come from the heap of the worker's
 * arena and stay resident. A fixed 1 MB threshold hands them back on free: one chart worker after 138 renders held
 * 393 MB instead of 503 MB (src/charts/README.md), and the whole 5k bench process peaked 72 MB lower (647 → 575 MB)
 * for ≈ 5–8 % more CPU on renders (page faults on fresh buffers). A setting already in the environment is kept.
 */
export const SERVE_ALLOCATOR_ENV: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '1048576' };

/**
 * V8's heap growth for `radar serve` (every thread: V8 flags are per process). After a full collection V8 lets the
 * heap grow by a factor it picks between 1.1 and 4 before the next one; at a million customers, where one answer
 * allocates ~600 MB of short-lived arrays over a live heap of ~1 GB, that let the bench's 1M process reach 3.1 GB
 * with ~1.3 GB live. A fixed 1.5 keeps it at 2.4 GB for ~5 % more CPU (145 s vs 138 s user + sys for the whole 1M
 * bench process; bench/README.md).
 */
export const SERVE_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50'];

/**
 * V8's young generation for `radar prepare`: 64 MB semi-spaces instead of 16. The build hands tens of millions of
 * short-lived row arrays over from SQLite; with the default, scavenges copy the rows still in flight again and again.
 * At a million customers: one thread 142.5 → 132.5 s (GC 16.3 → 13.3 s of the profile), two threads 80.6 → 76.7 s
 * (bench/README.md). Costs up to ~150 MB more per thread while it builds (three semi-spaces of 64 MB, not 16).
 */
export const PREPARE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** Global options of main.ts that take a value (the word after them is not the subcommand). */
const OPTIONS_WITH_VALUE = new Set(['-w', '--warehouse']);

/** The subcommand of a `radar` argument list (what follows `node radar.js`), or undefined when there is none. */
export function subcommandOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (OPTIONS_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Whether this launch serves Slack: `radar serve`, or `radar` / `npm start` with no subcommand and a bot token
 * (main.ts serves Slack then, and the local prompt otherwise).
 */
export function servesSlack(args: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const subcommand = subcommandOf(args);
  if (subcommand !== undefined) return subcommand === 'serve';
  return !args.some((arg) => arg === '-h' || arg === '--help') && (env.SLACK_BOT_TOKEN ?? '').trim() !== '';
}

/**
 * Whether this launch should restart Node with SERVE_ALLOCATOR_ENV: a launch that serves Slack, on Linux (glibc reads
 * these variables), when they are not set yet and no parent talks to this process over IPC (the test clock does; a
 * relaunched child would not have the channel).
 */
export function needsAllocatorRelaunch(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  hasIpc: boolean,
): boolean {
  if (platform !== 'linux' || hasIpc || !servesSlack(args, env)) return false;
  return Object.keys(SERVE_ALLOCATOR_ENV).some((name) => env[name] === undefined);
}

/**
 * Whether this launch should restart Node with PREPARE_NODE_FLAGS: `radar prepare`, unless Node already runs with a
 * semi-space size (the relaunched child, or an operator's choice) or a parent talks to it over IPC.
 */
export function needsPrepareRelaunch(args: readonly string[], execArgv: readonly string[], hasIpc: boolean): boolean {
  if (hasIpc || subcommandOf(args) !== 'prepare') return false;
  return !execArgv.some((flag) => flag.startsWith('--max-semi-space-size') || flag.startsWith('--semi-space'));
}

/**
 * Runs this same launch again as a child with the settings its subcommand needs (serve: SERVE_ALLOCATOR_ENV and
 * SERVE_NODE_FLAGS; prepare: PREPARE_NODE_FLAGS), passing signals on and exiting as it exits. Returns false (and
 * does nothing) when no relaunch is needed; the caller then starts the CLI itself.
 */
export function relaunchWithLaunchSettings(): boolean {
  const args = process.argv.slice(2);
  const hasIpc = process.send !== undefined;
  const settings = needsAllocatorRelaunch(args, process.env, process.platform, hasIpc)
    ? { flags: SERVE_NODE_FLAGS, env: SERVE_ALLOCATOR_ENV }
    : needsPrepareRelaunch(args, process.execArgv, hasIpc)
      ? { flags: PREPARE_NODE_FLAGS, env: {} }
      : undefined;
  if (!settings) return false;
  const child = spawn(process.execPath, [...settings.flags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...settings.env, ...process.env },
  });
  // SIGTERM from a supervisor reaches only this process; serve drains and stops on it, so pass it on.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => {
    if (signal !== null) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
  return true;
}
