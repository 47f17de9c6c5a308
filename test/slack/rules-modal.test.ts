import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanJob } from '../../src/alerts/alert-jobs.js';
import { readRadarState } from '../../src/alerts/radar-state-source.js';
import { DEFAULT_SCAN_CRON } from '../../src/alerts/schedules.js';
import { computeZones } from '../../src/analysis/zones/compute-zones.js';
import { DEFAULT_ZONE_THRESHOLDS, zoneOptionsWith } from '../../src/analysis/zones/zone-thresholds.js';
import type { CommandContext } from '../../src/commands/command-definition.js';
import { COMMANDS } from '../../src/commands/index.js';
import { ensureDemoWarehouse } from '../../src/data/demo/demo-warehouse-path.js';
import { loadZoneInputs } from '../../src/data/queries/zone-inputs.js';
import { createWarehouseProvider } from '../../src/data/warehouse-provider.js';
import { createLogger } from '../../src/logging.js';
import { createSlackAlerts } from '../../src/slack/alerts/slack-alerts.js';
import { previewRules } from '../../src/slack/rules/preview-rules.js';
import { inputBlockId, RULES_ACTIONS, RULES_VIEW } from '../../src/slack/rules/threshold-modal.js';
import type { SlackAppDeps } from '../../src/slack/slack-deps.js';
import { T0, tempStore } from '../alerts/alert-fixtures.js';
import { StubRenderer } from '../alerts/slack-harness.js';
import { FAKE_CHANNELS, FAKE_USERS, type FakeSlack, ManualClock } from '../helpers/fake-slack/index.js';
import { type RunningSlackApp, startFakeSlackEnv, startSlackApp } from '../helpers/slack-app-harness.js';
import { sendBlockActions, sendSlashCommand, sendViewSubmission } from '../helpers/slack-requests.js';

const ADMIN = FAKE_USERS.berlin;
const NOT_ADMIN = FAKE_USERS.newYork;
const ALERT_CHANNEL = FAKE_CHANNELS.publicMember;
const value = (v: string) => ({ value: { type: 'plain_text_input', value: v } });

/**
 * The threshold change end to end over signed HTTP against the fake Slack: the /radar rules answer, the admin-only
 * button, the modal (views.open), its Preview (views.update with the backtest), validation errors, a forged
 * submission, the saved change with its line in the alert channel, and the next scan using the new threshold.
 */
describe('slack/zone thresholds: /radar rules, the admin modal and the next scan (signed HTTP, fake Slack)', () => {
  let app: RunningSlackApp;
  let fake: FakeSlack;
  let state: ReturnType<typeof tempStore>;
  let provider: ReturnType<typeof createWarehouseProvider>;

  beforeAll(async () => {
    const env = await startFakeSlackEnv({
      signingSecret: 'radar-rules-signing-secret-0123456789',
      clock: new ManualClock(T0),
      env: { RADAR_ALERT_CHANNEL: ALERT_CHANNEL, RADAR_ADMINS: ADMIN, LOG_LEVEL: 'silent' },
    });
    fake = env.fake;
    const logger = createLogger({ level: 'silent' });
    state = tempStore();
    provider = createWarehouseProvider(ensureDemoWarehouse('full'));
    const base: CommandContext = { warehouse: provider.get, now: () => new Date(env.clock.now()), locale: 'en' };
    const context: CommandContext = {
      ...base,
      radarState: () =>
        readRadarState(state.store, {
          now: env.clock.now(),
          scanCron: DEFAULT_SCAN_CRON,
          version: 'test',
          managers: [],
          staleAfterMs: null,
          stateLocation: state.path,
        }),
    };
    const alerts = createSlackAlerts(env.config, {
      context: base,
      now: () => env.clock.now(),
      logger,
      renderer: new StubRenderer(),
      clientOverrides: { retryConfig: { retries: 0 } },
      store: state.store,
    });
    if (alerts === null) throw new Error('alerts not configured');
    const radar = COMMANDS.find((c) => c.slash === '/radar');
    if (radar === undefined) throw new Error('no /radar');
    const deps: SlackAppDeps = {
      commands: COMMANDS,
      contextFor: () => context,
      clock: env.clock,
      logger,
      renderer: new StubRenderer(),
      privateByDefault: false,
      rules: {
        store: state.store,
        drain: () => alerts.runtime.drain(),
        admins: env.config.RADAR_ADMINS,
        preview: (values) => previewRules(undefined, radar, values, context),
        now: () => env.clock.now(),
        logger,
      },
    };
    app = await startSlackApp(env, deps, { retryConfig: { retries: 0 } }, alerts);
  });

  afterAll(async () => {
    await app.stop();
    provider.close();
    await state.cleanup();
  });

  /** What the asker got through the command's response_url (ephemeral offers and notes). */
  const responsesTo = (userId: string) =>
    fake.responseUrls
      .all()
      .filter((r) => r.userId === userId)
      .flatMap((r) => r.posts.map((p) => JSON.stringify(p.body)));

  it('answers /radar rules for everyone; only an admin gets the Edit thresholds button', async () => {
    for (const userId of [ADMIN, NOT_ADMIN]) {
      const response = await sendSlashCommand(app.target, {
        command: '/radar',
        text: 'rules',
        userId,
        channelId: ALERT_CHANNEL,
      });
      expect(response.status).toBe(200);
    }
    await app.settle();
    const answers = fake.workspace.messagesIn(ALERT_CHANNEL).map((m) => m.text ?? '');
    expect(answers.filter((t) => t.includes('Thresholds in force: red below 50, green above 70'))).toHaveLength(2);
    expect(responsesTo(ADMIN).some((b) => b.includes(RULES_ACTIONS.edit))).toBe(true);
    expect(responsesTo(NOT_ADMIN).some((b) => b.includes(RULES_ACTIONS.edit))).toBe(false);
  });

  it('refuses the button from a non-admin (a forged press) and opens the modal for an admin', async () => {
    await sendBlockActions(app.target, {
      userId: NOT_ADMIN,
      actions: [{ actionId: RULES_ACTIONS.edit }],
      message: { channelId: ALERT_CHANNEL, ts: '1700000000.000001', ephemeral: true },
    });
    await app.settle();
    expect(fake.workspace.modals).toHaveLength(0);
    expect(responsesTo(NOT_ADMIN).some((b) => b.includes('Only the people in RADAR_ADMINS'))).toBe(true);

    await sendBlockActions(app.target, {
      userId: ADMIN,
      actions: [{ actionId: RULES_ACTIONS.edit }],
      message: { channelId: ALERT_CHANNEL, ts: '1700000000.000002', ephemeral: true },
    });
    await app.settle();
    expect(fake.workspace.modals).toHaveLength(1);
    const modal = fake.workspace.modals[0]?.view as { callback_id: string; blocks: { block_id?: string }[] };
    expect(modal.callback_id).toBe(RULES_VIEW);
    expect(modal.blocks.map((b) => b.block_id)).toContain(inputBlockId('redBelow'));
  });

  it('previews the backtest in the modal (views.update) after the ack', async () => {
    const viewId = fake.workspace.modals[0]?.id ?? '';
    await sendBlockActions(app.target, {
      userId: ADMIN,
      actions: [{ actionId: RULES_ACTIONS.preview }],
      homeViewId: viewId,
    });
    await app.settle();
    const updated = JSON.stringify(fake.workspace.modals[0]?.view);
    expect(updated).toMatch(/now: 126 red, ~\d+ new a week/);
    expect(fake.violations).toEqual([]);
  });

  it('keeps the modal open with field errors for bad values, and saves nothing', async () => {
    const response = await sendViewSubmission(app.target, {
      userId: ADMIN,
      callbackId: RULES_VIEW,
      viewId: 'V0RULES0001',
      values: { [inputBlockId('redBelow')]: value('abc'), [inputBlockId('greenAbove')]: value('40') },
    });
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { [inputBlockId('redBelow')]: 'red_below must be a number (got "abc").' },
    });
    const order = await sendViewSubmission(app.target, {
      userId: ADMIN,
      callbackId: RULES_VIEW,
      viewId: 'V0RULES0002',
      values: { [inputBlockId('redBelow')]: value('75') },
    });
    expect(JSON.parse(order.body)).toMatchObject({
      response_action: 'errors',
      errors: { [inputBlockId('redBelow')]: expect.stringContaining('must not be above green_above') },
    });
    await app.settle();
    expect((await state.store.thresholdsInForce()).version).toBe(0);
  });

  it('refuses a forged submission from a non-admin', async () => {
    const response = await sendViewSubmission(app.target, {
      userId: NOT_ADMIN,
      callbackId: RULES_VIEW,
      viewId: 'V0RULES0003',
      values: { [inputBlockId('redBelow')]: value('45') },
    });
    expect(JSON.parse(response.body)).toMatchObject({ response_action: 'errors' });
    await app.settle();
    expect((await state.store.thresholdsInForce()).version).toBe(0);
  });

  it('records an admin’s change once, posts one line to the alert channel, and the next scan uses it', async () => {
    const submission = {
      userId: ADMIN,
      callbackId: RULES_VIEW,
      viewId: 'V0RULES0004',
      values: { [inputBlockId('redBelow')]: value('45'), [inputBlockId('greenAbove')]: value('70') },
    };
    expect((await sendViewSubmission(app.target, submission)).status).toBe(200);
    expect((await sendViewSubmission(app.target, submission)).status).toBe(200); // Slack retried it
    await app.settle();
    expect(await state.store.thresholdsInForce()).toEqual({
      thresholds: { ...DEFAULT_ZONE_THRESHOLDS, redBelow: 45 },
      changedBy: ADMIN,
      changedAt: T0,
      version: 1,
    });
    const lines = fake.workspace
      .messagesIn(ALERT_CHANNEL)
      .filter((m) => (m.text ?? '').includes('changed the zone thresholds'));
    expect(lines.map((m) => m.text)).toEqual([
      `:triangular_ruler: <@${ADMIN}> changed the zone thresholds: red_below 50 → 45. The next scan uses them.`,
    ]);

    // The next scan: its baseline tracks exactly the customers red under red_below = 45 (fewer than under 50).
    const outcome = await runScanJob({
      store: state.store,
      warehouse: provider.get,
      scanCron: DEFAULT_SCAN_CRON,
      now: T0,
    });
    const inputs = loadZoneInputs(provider.get(), 'test').inputs;
    const redAt = (redBelow: number) =>
      computeZones(inputs, zoneOptionsWith({ ...DEFAULT_ZONE_THRESHOLDS, redBelow })).counts.red;
    expect(outcome.ran).toBe(true);
    expect((await state.store.activeAlerts()).length).toBe(redAt(45));
    expect(redAt(45)).toBeLessThan(redAt(50));
  });
});
