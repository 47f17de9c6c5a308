import { z } from 'zod';
import type { ChartRenderer } from '../../src/charts/render-pool.js';
import type { CommandAnswer } from '../../src/commands/command-answer.js';
import type { AnyCommandDefinition } from '../../src/commands/command-definition.js';
import { createLogger } from '../../src/logging.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import type { FakeSlack } from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';

export const TINY_SIGNING_SECRET = 'radar-test-signing-secret-tiny-0123';

/** A one-line answer with no charts, for tests about the Slack wiring rather than the analysis. */
export function tinyAnswer(title = 'Tiny answer'): CommandAnswer {
  return {
    command: '/tiny',
    title,
    headline: 'Three accounts need a call.',
    sections: [],
    provenance: { tables: [], n: 3, filters: [], thresholds: [], dataDate: '2025-01-05', qualityNotes: [] },
    charts: [],
    chartsOmitted: 0,
    data: {},
  };
}

/** `/tiny [n=1–1000]`: counts its runs, so a test sees whether (and how often) the work ran. */
export function tinyCommand(): AnyCommandDefinition & { runs: number } {
  const command = {
    runs: 0,
    slash: '/tiny',
    summary: 'test command /tiny',
    syntax: {
      slash: '/tiny',
      usage: '[n=1–1000]',
      options: { n: { schema: z.coerce.number().int().min(1).max(1000), allowed: '1–1000', description: 'rows' } },
    },
    examples: ['/tiny'],
    help: ['A command for tests.'],
    requirements: [],
    parse: (args: { option<T>(key: string): T | undefined }) => ({ n: args.option<number>('n') ?? 1 }),
    run: () => {
      command.runs += 1;
      return tinyAnswer();
    },
  };
  return command as unknown as AnyCommandDefinition & { runs: number };
}

const noCharts: ChartRenderer = {
  render: async () => Buffer.alloc(0),
  close: async () => undefined,
};

export interface TinyRadar extends RunningSlackApp {
  readonly fake: FakeSlack;
  readonly command: AnyCommandDefinition & { runs: number };
  readonly logLines: () => Record<string, unknown>[];
  /** Every body posted to any response_url, in order. */
  readonly responsePosts: () => Record<string, unknown>[];
}

/** The real Bolt app with `/tiny` against the fake Slack; `extra` overrides deps. */
export async function startTinyRadar(extra: Partial<SlackAppDeps> = {}): Promise<TinyRadar> {
  const env = await startFakeSlackEnv({ signingSecret: TINY_SIGNING_SECRET, env: { LOG_LEVEL: 'info' } });
  const rawLog: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => rawLog.push(line) } });
  const command = tinyCommand();
  const deps: SlackAppDeps = {
    commands: [command],
    contextFor: () => ({
      warehouse: () => {
        throw new Error('no warehouse in this test');
      },
      now: () => new Date(env.clock.now()),
      locale: 'en',
    }),
    clock: env.clock,
    logger,
    renderer: noCharts,
    privateByDefault: false,
    ...extra,
  };
  const app = await startSlackApp(env, deps);
  return {
    ...app,
    fake: env.fake,
    command,
    logLines: () => rawLog.map((line) => JSON.parse(line) as Record<string, unknown>),
    responsePosts: () => env.fake.responseUrls.all().flatMap((state) => state.posts.map((post) => post.body)),
  };
}
