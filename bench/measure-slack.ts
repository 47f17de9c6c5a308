import type { ChartRenderer } from '../src/charts/render-pool.js';
import type { AnyCommandDefinition, CommandContext } from '../src/commands/command-definition.js';
import type { CommandExecutor } from '../src/commands/command-pool.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logging.js';
import { createSlackApp, SLACK_EVENTS_PATH } from '../src/slack/create-app.js';
import { FAKE_CHANNELS, FAKE_USERS, FakeSlack } from '../test/helpers/fake-slack/index.js';
import { getFreePort } from '../test/helpers/free-port.js';
import { sendSlashCommand } from '../test/helpers/slack-requests.js';
import type { SlackBurstResult } from './bench-types.js';
import { summarise } from './stats.js';

const SIGNING_SECRET = 'radar-bench-signing-secret';

/**
 * The Slack path through the real Bolt app and HTTP receiver, against the fake Slack: `concurrency` signed slash
 * commands sent at once (cycling through the commands). Ack = the HTTP response to the signed request; answered =
 * from the burst's start until the request's log line (written after the answer and its charts were posted). Answers
 * not posted within `answerTimeoutMs` of the start are counted as such and abandoned.
 */
export async function measureSlackBurst(
  commands: readonly AnyCommandDefinition[],
  textFor: (slash: string) => string,
  context: () => CommandContext,
  renderer: ChartRenderer,
  executor: CommandExecutor,
  concurrency: number,
  answerTimeoutMs: number,
): Promise<SlackBurstResult> {
  const fake = await FakeSlack.start();
  const port = await getFreePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  const answeredAt: number[] = [];
  const outcomes: Record<string, number> = {};
  const destination = {
    write(line: string) {
      const parsed = JSON.parse(line) as { request?: { outcome?: string } };
      if (parsed.request?.outcome === undefined) return;
      answeredAt.push(performance.now());
      outcomes[parsed.request.outcome] = (outcomes[parsed.request.outcome] ?? 0) + 1;
    },
  };
  const handle = createSlackApp(
    config,
    {
      commands,
      contextFor: context,
      clock: { now: () => Date.now() },
      logger: createLogger({ level: 'info', destination }),
      renderer,
      // As `radar serve` runs them: commands in worker threads, so an analysis never holds up an ack.
      executor,
      privateByDefault: false,
    },
    { retryConfig: { retries: 0 } },
  );
  await handle.app.start(port);
  const target = { url: `http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, signingSecret: SIGNING_SECRET, fake };
  const asked = commands.filter((c) => c.slash !== '/radar');
  let abandoned = false;
  try {
    const start = performance.now();
    const sends = await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        const command = asked[i % asked.length] as AnyCommandDefinition;
        const sent = performance.now();
        const response = await sendSlashCommand(target, {
          command: command.slash,
          text: textFor(command.slash),
          userId: FAKE_USERS.berlin,
          channelId: FAKE_CHANNELS.publicMember,
        });
        if (response.status !== 200) throw new Error(`${command.slash}: HTTP ${response.status}`);
        return performance.now() - sent;
      }).map((ack) => withinDeadline(ack, start + answerTimeoutMs)),
    );
    // An ack still missing at the deadline counts as the deadline: a lower bound, so p99 is never flattered.
    const unacked = sends.filter((ms) => ms === null).length;
    const acks = sends.map((ms) => ms ?? answerTimeoutMs);
    await new Promise((resolve) => setImmediate(resolve));
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      handle.tasks.idle().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, answerTimeoutMs - (performance.now() - start)));
      }),
    ]);
    clearTimeout(timer);
    abandoned = !finished || unacked > 0;
    return {
      concurrency,
      ack: summarise(acks),
      answered: summarise(answeredAt.map((t) => t - start)),
      outcomes: {
        ...outcomes,
        ...(unacked > 0 ? { [`not acked within ${answerTimeoutMs} ms`]: unacked } : {}),
        ...(finished ? {} : { [`not answered within ${answerTimeoutMs} ms`]: concurrency - answeredAt.length }),
      },
    };
  } finally {
    await handle.app.stop();
    // Answers still computing after the timeout are abandoned: the size's process exits once it has written its result.
    if (!abandoned) await handle.tasks.idle();
    await fake.stop();
  }
}

/** The promise's value, or null if it has not settled by `deadline` (a performance.now() time). */
async function withinDeadline<T>(promise: Promise<T>, deadline: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
