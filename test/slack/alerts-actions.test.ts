import { afterEach, describe, expect, it } from 'vitest';
import { ALERT_ACTIONS, ALERT_MENU_ACTION, ALERT_VIEWS, MODAL_INPUTS } from '../../src/slack/alerts/alert-text.js';
import { customer, HOUR, T0 } from '../alerts/alert-fixtures.js';
import { scan } from '../alerts/scan-helpers.js';
import {
  ALERT_CHANNEL,
  type AlertsHarness,
  ESCALATION_CHANNEL,
  MANAGERS,
  startAlertsHarness,
} from '../alerts/slack-harness.js';
import { FAKE_USERS, RESPONSE_URL_METHOD } from '../helpers/fake-slack/index.js';
import {
  buildBlockActionsPayload,
  sendAppHomeOpened,
  sendBlockActions,
  sendSignedRequest,
  sendViewSubmission,
} from '../helpers/slack-requests.js';

const harnesses: AlertsHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.stop();
    // Every message, update, modal and Home view Radar sent passed the fake's Block Kit checks.
    expect(h.fake.violations).toEqual([]);
  }
});

/** A harness with one individual alert (detected at T0) posted to the alert channel; returns its id and ts. */
async function withPostedAlert(): Promise<{ h: AlertsHarness; id: number; ts: string }> {
  const h = await startAlertsHarness();
  harnesses.push(h);
  const store = h.alerts.runtime.store;
  await scan(store, [customer('k@x.com', 'green')], T0 - HOUR);
  const outcome = await scan(store, [customer('k@x.com', 'green'), customer('r@x.com', 'red', { rank: 3 })], T0);
  await h.alerts.runtime.drain();
  const id = outcome?.created[0]?.id ?? -1;
  const post = h.fake.calls.succeeded('chat.postMessage')[0];
  const ts = (post?.response as { ts?: string } | undefined)?.ts ?? '';
  return { h, id, ts };
}

function blocksText(blocks: unknown): string {
  return JSON.stringify(blocks);
}

describe('slack/alerts buttons and modals (signed HTTP)', () => {
  it('posts the alert card with the reason, the figures, the SLA clock and the four buttons', async () => {
    const { h, ts } = await withPostedAlert();
    const message = h.fake.workspace.findMessage(ALERT_CHANNEL, ts);
    const text = blocksText(message?.blocks);
    expect(text).toContain('Red zone: Org r@x.com');
    expect(text).toContain('Zone score 40 (fixture).');
    expect(text).toContain('#3 of 100');
    expect(text).toContain('SLA: log an intervention by');
    for (const id of Object.values(ALERT_ACTIONS)) expect(text).toContain(id);
    expect(h.fake.violations).toEqual([]);
  });

  it('acts once when the same signed Acknowledge request arrives twice', async () => {
    const { h, id, ts } = await withPostedAlert();
    const responseUrl = h.fake.createResponseUrl({
      userId: FAKE_USERS.berlin,
      channelId: ALERT_CHANNEL,
      messageTs: ts,
    });
    const payload = buildBlockActionsPayload(
      {
        userId: FAKE_USERS.berlin,
        actions: [{ actionId: ALERT_ACTIONS.acknowledge, value: String(id) }],
        message: { channelId: ALERT_CHANNEL, ts },
      },
      responseUrl,
      h.fake.workspace.findMessage(ALERT_CHANNEL, ts),
    );
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    // Signed a second later: a byte-identical replay is refused at the door (401, request-guard.test.ts); this is
    // the same action delivered twice, which the store must apply once.
    const nowSec = Math.floor(Date.now() / 1000);
    const first = await sendSignedRequest(h.target, body, 'application/x-www-form-urlencoded', {
      timestampSec: nowSec,
    });
    const second = await sendSignedRequest(h.target, body, 'application/x-www-form-urlencoded', {
      timestampSec: nowSec + 1,
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    await h.settle();

    const alert = await h.alerts.runtime.store.getAlert(id);
    expect(alert).toMatchObject({ state: 'acknowledged', acknowledgedBy: FAKE_USERS.berlin, acknowledgedAt: T0 });
    expect(h.fake.calls.succeeded('chat.update')).toHaveLength(1);
    const card = blocksText(h.fake.workspace.findMessage(ALERT_CHANNEL, ts)?.blocks);
    expect(card).toContain(`Acknowledged by <@${FAKE_USERS.berlin}>`);
    expect(card).not.toContain(ALERT_ACTIONS.acknowledge);
    const told = h.fake.calls.of(RESPONSE_URL_METHOD);
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0]?.args)).toContain('already acknowledged');
  });

  it('assigns through the modal, DMs the assignee once, and updates the card in place', async () => {
    const { h, id, ts } = await withPostedAlert();
    await sendBlockActions(h.target, {
      userId: FAKE_USERS.berlin,
      actions: [{ actionId: ALERT_ACTIONS.assign, value: String(id) }],
      message: { channelId: ALERT_CHANNEL, ts },
    });
    await h.fake.waitForCall('views.open');
    await h.settle();
    expect(blocksText(h.fake.workspace.modals[0]?.view)).toContain(MODAL_INPUTS.assignee.action);
    const submission = {
      userId: FAKE_USERS.berlin,
      callbackId: ALERT_VIEWS.assign,
      privateMetadata: String(id),
      values: {
        [MODAL_INPUTS.assignee.block]: {
          [MODAL_INPUTS.assignee.action]: { type: 'users_select', selected_user: FAKE_USERS.shanghai },
        },
      },
    };
    expect((await sendViewSubmission(h.target, submission)).status).toBe(200);
    expect((await sendViewSubmission(h.target, submission)).status).toBe(200);
    await h.settle();

    expect(await h.alerts.runtime.store.getAlert(id)).toMatchObject({
      assignee: FAKE_USERS.shanghai,
      assignedBy: FAKE_USERS.berlin,
      state: 'acknowledged',
    });
    const dms = h.fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === FAKE_USERS.shanghai);
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.args.text)).toContain('You were assigned');
    expect(h.fake.calls.succeeded('chat.update')).toHaveLength(1);
    expect(blocksText(h.fake.workspace.findMessage(ALERT_CHANNEL, ts)?.blocks)).toContain(
      `assigned to <@${FAKE_USERS.shanghai}> by <@${FAKE_USERS.berlin}>`,
    );
  });

  it('logs an intervention once per submitted modal and shows the SLA met', async () => {
    const { h, id, ts } = await withPostedAlert();
    const submission = {
      userId: FAKE_USERS.newYork,
      callbackId: ALERT_VIEWS.logIntervention,
      privateMetadata: String(id),
      viewId: 'V0NOTEVIEW1',
      values: {
        [MODAL_INPUTS.note.block]: {
          [MODAL_INPUTS.note.action]: { type: 'plain_text_input', value: ' Called the CFO ' },
        },
      },
    };
    await sendViewSubmission(h.target, submission);
    await sendViewSubmission(h.target, submission);
    await h.settle();
    expect(await h.alerts.runtime.store.interventionsSince(0)).toMatchObject([
      { alertId: id, loggedBy: FAKE_USERS.newYork, note: 'Called the CFO' },
    ]);
    expect(h.fake.calls.succeeded('chat.update')).toHaveLength(1);
    expect(blocksText(h.fake.workspace.findMessage(ALERT_CHANNEL, ts)?.blocks)).toContain('SLA met');
  });

  it('refuses an empty intervention note in the modal', async () => {
    const { h, id } = await withPostedAlert();
    const response = await sendViewSubmission(h.target, {
      userId: FAKE_USERS.newYork,
      callbackId: ALERT_VIEWS.logIntervention,
      privateMetadata: String(id),
      values: { [MODAL_INPUTS.note.block]: { [MODAL_INPUTS.note.action]: { type: 'plain_text_input', value: '  ' } } },
    });
    expect(JSON.parse(response.body)).toMatchObject({ response_action: 'errors' });
    expect(await h.alerts.runtime.store.interventionsSince(0)).toEqual([]);
  });

  it('snoozes (card shows it), then reminds in the thread at 24 h after the snooze and escalates to the managers', async () => {
    const { h, id, ts } = await withPostedAlert();
    await sendBlockActions(h.target, {
      userId: FAKE_USERS.berlin,
      actions: [{ actionId: ALERT_ACTIONS.snooze, value: String(id) }],
      message: { channelId: ALERT_CHANNEL, ts },
    });
    await h.settle();
    expect(blocksText(h.fake.workspace.findMessage(ALERT_CHANNEL, ts)?.blocks)).toContain('snoozed by');

    h.clock.set(T0 + 24 * HOUR);
    await h.alerts.runtime.checkSla();
    expect(h.fake.calls.succeeded('chat.postMessage', (c) => c.args.thread_ts === ts)).toHaveLength(0);
    h.clock.set(T0 + 48 * HOUR);
    await h.alerts.runtime.checkSla();
    const reminders = h.fake.calls.succeeded('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(reminders).toHaveLength(1);
    expect(String(reminders[0]?.args.text)).toContain('nobody has acknowledged');
    h.clock.set(T0 + 72 * HOUR);
    await h.alerts.runtime.checkSla();
    const escalations = h.fake.calls.succeeded('chat.postMessage', (c) => c.args.channel === ESCALATION_CHANNEL);
    expect(escalations).toHaveLength(1);
    for (const manager of MANAGERS) expect(blocksText(escalations[0]?.args.blocks)).toContain(`<@${manager}>`);
    expect(blocksText(h.fake.workspace.findMessage(ALERT_CHANNEL, ts)?.blocks)).toContain('SLA missed');
  });

  it('offers the card actions in a menu on each overflow line, and updates the summary in place', async () => {
    const h = await startAlertsHarness();
    harnesses.push(h);
    const store = h.alerts.runtime.store;
    // Enough known customers that 21 new reds are news, not a new warehouse.
    const known = Array.from({ length: 40 }, (_, i) => customer(`k${i}@x.com`, 'green'));
    await scan(store, known, T0 - HOUR);
    const reds = Array.from({ length: 21 }, (_, i) => customer(`r${i}@x.com`, 'red', { rank: i + 1 }));
    const outcome = await scan(store, [...known, ...reds], T0);
    await h.alerts.runtime.drain();
    const overflow = outcome?.created.find((a) => a.delivery === 'overflow');
    const summary = h.fake.calls.succeeded('chat.postMessage', (c) =>
      String(c.args.text).includes('more customers'),
    )[0];
    const ts = (summary?.response as { ts?: string } | undefined)?.ts ?? '';
    expect(blocksText(summary?.args.blocks)).toContain(`acknowledge:${overflow?.id}`);

    const payload = buildBlockActionsPayload(
      {
        userId: FAKE_USERS.berlin,
        actions: [{ actionId: ALERT_MENU_ACTION }],
        message: { channelId: ALERT_CHANNEL, ts },
      },
      h.fake.createResponseUrl({ userId: FAKE_USERS.berlin, channelId: ALERT_CHANNEL, messageTs: ts }),
      h.fake.workspace.findMessage(ALERT_CHANNEL, ts),
    );
    payload.actions = [
      {
        type: 'overflow',
        action_id: ALERT_MENU_ACTION,
        block_id: 'line',
        selected_option: { text: { type: 'plain_text', text: 'Acknowledge' }, value: `acknowledge:${overflow?.id}` },
        action_ts: '1.0',
      },
    ];
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    expect((await sendSignedRequest(h.target, body, 'application/x-www-form-urlencoded')).status).toBe(200);
    await h.settle();
    expect(await store.getAlert(overflow?.id ?? -1)).toMatchObject({ acknowledgedBy: FAKE_USERS.berlin });
    const updated = h.fake.calls.succeeded('chat.update', (c) => c.args.ts === ts);
    expect(updated).toHaveLength(1);
    expect(blocksText(updated[0]?.args.blocks)).toContain('acknowledged');
  });

  it('shows the user their assigned and snoozed alerts with SLA clocks, and their next digest, in App Home', async () => {
    const { h, id } = await withPostedAlert();
    await h.alerts.runtime.assign(id, FAKE_USERS.berlin, FAKE_USERS.shanghai);
    h.clock.set(T0 + 5 * HOUR);
    await sendAppHomeOpened(h.target, FAKE_USERS.shanghai);
    await h.fake.waitForCall('views.publish');
    const home = blocksText(h.fake.workspace.homeViews.get(FAKE_USERS.shanghai)?.view);
    expect(home).toContain('Assigned to you');
    expect(home).toContain('43 h left');
    // Wei is a manager in Asia/Shanghai: Monday 09:00 CST = 01:00 UTC, so after T0 (Mon 10:00 UTC) it is next week.
    expect(home).toContain('Your next weekly digest: Mon 30 Nov 2026, 09:00 GMT+8');
  });
});
