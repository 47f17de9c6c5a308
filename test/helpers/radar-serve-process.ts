import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestClockMessage, TestClockReport } from '../../src/slack/test-clock.js';

const repo = resolve(import.meta.dirname, '../..');
/** How much of a process's output is kept for the message when it fails. */
const OUTPUT_TAIL = 4_000;
const START_TIMEOUT_MS = 120_000;

/**
 * One real `radar serve` process (`src/cli/main.ts serve` from the sources, through tsx) with RADAR_TEST_CLOCK=ipc:
 * the test gives it the time over the IPC channel and moves it step by step (src/slack/test-clock.ts). `kill()` is
 * a SIGKILL; `start()` again restarts it on the same environment.
 */
export class RadarServeProcess {
  #child: ChildProcess | null = null;
  #exited: Promise<void> = Promise.resolve();
  #output = '';
  #listeners = new Set<(event: TestClockReport | 'exited') => void>();
  #caughtUp: Promise<void> = Promise.resolve();
  kills = 0;
  starts = 0;

  constructor(
    readonly name: string,
    private readonly env: Readonly<Record<string, string>>,
    /** The time given to the process when it starts (it asks for it before opening anything). */
    private readonly clock: () => number,
  ) {}

  /** Spawns the process; resolves once it takes requests and runs its schedules (see `caughtUp`). */
  async start(): Promise<void> {
    if (this.alive) throw new Error(`${this.name} is already running`);
    this.#output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(repo, 'src/cli/main.ts'), 'serve'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TMPDIR: process.env.TMPDIR ?? '/tmp',
        ...this.env,
        RADAR_TEST_CLOCK: 'ipc',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.#child = child;
    this.starts++;
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-OUTPUT_TAIL);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: TestClockReport) => {
      if (message.type === 'clock-wanted') this.#send({ type: 'clock', now: this.clock() });
      for (const listener of [...this.#listeners]) listener(message);
    });
    this.#exited = new Promise((done) => {
      child.on('exit', () => {
        for (const listener of [...this.#listeners]) listener('exited');
        done();
      });
    });
    const listening = this.#next((event) => event === 'exited' || event.type === 'listening');
    const caughtUp = this.#next((event) => event === 'exited' || event.type === 'caught-up');
    this.#caughtUp = caughtUp.then((event) => {
      if (event === 'exited') throw new Error(`${this.name} stopped before its start-up catch-up finished`);
    });
    this.#caughtUp.catch(() => undefined); // awaited only by tests that ask for it
    if ((await listening) === 'exited') throw new Error(`${this.name} stopped while starting:\n${this.#output}`);
  }

  /** Resolves once the latest start's catch-up (missed scan, digest, outbox) has finished; rejects if it died first. */
  get caughtUp(): Promise<void> {
    return this.#caughtUp;
  }

  /**
   * Moves the process's clock to `now`; resolves with the schedules it fired once they have finished, or 'killed'
   * if the process died meanwhile. A refused step or an exit the test did not cause fails.
   */
  async step(now: number): Promise<readonly string[] | 'killed'> {
    if (!this.alive) return 'killed';
    const answer = this.#next((event) => event === 'exited' || event.type === 'clock' || event.type === 'refused');
    this.#send({ type: 'clock', now });
    const event = await answer;
    if (event === 'exited') {
      if (this.#child?.signalCode === 'SIGKILL') return 'killed';
      throw new Error(`${this.name} exited by itself (code ${this.#child?.exitCode}):\n${this.#output}`);
    }
    if (event.type === 'refused') throw new Error(`${this.name} refused the step to ${now}: ${event.reason}`);
    return event.type === 'clock' ? event.fired : [];
  }

  /** SIGKILL, as a dead host would; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    this.kills++;
    this.#child?.kill('SIGKILL');
    await this.#exited;
  }

  /** Ends the process without counting a kill (test clean-up). */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.#child?.kill('SIGKILL');
    await this.#exited;
  }

  get alive(): boolean {
    const child = this.#child;
    return child !== null && child.exitCode === null && child.signalCode === null;
  }

  /** The tail of what the process wrote (stdout and stderr), for failure messages. */
  get output(): string {
    return this.#output;
  }

  #send(message: TestClockMessage): void {
    const child = this.#child;
    // A process killed a moment ago: its channel is closed, and the exit is reported to whoever waits.
    if (child?.connected) child.send(message, (error) => error ?? undefined);
  }

  #next(
    accept: (event: TestClockReport | 'exited') => boolean,
    timeoutMs = START_TIMEOUT_MS,
  ): Promise<TestClockReport | 'exited'> {
    return new Promise((resolveEvent, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        reject(new Error(`${this.name}: no answer within ${timeoutMs} ms:\n${this.#output}`));
      }, timeoutMs);
      const listener = (event: TestClockReport | 'exited') => {
        if (!accept(event)) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolveEvent(event);
      };
      this.#listeners.add(listener);
    });
  }
}
